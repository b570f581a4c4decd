"""The store's catalogue: categories and products as buyers (and syncing clients) read them.

Plain lists show live rows only. With `updated_since` they also carry rows archived since then, flagged
`archived: true`, because a client that syncs incrementally would otherwise keep showing a product the
operator has withdrawn.
"""
from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Depends, Request

from .. import settings as settings_store
from ..billing.catalogue import category_out, load_product, product_out
from ..deps import billing_user, get_panel
from ..errors import not_found
from ..json_guard import JsonRoute
from ..lists import list_query, one, paged
from ..query_guard import not_empty
from ..schemas.catalogue import CategoryPublic, ProductPublic
from ..schemas.common import LIST_PARAMS, One, Page, errors, filter_param, listed
from ..state import Panel
from ..timefmt import iso

router = APIRouter(route_class=JsonRoute, prefix="/billing", dependencies=[Depends(billing_user)])
CATEGORY_PARAM = filter_param("A category's id or slug; an unknown one is 404.")


def _live_unless_syncing(request: Request) -> list[str]:
    return [] if list_query(request).updated_since else ["archived = 0"]


def _category_by_id_or_slug(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM categories WHERE (id = ? OR slug = ?) AND archived = 0 "
                        "ORDER BY id = ? DESC LIMIT 1", (key, key, key)).fetchone()


@router.get("/categories", response_model=Page[CategoryPublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_categories(request: Request, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return paged(request, conn, table="categories", where=_live_unless_syncing(request), params=[],
                     order_by="sort_order, name, id", serialize=category_out,
                     server_time=iso(panel.clock.now()))


@router.get("/products", response_model=Page[ProductPublic], responses=listed(404), dependencies=[LIST_PARAMS])
def list_products(request: Request, category: str | None = CATEGORY_PARAM, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        places = settings_store.load(conn).currency_places
        where, params = _live_unless_syncing(request), []
        if not_empty("category", category, "send a category's id or slug"):
            # An unknown category is a 404, not an empty list, so a stale or mistyped filter shows.
            row = _category_by_id_or_slug(conn, category)
            if row is None:
                raise not_found("Category")
            where.append("category_id = ?")
            params.append(row["id"])
        # Categories are few; reading them once is cheaper than a join per product row.
        categories = {r["id"]: r for r in conn.execute("SELECT * FROM categories")}
        return paged(request, conn, table="products", where=where, params=params,
                     order_by="sort_order, name, id",
                     serialize=lambda r: product_out(r, categories[r["category_id"]], places),
                     server_time=iso(panel.clock.now()))


@router.get("/products/{id_or_slug}", response_model=One[ProductPublic], responses=errors(401, 403, 404))
def get_product(id_or_slug: str, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        places = settings_store.load(conn).currency_places
        product = load_product(conn, id_or_slug, places)
    if product is None:
        raise not_found("Product")
    return one(product)
