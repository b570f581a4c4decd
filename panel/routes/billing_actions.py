"""Exactly-once billing actions of the contract's second version: cancelling an unpaid order
(POST /billing/orders/{id}/cancel) and paying several invoices with one payment (POST /billing/invoices/pay); and
ours, cancelling an unpaid credit top-up (POST /billing/invoices/{id}/cancel)."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .. import settings as settings_store
from ..billing import bulk_pay, order_cancel, owned, top_up_cancel
from ..billing.invoices import pending_stripe_refs
from ..deps import billing_settings, billing_user, get_panel
from ..gateways.stripe_gateway import StripeGateway
from ..json_guard import JsonRoute
from ..schemas.billing import InvoiceDetailPublic, OrderPublic
from ..schemas.billing_actions import PaidTogether
from ..schemas.common import One, errors
from ..state import Panel
from ..timefmt import iso
from .common import check_urls, origin
from .once import run_once

router = APIRouter(route_class=JsonRoute)
KEY = Header(None, alias="Idempotency-Key", description="Replays the first answer for the same key and body.")


class PayManyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    invoice_ids: list[str] = Field(min_length=1, max_length=100)
    payment_method: Literal["stripe", "paypal", "credits"]
    use_credits: StrictBool = True
    return_url: str | None = Field(None, max_length=2000)
    cancel_url: str | None = Field(None, max_length=2000)


@router.post("/billing/orders/{order_id}/cancel", response_model=One[OrderPublic],
             responses=errors(401, 403, 404, 409, 422,
                              e409="`order_not_cancellable`: something was paid by a gateway, or the order is active "
                                   "or refunded (the reason says which)"))
def cancel_order(order_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user),
                 idempotency_key: str | None = KEY):
    """Cancel an order whose invoice is unpaid: order, invoice and pending services cancelled, stock and credits
    returned, coupon use released, in one transaction. Again on a cancelled order: the same order."""
    s = billing_settings(panel)
    intents: list[str] = []

    def action(conn, now, order):
        intents.extend(order_cancel.pending_gateway_refs(conn, order_id))
        return order_cancel.cancel_order(conn, s, user["id"], order_id, iso(now), order=order)

    return run_once(panel, user, idempotency_key, f"order_cancel:{order_id}", {}, 200, action,
                    lambda _order: _cancel_at_stripe(panel, intents),
                    named=lambda conn: owned.order(conn, user["id"], order_id))


@router.post("/billing/invoices/{invoice_id}/cancel", response_model=One[InvoiceDetailPublic],
             responses=errors(401, 403, 404, 409, 422,
                              e409="`invoice_not_cancellable`: not a credit top-up, not pending, or partly paid (the "
                                   "reason says which)"))
def cancel_top_up(invoice_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user),
                  idempotency_key: str | None = KEY):
    """Cancel a credit top-up nothing was paid for: its invoice becomes `cancelled` and its open pay pages can no
    longer pay it. Again on a cancelled top-up: the same invoice."""
    intents: list[str] = []

    def action(conn, now, invoice):
        intents.extend(pending_stripe_refs(conn, invoice_id))
        return top_up_cancel.cancel_top_up(conn, user["id"], invoice_id, iso(now), invoice=invoice)

    return run_once(panel, user, idempotency_key, f"top_up_cancel:{invoice_id}", {}, 200, action,
                    lambda _invoice: _cancel_at_stripe(panel, intents),
                    named=lambda conn: owned.invoice(conn, user["id"], invoice_id))


def _cancel_at_stripe(panel: Panel, intents: list[str]) -> None:
    """Reject at Stripe what a cancelled invoice had opened, so a pay page left open cannot charge the card any
    more. After the transaction, best effort: should Stripe still take the money, confirm_payment keeps it as
    credit."""
    for intent in intents:
        StripeGateway(settings_store.load(panel.db.conn())).cancel(intent)  # never raises


@router.post("/billing/invoices/pay", response_model=One[PaidTogether],
             responses=errors(401, 403, 409, 422, e409="`invoice_not_payable` (details name the invoice) or "
                                                  "`insufficient_credits`; nothing was changed."))
def pay_invoices(body: PayManyBody, request: Request, panel: Panel = Depends(get_panel),
                 user: dict = Depends(billing_user), idempotency_key: str | None = KEY):
    """One payment for several invoices of one currency: credits first, then one gateway payment for the rest."""
    s = billing_settings(panel)
    check_urls(panel, request, body)
    raw = body.model_dump(mode="json")

    def action(conn, now, named):
        return bulk_pay.pay_many(conn, s, user, raw, today=now.date(), now=iso(now), origin=origin(panel, request),
                                 named=named)

    return run_once(panel, user, idempotency_key, "pay_invoices", raw, 200, action,
                    named=lambda conn: bulk_pay.named_invoices(conn, user["id"], raw["invoice_ids"]))
