"""Operators' coupons; mounted under /admin/billing by admin_catalogue (routes/__init__ lists one module each).

A coupon is never removed: DELETE switches it off, because redemptions, orders and invoices keep pointing at it
and its `uses` must stay countable. PUT is a partial update like the catalogue's; an inactive coupon can be
switched back on with `{"active": true}`.
"""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends

from ..billing.coupon_rules import coupon_out, validate_coupon_body
from ..deps import admin_user
from ..json_guard import JsonRoute
from ..schemas.catalogue import CouponIn, CouponPublic
from .admin_rows import AdminRows, add_routes, places

router = APIRouter(route_class=JsonRoute, prefix="/coupons", dependencies=[Depends(admin_user)])

# Coupons with their redemption count, so a list page costs one query.
WITH_USES = ("(SELECT c.*, (SELECT COUNT(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS uses "
             "FROM coupons c) AS coupons_with_uses")


def _fields(row) -> dict:
    return {"code": row["code"], "type": row["type"], "value": row["value"],
            "product_ids": json.loads(row["product_ids"]), "recurring": bool(row["recurring"]),
            "expires_at": row["expires_at"], "max_uses": row["max_uses"],
            "max_uses_per_user": row["max_uses_per_user"], "active": bool(row["active"])}


def _shown(conn):
    currency_places = places(conn)
    return lambda row: coupon_out(row, currency_places)


COUPONS = AdminRows(
    table="coupons", what="Coupon", source=WITH_USES, order_by="created_at DESC, id", retire=("active", 0),
    validate=lambda conn, body, own_id=None: validate_coupon_body(conn, body, places(conn), own_id=own_id),
    as_body=_fields, shown=_shown)

add_routes(router, "", COUPONS, noun="coupon", nouns="coupons", public=CouponPublic, body=CouponIn)
