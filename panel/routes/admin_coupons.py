"""Operators' coupons; mounted under /admin/billing by admin_catalogue (routes/__init__ lists one module each).

A coupon is never removed: DELETE switches it off, because redemptions, orders and invoices keep pointing at it
and its `uses` must stay countable. PUT is a partial update like the catalogue's; an inactive coupon can be
switched back on with `{"active": true}`.
"""
from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Body, Depends, Request, Response

from .. import settings as settings_store
from ..billing.catalogue import fetch_row, insert_row, merge_update, update_row
from ..billing.coupon_rules import coupon_out, validate_coupon_body
from ..db import new_id
from ..deps import admin_user, get_panel
from ..errors import not_found
from ..lists import one, paged
from ..state import Panel
from ..timefmt import iso

router = APIRouter(prefix="/coupons", dependencies=[Depends(admin_user)])

# Coupons with their redemption count, so a list page costs one query.
WITH_USES = ("(SELECT c.*, (SELECT COUNT(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS uses "
             "FROM coupons c) AS coupons_with_uses")


def _places(conn) -> int:
    return settings_store.load(conn).currency_places


def _view(conn, coupon_id: str) -> dict:
    row = conn.execute(f"SELECT * FROM {WITH_USES} WHERE id = ?", (coupon_id,)).fetchone()
    if row is None:
        raise not_found("Coupon")
    return coupon_out(row, _places(conn))


def _fields(row) -> dict:
    """A stored coupon in the shape of a request body, for merging a partial update over it."""
    return {"code": row["code"], "type": row["type"], "value": row["value"],
            "product_ids": json.loads(row["product_ids"]), "recurring": bool(row["recurring"]),
            "expires_at": row["expires_at"], "max_uses": row["max_uses"],
            "max_uses_per_user": row["max_uses_per_user"], "active": bool(row["active"])}


@router.get("")
def list_coupons(request: Request, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        places = _places(conn)
        return paged(request, conn, table=WITH_USES, where=[], params=[], order_by="created_at DESC, id",
                     serialize=lambda r: coupon_out(r, places), server_time=iso(panel.clock.now()))


@router.get("/{coupon_id}")
def get_coupon(coupon_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return one(_view(conn, coupon_id))


@router.post("", status_code=201)
def create_coupon(body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        row = {"id": new_id(), **validate_coupon_body(conn, body, _places(conn)),
               "created_at": now, "updated_at": now}
        insert_row(conn, "coupons", row)
        return one(_view(conn, row["id"]), 201)


@router.put("/{coupon_id}")
def update_coupon(coupon_id: str, body: Any = Body(...), panel: Panel = Depends(get_panel)):
    now = iso(panel.clock.now())
    with panel.db.write() as conn:
        current = fetch_row(conn, "coupons", coupon_id, "Coupon")
        changes = validate_coupon_body(conn, merge_update(_fields(current), body), _places(conn),
                                       own_id=coupon_id)
        update_row(conn, "coupons", coupon_id, {**changes, "updated_at": now})
        return one(_view(conn, coupon_id))


@router.delete("/{coupon_id}", status_code=204)
def delete_coupon(coupon_id: str, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        current = fetch_row(conn, "coupons", coupon_id, "Coupon")
        if current["active"]:
            update_row(conn, "coupons", coupon_id, {"active": 0, "updated_at": iso(panel.clock.now())})
    return Response(status_code=204)
