"""The catalogue: categories and products as the contract shows them, loading them, and taking stock.

Rows keep resources, pricing and config_ranges as JSON text written by `catalogue_rules` (money as
decimal strings); everything a client sees is built here, so checkout, store and admin API agree on one shape.
"""
from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from typing import Any

from app.core.money import money_str

from ..errors import ApiError, not_found
from .catalogue_rules import (
    RESOURCE_DEFAULTS,
    RESOURCE_LIMITS,
    validate_category_body,
    validate_product_body,
)

__all__ = [
    "category_out", "product_out", "load_product", "load_products", "take_stock", "return_stock",
    "validate_category_body", "validate_product_body", "unit_price_str",
    "insert_row", "update_row", "fetch_row", "merge_update",
]

# A per-unit rate (per GB or per core per month) may be finer than the currency: 0.0125/GB is a real price.
UNIT_PRICE_PLACES = 4


def _archived(out: dict, row) -> dict:
    # Only archived rows carry the flag, so a live row's shape is exactly the contract's.
    if row["archived"]:
        out["archived"] = True
    return out


def category_out(row) -> dict:
    return _archived({"id": row["id"], "name": row["name"], "slug": row["slug"],
                      "description": row["description"], "sort_order": row["sort_order"],
                      "updated_at": row["updated_at"]}, row)


def unit_price_str(value, places: int) -> str:
    """At least the currency's places, at most UNIT_PRICE_PLACES, never an exponent."""
    amount = Decimal(str(value))
    exponent = amount.normalize().as_tuple().exponent
    shown = min(max(places, -exponent if isinstance(exponent, int) else 0), UNIT_PRICE_PLACES)
    return money_str(amount, shown)


def product_out(row, category_row, places: int) -> dict:
    stock = row["stock"]
    stored = json.loads(row["resources"])
    resources = {key: stored.get(key, RESOURCE_DEFAULTS.get(key)) for key in RESOURCE_LIMITS}
    pricing = [{"billing_cycle": p["billing_cycle"], "price": money_str(Decimal(p["price"]), places),
                "setup_fee": money_str(Decimal(p.get("setup_fee") or "0"), places)}
               for p in json.loads(row["pricing"])]
    ranges = json.loads(row["config_ranges"]) if row["config_ranges"] else None
    if ranges is not None:
        ranges = {key: {"min": r["min"], "max": r["max"], "step": r["step"],
                        "unit_price": unit_price_str(r.get("unit_price") or "0", places)}
                  for key, r in ranges.items()}
    out = {
        "id": row["id"], "name": row["name"], "slug": row["slug"], "description": row["description"],
        "category": {"id": category_row["id"], "name": category_row["name"], "slug": category_row["slug"]},
        "resources": resources, "pricing_type": row["pricing_type"], "pricing": pricing,
        "config_ranges": ranges, "stock": stock, "in_stock": stock is None or stock > 0,
        "sort_order": row["sort_order"], "updated_at": row["updated_at"],
    }
    return _archived(out, row)


def _category(conn: sqlite3.Connection, category_id: str):
    return conn.execute("SELECT * FROM categories WHERE id = ?", (category_id,)).fetchone()


def load_product(conn: sqlite3.Connection, id_or_slug: str, places: int, *,
                 include_archived: bool = False) -> dict | None:
    """The product with this id, else this slug; None when unknown (or archived, unless asked for)."""
    row = conn.execute("SELECT * FROM products WHERE id = ? OR slug = ? ORDER BY id = ? DESC LIMIT 1",
                       (id_or_slug, id_or_slug, id_or_slug)).fetchone()
    if row is None or (row["archived"] and not include_archived):
        return None
    return product_out(row, _category(conn, row["category_id"]), places)


def load_products(conn: sqlite3.Connection, ids: list[str], places: int) -> dict[str, dict]:
    """Live products by id; ids that are unknown or archived are simply absent from the result."""
    wanted = sorted({str(i) for i in ids})
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = conn.execute(f"SELECT * FROM products WHERE archived = 0 AND id IN ({marks})", wanted).fetchall()
    categories: dict[str, sqlite3.Row] = {}
    out: dict[str, dict] = {}
    for row in rows:
        cid = row["category_id"]
        if cid not in categories:
            categories[cid] = _category(conn, cid)
        out[row["id"]] = product_out(row, categories[cid], places)
    return out


def take_stock(conn: sqlite3.Connection, product_id: str, quantity: int, now: str) -> bool:
    """Take `quantity` from a limited stock inside the caller's write transaction.

    One conditional UPDATE, so two buyers can never both take the last unit even without BEGIN IMMEDIATE.
    Unlimited stock (NULL) is left untouched and always succeeds; updated_at moves only when the stock does,
    which is what carries the new count to syncing clients.
    """
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise ValueError(f"quantity must be a positive whole number, got {quantity!r}")
    taken = conn.execute(
        "UPDATE products SET stock = stock - ?, updated_at = ? "
        "WHERE id = ? AND stock IS NOT NULL AND stock >= ?", (quantity, now, product_id, quantity))
    if taken.rowcount == 1:
        return True
    row = conn.execute("SELECT stock FROM products WHERE id = ?", (product_id,)).fetchone()
    return row is not None and row["stock"] is None


def return_stock(conn: sqlite3.Connection, order_id: str, now: str) -> None:
    """Give limited stock back what an order took, when it never became a sale (an unpaid order cancelled);
    unlimited (NULL) stays as it is. Refunds and services that end give no stock back (docs/api.md)."""
    for item in conn.execute("SELECT product_id, quantity FROM order_items WHERE order_id = ?", (order_id,)):
        conn.execute("UPDATE products SET stock = stock + ?, updated_at = ? WHERE id = ? AND stock IS NOT NULL",
                     (item["quantity"], now, item["product_id"]))


# -- rows for the admin API (catalogue and coupons); table and column names always come from our code ------
def insert_row(conn: sqlite3.Connection, table: str, row: dict) -> None:
    conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 list(row.values()))


def update_row(conn: sqlite3.Connection, table: str, row_id: str, changes: dict) -> None:
    sets = ", ".join(f"{column} = ?" for column in changes)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*changes.values(), row_id])


def fetch_row(conn: sqlite3.Connection, table: str, row_id: str, what: str, *, editable: bool = False):
    row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise not_found(what)
    if editable and "archived" in row.keys() and row["archived"]:
        raise ApiError(409, "conflict", f"This {what.lower()} was deleted; it can no longer be changed.")
    return row


def merge_update(current: dict, body: Any) -> Any:
    # A non-object body is passed through untouched so the validator reports it.
    if not isinstance(body, dict):
        return body
    out = {**current, **body}
    if isinstance(current.get("resources"), dict) and isinstance(body.get("resources"), dict):
        out["resources"] = {**current["resources"], **body["resources"]}
    return out
