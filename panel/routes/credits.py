"""Credits: balance, signed transactions with the balance after each, and top-ups through a gateway."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, ConfigDict, Field

from ..billing import credits, paying
from ..deps import billing_settings, billing_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.billing import CreditsPublic, CreditTransactionPublic, PayPublic
from ..schemas.common import LIST_PARAMS, One, Page, errors, listed
from ..state import Panel
from ..timefmt import iso
from .common import MoneyIn, check_urls, origin
from .once import run_once

router = APIRouter(route_class=JsonRoute)


class TopUpBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    amount: MoneyIn  # range and places checked by paying.top_up, in the panel's words
    payment_method: Literal["stripe", "paypal", "credits"]
    return_url: str | None = Field(None, max_length=2000)
    cancel_url: str | None = Field(None, max_length=2000)


@router.get("/billing/credits", response_model=One[CreditsPublic], responses=errors(401, 403))
def balance(panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    s = billing_settings(panel)
    return one({"enabled": s.credits_enabled, "balance": s.money(credits.balance(panel.db.conn(), user["id"])),
                "currency": s.currency_code})


@router.get("/billing/credits/transactions", response_model=Page[CreditTransactionPublic], responses=listed(),
            dependencies=[LIST_PARAMS])
def transactions(request: Request, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    with panel.db.read() as conn:
        return paged(request, conn, table="credit_transactions", where=["user_id = ?"], params=[user["id"]],
                     order_by="created_at DESC, rowid DESC", serialize=credits.transaction_out,
                     server_time=iso(panel.clock.now()))


@router.post("/billing/credits/top-up", status_code=201, response_model=One[PayPublic],
             responses=errors(401, 403, 409, 422))
def top_up(body: TopUpBody, request: Request, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user),
           idempotency_key: str | None = Header(None, alias="Idempotency-Key",
                                                description="Replays the first answer for the same key and body.")):
    """Raise a top-up invoice and start its gateway payment. With an Idempotency-Key (the client sends one and
    resends it when it retries after a lost answer) a retry answers the first invoice instead of a second one."""
    s = billing_settings(panel)
    check_urls(panel, request, body)
    here = origin(panel, request)

    def action(conn, now, _found):
        return paying.top_up(conn, s, user, body.model_dump(), today=now.date(), now=iso(now), origin=here)

    return run_once(panel, user, idempotency_key, "top_up", body.model_dump(mode="json"), 201, action)
