"""What an admin may write into the catalogue: categories and products, checked as a whole.

Each validator reads a whole JSON body (an update merges the stored values under the changes first), collects
every problem per field, and either raises one `validation_error` or returns the columns to write. Nothing is
written before the whole body passes, so a bad field changes nothing.
"""
from __future__ import annotations

import json
import re
import sqlite3
from decimal import Decimal
from typing import Any

from app.core.cycles import BILLING_CYCLES
from app.core.money import MoneyError, money_str, round_money
from app.core.pricing import PRICING_TYPES, RESOURCE_KEYS

from ..amounts import NOT_AN_AMOUNT, parse_amount
from ..errors import ApiError

SLUG_RE = re.compile(r"^[a-z0-9-]{1,64}$")
MAX_PRICE = Decimal(10) ** 9
MAX_SIZE = 10**9
RATE_PLACES = 4
# memory, disk and cpu say what is sold, so they are required; the rest have BadgerPanel's usual defaults.
RESOURCE_DEFAULTS = {"swap": 0, "io_weight": 500, "database_limit": 0, "backup_limit": 0,
                     "allocation_limit": 1}
RESOURCE_LIMITS = {"memory": (0, MAX_SIZE), "disk": (0, MAX_SIZE), "cpu": (0, MAX_SIZE),
                   "swap": (-1, MAX_SIZE), "io_weight": (10, 1000), "database_limit": (0, MAX_SIZE),
                   "backup_limit": (0, MAX_SIZE), "allocation_limit": (0, MAX_SIZE)}
PRODUCT_FIELDS = {"category_id", "name", "slug", "description", "resources", "pricing_type", "pricing",
                  "config_ranges", "stock", "sort_order"}
# Fields of our own output that a client may send back unchanged; they are read-only, so they are ignored.
READ_ONLY = {"id", "category", "in_stock", "archived", "uses", "created_at", "updated_at"}


class Problems:
    def __init__(self) -> None:
        self.details: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.details.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self.details:
            field, messages = next(iter(self.details.items()))
            raise ApiError(422, "validation_error", f"{field}: {messages[0]}", self.details)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def known_fields(p: Problems, body: Any, allowed: set[str]) -> dict:
    if not isinstance(body, dict):
        p.add("body", "The request body must be a JSON object.")
        p.raise_any()
    for key in body:
        if key not in allowed and key not in READ_ONLY:
            p.add(key, "Unknown field.")
    return body


def _text(p: Problems, body: dict, field: str, max_len: int, *, default: str | None = None) -> str:
    value = body.get(field, default)
    if value is None:
        p.add(field, "This field is required." if field not in body else "Must be text.")
        return ""
    if not isinstance(value, str):
        p.add(field, "Must be text.")
        return ""
    value = value.strip()
    if default is None and not value:
        p.add(field, "Must not be empty.")
    if len(value) > max_len:
        p.add(field, f"Must have at most {max_len} characters.")
    return value


def check_int(p: Problems, field: str, value: Any, low: int, high: int) -> int:
    if not _is_int(value):
        p.add(field, "Must be a whole number.")
        return low
    if not low <= value <= high:
        p.add(field, f"Must be between {low} and {high}.")
    return value


def optional_count(p: Problems, field: str, value: Any) -> int | None:
    return None if value is None else check_int(p, field, value, 1, MAX_SIZE)


def check_money(p: Problems, field: str, value: Any, places: int, *, positive: bool = False,
                at_most: Decimal | None = None) -> Decimal:
    try:
        amount = parse_amount(value)  # "1e3" and 1e3 alike are refused: money has no exponent
    except MoneyError:
        p.add(field, NOT_AN_AMOUNT)
        return Decimal(0)
    if amount < 0 or (positive and amount == 0):
        p.add(field, "Must be greater than zero." if positive else "Must not be negative.")
    elif at_most is not None and amount > at_most:
        p.add(field, f"Must be at most {at_most}.")
    elif amount >= MAX_PRICE:
        p.add(field, f"Must be below {MAX_PRICE}.")
    elif round_money(amount, places) != amount:
        p.add(field, f"Must have at most {places} decimal places.")
    return amount


def _slug(p: Problems, conn: sqlite3.Connection, table: str, body: dict, own_id: str | None) -> str:
    slug = body.get("slug")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        p.add("slug", "Must be 1 to 64 characters of a-z, 0-9 and '-'." if slug is not None
              else "This field is required.")
        return ""
    # Archived rows keep their slug (the column is unique), so a slug stays taken after a delete.
    if conn.execute(f"SELECT 1 FROM {table} WHERE slug = ? AND id IS NOT ?", (slug, own_id)).fetchone():
        p.add("slug", "This slug is already in use.")
    return slug


def validate_category_body(conn: sqlite3.Connection, body: Any, *, own_id: str | None = None) -> dict:
    p = Problems()
    known_fields(p, body, {"name", "slug", "description", "sort_order"})
    out = {"name": _text(p, body, "name", 100), "slug": _slug(p, conn, "categories", body, own_id),
           "description": _text(p, body, "description", 10_000, default=""),
           "sort_order": check_int(p, "sort_order", body.get("sort_order", 0), -10**6, 10**6)}
    p.raise_any()
    return out


def _resources(p: Problems, value: Any) -> dict:
    if not isinstance(value, dict):
        p.add("resources", "Must be an object with memory, disk and cpu." if value is not None
              else "This field is required.")
        return {}
    out = {}
    for key in value:
        if key not in RESOURCE_LIMITS:
            p.add(f"resources.{key}", "Unknown resource.")
    for key, (low, high) in RESOURCE_LIMITS.items():
        if key not in value and key in RESOURCE_DEFAULTS:
            out[key] = RESOURCE_DEFAULTS[key]
        elif key not in value:
            p.add(f"resources.{key}", "This field is required.")
        else:
            out[key] = check_int(p, f"resources.{key}", value[key], low, high)
    return out


def _pricing(p: Problems, value: Any, places: int) -> list[dict]:
    if not isinstance(value, list) or not value:
        p.add("pricing", "Must be a non-empty list of {billing_cycle, price, setup_fee}.")
        return []
    out, seen = [], set()
    for i, row in enumerate(value):
        field = f"pricing.{i}"
        if not isinstance(row, dict):
            p.add(field, "Must be an object {billing_cycle, price, setup_fee}.")
            continue
        for key in set(row) - {"billing_cycle", "price", "setup_fee"}:
            p.add(f"{field}.{key}", "Unknown field.")
        cycle = row.get("billing_cycle")
        if cycle not in BILLING_CYCLES:
            p.add(f"{field}.billing_cycle", f"Must be one of: {', '.join(BILLING_CYCLES)}.")
        elif cycle in seen:
            p.add(f"{field}.billing_cycle", f"The {cycle} cycle is priced twice.")
        else:
            seen.add(cycle)
        price = check_money(p, f"{field}.price", row.get("price"), places)
        fee = row.get("setup_fee")
        setup = check_money(p, f"{field}.setup_fee", "0" if fee is None else fee, places)
        out.append({"billing_cycle": cycle, "price": money_str(price, places),
                    "setup_fee": money_str(setup, places)})
    return out


def _range(p: Problems, field: str, rng: Any, needs_rate: bool) -> dict:
    if not isinstance(rng, dict):
        p.add(field, "Must be an object {min, max, step, unit_price}.")
        return {}
    for key in set(rng) - {"min", "max", "step", "unit_price"}:
        p.add(f"{field}.{key}", "Unknown field.")
    low = check_int(p, f"{field}.min", rng.get("min"), 0, MAX_SIZE)
    high = check_int(p, f"{field}.max", rng.get("max"), 0, MAX_SIZE)
    step = check_int(p, f"{field}.step", rng.get("step", 1), 1, MAX_SIZE)
    if low > high:
        p.add(f"{field}.max", "Must not be below min.")
    elif step >= 1 and (high - low) % step:
        p.add(f"{field}.step", f"max - min ({high - low}) must be a whole number of steps of {step}.")
    rate = rng.get("unit_price")
    if rate is None and needs_rate:
        p.add(f"{field}.unit_price", "This field is required.")
    unit = Decimal(0) if rate is None else check_money(p, f"{field}.unit_price", rate, RATE_PLACES)
    return {"min": low, "max": high, "step": step, "unit_price": format(unit, "f")}


def _config_ranges(p: Problems, kind: Any, value: Any) -> dict | None:
    if kind == "fixed" or kind not in PRICING_TYPES:
        if value is not None and kind == "fixed":
            p.add("config_ranges", "Must be null for fixed pricing.")
        return None
    priced = {"per_gb_memory": "memory", "per_gb_disk": "disk"}.get(kind)
    if not isinstance(value, dict) or not value:
        need = f"a {priced} range" if priced else "a range for at least one of memory, disk, cpu"
        p.add("config_ranges", f"{kind} pricing needs {need}.")
        return None
    out = {}
    for key, rng in value.items():
        if key not in RESOURCE_KEYS:
            p.add(f"config_ranges.{key}", "Only memory, disk and cpu can be chosen.")
        elif priced and key != priced:
            # Only the priced resource may be chosen: any other choice would be given away for free.
            p.add(f"config_ranges.{key}", f"{kind} pricing charges only for {priced}.")
        else:
            out[key] = _range(p, f"config_ranges.{key}", rng, needs_rate=priced is None)
    if priced and priced not in value:
        p.add("config_ranges", f"{kind} pricing needs a {priced} range.")
    return out


def validate_product_body(conn: sqlite3.Connection, body: Any, places: int, *,
                          own_id: str | None = None) -> dict:
    """The columns to write for this product body (`own_id` when updating, so its own slug is not a clash)."""
    p = Problems()
    known_fields(p, body, PRODUCT_FIELDS)
    category_id = body.get("category_id")
    if not isinstance(category_id, str) or not conn.execute(
            "SELECT 1 FROM categories WHERE id = ? AND archived = 0", (category_id,)).fetchone():
        p.add("category_id", "Must be the id of an existing category." if category_id is not None
              else "This field is required.")
    kind = body.get("pricing_type")
    if kind not in PRICING_TYPES:
        p.add("pricing_type", f"Must be one of: {', '.join(PRICING_TYPES)}.")
    stock = body.get("stock")
    out = {
        "category_id": category_id, "name": _text(p, body, "name", 100),
        "slug": _slug(p, conn, "products", body, own_id),
        "description": _text(p, body, "description", 10_000, default=""),
        "resources": json.dumps(_resources(p, body.get("resources"))), "pricing_type": kind,
        "pricing": json.dumps(_pricing(p, body.get("pricing"), places)),
        "config_ranges": None, "stock": None if stock is None else check_int(p, "stock", stock, 0, MAX_SIZE),
        "sort_order": check_int(p, "sort_order", body.get("sort_order", 0), -10**6, 10**6),
    }
    ranges = _config_ranges(p, kind, body.get("config_ranges"))
    out["config_ranges"] = None if ranges is None else json.dumps(ranges)
    p.raise_any()
    return out
