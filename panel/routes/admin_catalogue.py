"""Operators' catalogue: create, change and withdraw categories and products (coupons: admin_coupons).

PUT is a partial update: fields left out keep their stored values (for `resources`, key by key), and the
merged whole is validated before anything is written. DELETE archives rather than removes, because orders,
services and syncing clients still refer to the row; the bumped updated_at is what tells clients to drop it.
"""
from __future__ import annotations

import json
import sqlite3

from fastapi import APIRouter, Depends

from ..billing.catalogue import category_out, product_out, validate_category_body, validate_product_body
from ..deps import admin_user
from ..errors import ApiError
from ..json_guard import JsonRoute
from ..schemas.catalogue import CategoryIn, CategoryPublic, ProductIn, ProductPublic
from . import admin_coupons
from .admin_rows import AdminRows, Shown, add_routes, places

router = APIRouter(route_class=JsonRoute, prefix="/admin/billing", dependencies=[Depends(admin_user)])


def _category_fields(row) -> dict:
    return {"name": row["name"], "slug": row["slug"], "description": row["description"],
            "sort_order": row["sort_order"]}


def _product_fields(row) -> dict:
    return {"category_id": row["category_id"], "name": row["name"], "slug": row["slug"],
            "description": row["description"], "resources": json.loads(row["resources"]),
            "pricing_type": row["pricing_type"], "pricing": json.loads(row["pricing"]),
            "config_ranges": json.loads(row["config_ranges"]) if row["config_ranges"] else None,
            "stock": row["stock"], "sort_order": row["sort_order"]}


def _products_shown(conn: sqlite3.Connection) -> Shown:
    currency_places = places(conn)
    categories = {r["id"]: r for r in conn.execute("SELECT * FROM categories")}
    return lambda row: product_out(row, categories[row["category_id"]], currency_places)


def _touch_products_on_rename(conn: sqlite3.Connection, current, changes: dict, now: str) -> None:
    # Products embed their category's name and slug, so clients syncing products must see them change.
    if (changes["name"], changes["slug"]) != (current["name"], current["slug"]):
        conn.execute("UPDATE products SET updated_at = ? WHERE category_id = ? AND archived = 0",
                     (now, current["id"]))


def _refuse_with_live_products(conn: sqlite3.Connection, current) -> None:
    live = conn.execute("SELECT COUNT(*) FROM products WHERE category_id = ? AND archived = 0",
                        (current["id"],)).fetchone()[0]
    if live:
        raise ApiError(409, "conflict", f"This category still has {live} product(s); delete or move them first.",
                       {"products": [f"{live} live product(s)"]})


CATEGORIES = AdminRows(
    table="categories", what="Category", order_by="sort_order, name, id", retire=("archived", 1),
    validate=validate_category_body, as_body=_category_fields, shown=lambda conn: category_out,
    after_update=_touch_products_on_rename, before_delete=_refuse_with_live_products)

PRODUCTS = AdminRows(
    table="products", what="Product", order_by="sort_order, name, id", retire=("archived", 1),
    validate=lambda conn, body, own_id=None: validate_product_body(conn, body, places(conn), own_id=own_id),
    as_body=_product_fields, shown=_products_shown)

add_routes(router, "/categories", CATEGORIES, noun="category", nouns="categories", public=CategoryPublic,
           body=CategoryIn)
add_routes(router, "/products", PRODUCTS, noun="product", nouns="products", public=ProductPublic, body=ProductIn)
router.include_router(admin_coupons.router)
