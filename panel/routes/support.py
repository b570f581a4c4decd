"""A customer's support tickets: /support/tickets (list, open), /{id} (with messages), /{id}/replies, /{id}/close.

Every path is gated on `tickets_enabled` (403 `tickets_disabled`), after login (401 first, as for billing).
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import settings as settings_store
from ..billing import owned, tickets
from ..deps import current_user, get_panel
from ..errors import ApiError
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, listed
from ..schemas.support import Message, Ticket, TicketDetail
from ..state import Panel
from ..timefmt import iso
from .common import own_with_status
from .once import run_once

router = APIRouter(route_class=JsonRoute)
MAX_BODY = 20_000
MAX_SUBJECT = 200
KEY = Header(None, alias="Idempotency-Key", description="Replays the first answer for the same key and body.")


def support_user(user: dict = Depends(current_user), panel: Panel = Depends(get_panel)) -> dict:
    if not settings_store.load(panel.db.conn()).tickets_enabled:
        raise ApiError(403, "tickets_disabled", "Support tickets are switched off on this panel.")
    return user


def check_body(text: str) -> str:
    """Plain text of 1..20,000 characters, with something in it besides spaces; kept exactly as sent."""
    if not text.strip():
        raise ValueError("The message is empty; write what you need help with.")
    if len(text) > MAX_BODY:
        raise ValueError(f"The message is {len(text):,} characters long; at most {MAX_BODY:,} are allowed.")
    if "\x00" in text:
        raise ValueError("The message contains a NUL character, which plain text cannot hold.")
    return text


class ReplyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(description="Plain text, 1..20,000 characters; shown as text, never as HTML.")

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        return check_body(value)


class TicketBody(ReplyBody):
    # At most 200 characters once trimmed (checked below); the bound here only keeps absurd input out.
    subject: str = Field(min_length=1, max_length=1000, description="One line, 1..200 characters once trimmed.")
    department: Literal["billing", "technical", "sales"]
    invoice_id: str | None = Field(None, max_length=100)
    service_id: str | None = Field(None, max_length=100)

    @field_validator("subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("The subject is empty.")
        if len(value.strip()) > MAX_SUBJECT:
            raise ValueError(f"The subject is {len(value.strip()):,} characters long; at most {MAX_SUBJECT} are "
                             "allowed.")
        # One line of text: a line break, NUL or other control character would break every list that shows it.
        if any(ord(c) < 0x20 or ord(c) == 0x7f for c in value.strip()):
            raise ValueError("The subject is one line of text: no line breaks, tabs or control characters.")
        return value.strip()


@router.get("/support/tickets", response_model=Page[Ticket], responses=listed(), dependencies=[LIST_PARAMS])
def list_tickets(request: Request, status: str | None = STATUS_PARAM, panel: Panel = Depends(get_panel),
                 user: dict = Depends(support_user)):
    """The caller's tickets, most recently changed first; `updated_since`, paging and ETag as every list."""
    where, params = own_with_status(user["id"], status, tickets.STATUSES)
    with panel.db.read() as conn:
        return paged(request, conn, table="tickets", where=where, params=params, order_by="updated_at DESC, id",
                     serialize=lambda r: tickets.ticket_out(conn, r), server_time=iso(panel.clock.now()))


@router.post("/support/tickets", status_code=201, response_model=One[TicketDetail],
             responses=errors(401, 403, 409, 422))
def open_ticket(body: TicketBody, panel: Panel = Depends(get_panel), user: dict = Depends(support_user),
                idempotency_key: str | None = KEY):
    raw = body.model_dump()
    return run_once(panel, user, idempotency_key, "ticket", raw, 201,
                    lambda conn, now, _found: tickets.open_ticket(conn, user, raw, iso(now), related_checked=True),
                    named=lambda conn: tickets.check_related(conn, user["id"], raw.get("invoice_id"),
                                                             raw.get("service_id")))


@router.get("/support/tickets/{ticket_id}", response_model=One[TicketDetail], responses=errors(401, 403, 404))
def get_ticket(ticket_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(support_user)):
    with panel.db.read() as conn:
        return one(tickets.ticket_out(conn, tickets.get(conn, ticket_id, user["id"]), with_messages=True))


@router.post("/support/tickets/{ticket_id}/replies", status_code=201, response_model=One[Message],
             responses=errors(401, 403, 404, 409, 422))
def reply(ticket_id: str, body: ReplyBody, panel: Panel = Depends(get_panel), user: dict = Depends(support_user),
          idempotency_key: str | None = KEY):
    """Add the customer's reply: the ticket becomes `customer_reply` (a closed ticket is reopened)."""
    def action(conn, now, ticket):
        return tickets.reply(conn, ticket, user, body.body, staff=False, now=iso(now))

    return run_once(panel, user, idempotency_key, f"ticket_reply:{ticket_id}", body.model_dump(), 201, action,
                    named=lambda conn: owned.ticket(conn, user["id"], ticket_id))


@router.post("/support/tickets/{ticket_id}/close", response_model=One[TicketDetail],
             responses=errors(401, 403, 404))
def close(ticket_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(support_user)):
    with panel.db.write() as conn:
        return one(tickets.close(conn, tickets.get(conn, ticket_id, user["id"]), iso(panel.clock.now())))
