"""Operators' catalogue: create, change and withdraw categories and products (coupons: admin_coupons).

PUT is a partial update: fields left out keep their stored values (for `resources`, key by key), and the
merged whole is validated before anything is written. DELETE archives rather than removes, because orders,
services and syncing clients still refer to the row; the bumped updated_at is what tells clients to drop it.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from fastapi import APIRouter, Body, Depends, Request, Response

from .. import settings as settings_store
from ..billing.catalogue import (
    category_out,
    fetch_row,
    insert_row,
    merge_update,
    product_out,
    update_row,
    validate_category_body,
    validate_product_body,
)
from ..db import new_id
from ..deps import admin_user, get_panel
from ..errors import ApiError
from ..lists import one, paged
from ..state import Panel
from ..timefmt import iso
from . import admin_coupons

router = APIRouter(prefix="/admin/billing", dependencies=[Depends(admin_user)])


def _places(conn: sqlite3.Connection) -> int:
    return settings_store.load(conn).currency_places


def _product_view(conn: sqlite3.Connection, product_id: str) -> dict:
    row = fetch_row(conn, "products", product_id, "Product")
    category = fetch_row(conn, "categories", row["category_id"], "Category")
    return product_out(row, category, _places(conn))


def _category_fields(row) -> dict:
    return {"name": row["name"], "slug": row["slug"], "description": row["description"],
            "sort_order": row["sort_order"]}


def _product_fields(row) -> dict:
    """A stored product in the shape of a request body, for merging a partial update over it."""
    return {"category_id": row["category_id"], "name": row["name"], "slug": row["slug"],
            "description": row["description"], "resources": json.loads(row["resources"]),
            "pricing_type": row["pricing_type"], "pricing": json.loads(row["pricing"]),
            "config_ranges": json.loads(row["config_ranges"]) if row["config_ranges"] else None,
            "stock": row["stock"], "sort_order": row["sort_order"]}


# -- categories -------------------------------------------------------------------------------------------
@router.get("/categories")
def list_categories(request: Request, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return paged(request, conn, table="categories", where=[], params=[], order_by="sort_order, name, id",
                     serialize=category_out, server_time=iso(panel.clock.now()))


@router.get("/categories/{category_id}")
def get_category(category_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return one(category_out(fetch_row(conn, "categories", category_id, "Category")))


@router.post("/categories", status_code=201)
def create_category(body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        row = {"id": new_id(), **validate_category_body(conn, body), "created_at": now, "updated_at": now}
        insert_row(conn, "categories", row)
        return one(category_out(fetch_row(conn, "categories", row["id"], "Category")), 201)


@router.put("/categories/{category_id}")
def update_category(category_id: str, body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        current = fetch_row(conn, "categories", category_id, "Category", editable=True)
        changes = validate_category_body(conn, merge_update(_category_fields(current), body),
                                         own_id=category_id)
        update_row(conn, "categories", category_id, {**changes, "updated_at": now})
        if (changes["name"], changes["slug"]) != (current["name"], current["slug"]):
            # Products embed their category's name and slug, so clients syncing products must see them change.
            conn.execute("UPDATE products SET updated_at = ? WHERE category_id = ? AND archived = 0",
                         (now, category_id))
        return one(category_out(fetch_row(conn, "categories", category_id, "Category")))


@router.delete("/categories/{category_id}", status_code=204)
def delete_category(category_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        current = fetch_row(conn, "categories", category_id, "Category")
        live = conn.execute("SELECT COUNT(*) FROM products WHERE category_id = ? AND archived = 0",
                            (category_id,)).fetchone()[0]
        if live:
            raise ApiError(409, "conflict",
                           f"This category still has {live} product(s); delete or move them first.",
                           {"products": [f"{live} live product(s)"]})
        if not current["archived"]:
            update_row(conn, "categories", category_id, {"archived": 1, "updated_at": iso(panel.clock.now())})
    return Response(status_code=204)


# -- products ---------------------------------------------------------------------------------------------
@router.get("/products")
def list_products(request: Request, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        places = _places(conn)
        categories = {r["id"]: r for r in conn.execute("SELECT * FROM categories")}
        return paged(request, conn, table="products", where=[], params=[], order_by="sort_order, name, id",
                     serialize=lambda r: product_out(r, categories[r["category_id"]], places),
                     server_time=iso(panel.clock.now()))


@router.get("/products/{product_id}")
def get_product(product_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return one(_product_view(conn, product_id))


@router.post("/products", status_code=201)
def create_product(body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        row = {"id": new_id(), **validate_product_body(conn, body, _places(conn)),
               "created_at": now, "updated_at": now}
        insert_row(conn, "products", row)
        return one(_product_view(conn, row["id"]), 201)


@router.put("/products/{product_id}")
def update_product(product_id: str, body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        current = fetch_row(conn, "products", product_id, "Product", editable=True)
        changes = validate_product_body(conn, merge_update(_product_fields(current), body), _places(conn),
                                        own_id=product_id)
        update_row(conn, "products", product_id, {**changes, "updated_at": now})
        return one(_product_view(conn, product_id))


@router.delete("/products/{product_id}", status_code=204)
def delete_product(product_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        current = fetch_row(conn, "products", product_id, "Product")
        if not current["archived"]:
            update_row(conn, "products", product_id, {"archived": 1, "updated_at": iso(panel.clock.now())})
    return Response(status_code=204)


router.include_router(admin_coupons.router)
