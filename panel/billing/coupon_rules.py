"""What an admin may write as a coupon, and how an admin sees one.

The checkout applies coupons (the contract's Pricing, step 2); this module only guards what goes into the
table, with the same whole-body rule as the catalogue: every problem is reported, nothing is written until
the body passes.
"""
from __future__ import annotations

import json
import re
import sqlite3
from decimal import Decimal
from typing import Any

from app.core.money import money_str

from ..timefmt import iso, parse_iso
from .catalogue_rules import Problems, check_money, known_fields, optional_count

# Stored as typed (shown back the same way); unique regardless of case because customers type codes freely.
COUPON_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{3,32}$")
COUPON_FIELDS = {"code", "type", "value", "product_ids", "recurring", "expires_at", "max_uses",
                 "max_uses_per_user", "active"}


def coupon_out(row, places: int) -> dict:
    """An admin's view of a coupon; `uses` is the row's redemption count when the query provides it."""
    value = Decimal(row["value"])
    return {
        "id": row["id"], "code": row["code"], "type": row["type"],
        # A percentage is not money: "12.5" stays "12.5" whatever the currency's places.
        "value": money_str(value, places) if row["type"] == "fixed" else format(value, "f"),
        "product_ids": json.loads(row["product_ids"]), "recurring": bool(row["recurring"]),
        "expires_at": row["expires_at"], "max_uses": row["max_uses"],
        "max_uses_per_user": row["max_uses_per_user"], "active": bool(row["active"]),
        "uses": row["uses"] if "uses" in row.keys() else 0,
        "created_at": row["created_at"], "updated_at": row["updated_at"],
    }


def validate_coupon_body(conn: sqlite3.Connection, body: Any, places: int, *,
                         own_id: str | None = None) -> dict:
    p = Problems()
    known_fields(p, body, COUPON_FIELDS)
    code = body.get("code")
    if not isinstance(code, str) or not COUPON_CODE_RE.match(code):
        p.add("code", "Must be 3 to 32 characters of A-Z, 0-9, '_' and '-'.")
    elif conn.execute("SELECT 1 FROM coupons WHERE code = ? COLLATE NOCASE AND id IS NOT ?",
                      (code, own_id)).fetchone():
        p.add("code", "This code is already in use.")
    kind = body.get("type")
    if kind not in ("percent", "fixed"):
        p.add("type", "Must be 'percent' or 'fixed'.")
    value = body.get("value")
    amount = (check_money(p, "value", value, 2, positive=True, at_most=Decimal(100)) if kind == "percent"
              else check_money(p, "value", value, places, positive=True))
    ids = body.get("product_ids", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        p.add("product_ids", "Must be a list of product ids.")
        ids = []
    ids = sorted(set(ids))
    for pid in ids:
        if not conn.execute("SELECT 1 FROM products WHERE id = ?", (pid,)).fetchone():
            p.add("product_ids", f"Unknown product: {pid}.")
    flags = {}
    for key, default in (("recurring", False), ("active", True)):
        flags[key] = body.get(key, default)
        if not isinstance(flags[key], bool):
            p.add(key, "Must be true or false.")
    expires = body.get("expires_at")
    if expires is not None:
        try:
            expires = iso(parse_iso(expires))
        except (ValueError, TypeError):
            p.add("expires_at", "Must be an ISO-8601 timestamp or null.")
    # Stored as shown, so code that reads the column raw (coupon checks) shows "5.00", not "5".
    value_text = money_str(amount, places) if kind == "fixed" else format(amount, "f")
    out = {"code": code, "type": kind, "value": value_text, "product_ids": json.dumps(ids),
           "recurring": int(flags["recurring"] is True), "expires_at": expires,
           "max_uses": optional_count(p, "max_uses", body.get("max_uses")),
           "max_uses_per_user": optional_count(p, "max_uses_per_user", body.get("max_uses_per_user")),
           "active": int(flags["active"] is True)}
    p.raise_any()
    return out
