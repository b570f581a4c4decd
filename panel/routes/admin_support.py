"""Staff's side of support tickets: every customer's tickets, and replies that notify the customer.

Staff paths work whatever `tickets_enabled` says, so an operator can still answer what came in before switching
tickets off.
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ..billing import tickets
from ..deps import admin_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..query_guard import not_empty
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, filter_param, listed
from ..schemas.support import AdminTicket, Message, TicketDetail
from ..state import Panel
from ..timefmt import iso
from .common import status_filter
from .support import ReplyBody

router = APIRouter(route_class=JsonRoute)
USER_PARAM = filter_param("Only this customer's tickets (their user id).")


@router.get("/admin/support/tickets", response_model=Page[AdminTicket], responses=listed(),
            dependencies=[LIST_PARAMS])
def list_all(request: Request, status: str | None = STATUS_PARAM, user_id: str | None = USER_PARAM,
             panel: Panel = Depends(get_panel), _admin: dict = Depends(admin_user)):
    """Every customer's tickets (`?status=`, `?user_id=`), most recently changed first, with their owner."""
    wanted = status_filter(status, tickets.STATUSES) or list(tickets.STATUSES)
    where, params = [f"status IN ({','.join('?' * len(wanted))})"], list(wanted)
    if not_empty("user_id", user_id, "send a customer's id"):
        where.append("user_id = ?")
        params.append(user_id)
    with panel.db.read() as conn:
        return paged(request, conn, table="tickets", where=where, params=params, order_by="updated_at DESC, id",
                     serialize=lambda r: tickets.ticket_out(conn, r, admin=True), server_time=iso(panel.clock.now()))


@router.get("/admin/support/tickets/{ticket_id}", response_model=One[TicketDetail],
            responses=errors(401, 403, 404))
def get_one(ticket_id: str, panel: Panel = Depends(get_panel), _admin: dict = Depends(admin_user)):
    with panel.db.read() as conn:
        return one(tickets.ticket_out(conn, tickets.get(conn, ticket_id), with_messages=True, admin=True))


@router.post("/admin/support/tickets/{ticket_id}/replies", status_code=201, response_model=One[Message],
             responses=errors(401, 403, 404, 422))
def staff_reply(ticket_id: str, body: ReplyBody, panel: Panel = Depends(get_panel),
                admin: dict = Depends(admin_user)):
    """Staff's reply: the ticket becomes `answered` and its customer gets a `support` notification."""
    with panel.db.write() as conn:
        now = iso(panel.clock.now())
        return one(tickets.reply(conn, tickets.get(conn, ticket_id), admin, body.body, staff=True, now=now),
                   status=201)
