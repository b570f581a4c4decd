"""Orders: every purchase makes one (GET /billing/orders, /billing/orders/{id})."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ..billing.checkout import order_out
from ..deps import billing_user, get_panel
from ..errors import not_found
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.billing import OrderPublic
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, listed
from ..state import Panel
from ..timefmt import iso
from .common import own_with_status

router = APIRouter(route_class=JsonRoute)
STATUSES = ("pending", "awaiting_approval", "processing", "active", "cancelled", "refunded", "failed")


@router.get("/billing/orders", response_model=Page[OrderPublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_orders(request: Request, status: str | None = STATUS_PARAM, panel: Panel = Depends(get_panel),
                user: dict = Depends(billing_user)):
    where, params = own_with_status(user["id"], status, STATUSES)
    with panel.db.read() as conn:
        return paged(request, conn, table="orders", where=where, params=params,
                     order_by="created_at DESC, order_number DESC",
                     serialize=lambda r: order_out(conn, r["id"]), server_time=iso(panel.clock.now()))


@router.get("/billing/orders/{order_id}", response_model=One[OrderPublic], responses=errors(401, 403, 404))
def get_order(order_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    with panel.db.read() as conn:
        if conn.execute("SELECT 1 FROM orders WHERE id = ? AND user_id = ?", (order_id, user["id"])).fetchone() is None:
            raise not_found("Order")
        return one(order_out(conn, order_id))
