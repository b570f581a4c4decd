"""Invoices and payments: list, detail, pay (POST /billing/invoices/{id}/pay), payment status."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from ..billing import idempotency, invoices, owned, paying, shown
from ..deps import billing_settings, billing_user, get_panel
from ..errors import not_found
from ..gateways import flow
from ..gateways.stripe_gateway import GatewayError
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.billing import InvoiceDetailPublic, InvoicePublic, PaymentPublic, PayPublic
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, listed
from ..state import Panel
from ..timefmt import iso
from .common import PaymentBody, check_urls, origin, own_with_status

router = APIRouter(route_class=JsonRoute)
VISIBLE = ("pending", "paid", "overdue", "cancelled", "refunded")


@router.get("/billing/invoices", response_model=Page[InvoicePublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_invoices(request: Request, status: str | None = STATUS_PARAM, panel: Panel = Depends(get_panel),
                  user: dict = Depends(billing_user)):
    where, params = own_with_status(user["id"], status, VISIBLE)
    with panel.db.read() as conn:
        now = shown.current(conn)
        return paged(request, conn, table="invoices", where=where, params=params,
                     order_by="issue_date DESC, invoice_number DESC",
                     serialize=lambda r: invoices.invoice_out(r, now=now), server_time=iso(panel.clock.now()))


@router.get("/billing/invoices/{invoice_id}", response_model=One[InvoiceDetailPublic], responses=errors(401, 403, 404))
def get_invoice(invoice_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    with panel.db.read() as conn:
        row = invoices.get(conn, invoice_id, user["id"])
        if row is None:
            raise not_found("Invoice")
        return one(invoices.invoice_out(row, conn))


@router.post("/billing/invoices/{invoice_id}/pay", response_model=One[PayPublic],
             responses=errors(401, 403, 404, 409, 422))
def pay(invoice_id: str, body: PaymentBody, request: Request, panel: Panel = Depends(get_panel),
        user: dict = Depends(billing_user), idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    s = billing_settings(panel)
    key = idempotency.validate_key(idempotency_key)
    check_urls(panel, request, body)
    endpoint = f"pay:{invoice_id}"
    digest = idempotency.request_hash(endpoint, body.model_dump(mode="json"))
    with panel.db.write() as conn:
        now = panel.clock.now()  # read under the write lock: timestamps follow commit order
        invoice = owned.invoice(conn, user["id"], invoice_id)  # before the key: another's is 404 (once.py)
        if key and (earlier := idempotency.replay(conn, user["id"], key, endpoint, digest, iso(now))):
            return JSONResponse(earlier[1], status_code=earlier[0])
        result = paying.pay_invoice(conn, s, user, invoice_id, body.model_dump(), today=now.date(), now=iso(now),
                                    origin=origin(panel, request), invoice=invoice)
        response = {"success": True, "data": result}
        if key:
            idempotency.remember(conn, user["id"], key, endpoint, digest, 200, response, iso(now))
    return JSONResponse(response)


def _payment_row(panel: Panel, payment_id: str, user_id: str):
    row = panel.db.conn().execute("SELECT p.*, i.order_id FROM payments p JOIN invoices i ON i.id = p.invoice_id "
                                  "WHERE p.id = ? AND p.user_id = ?", (payment_id, user_id)).fetchone()
    if row is None:
        raise not_found("Payment")
    return row


@router.get("/billing/payments/{payment_id}", response_model=One[PaymentPublic], responses=errors(401, 403, 404))
def get_payment(payment_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    """The payment as the gateway has it now: a pending Stripe payment is read from Stripe first."""
    row = _payment_row(panel, payment_id, user["id"])
    if row["status"] == "pending":
        try:
            flow.refresh_from_gateway(panel, row)
        except GatewayError:
            pass  # Stripe unreachable: answer what the panel knows; the client asks again later
        row = _payment_row(panel, payment_id, user["id"])
    return one({**invoices.payment_out(row), "order_id": row["order_id"], "updated_at": row["updated_at"],
                "invoice_ids": invoices.covered_invoices(panel.db.conn(), row)})
