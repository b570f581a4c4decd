"""The pay pages a client shows in its embedded web view (outside /api/v1, opened without credentials: the
payment's unguessable token in the URL is the key).

GET /pay/{id}?token=  the Stripe card page or the PayPal approval (sandbox page or redirect to PayPal)
POST /pay/{id}/stripe/confirm, GET /pay/{id}/return, POST /pay/{id}/cancel,
POST /pay/{id}/paypal/approve (sandbox), GET /pay/{id}/paypal/return (PayPal's redirect back),
GET /pay/finished[?cancelled=1]  where a payment started without return and cancel URLs ends (a top-up's)
"""
from __future__ import annotations

import html
import json
import secrets
from collections import Counter
from decimal import Decimal
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from app.core.money import money_str

from .. import settings as settings_store
from ..billing import invoices, shown
from ..deps import get_panel
from ..errors import ApiError, PageError, worded_pattern
from ..gateways import flow, paypal_gateway, stripe_gateway
from ..gateways.stripe_gateway import CardDeclined, GatewayError
from ..pages import Markup, page, render
from ..query_guard import declared
from ..state import Panel
from ..urls import FINISHED_PATH, panel_origin

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def _each_once(request: Request, panel: Panel = Depends(get_panel)) -> None:
    """A page refuses a parameter it reads given more than once (`?token=a&token=b`, the form's `token` twice), as
    the API refuses a repeated query parameter (query_guard): Starlette hands a route the last of them, so the link
    was read as a token other than its first, silently. Answered as an HTML page (400), the pay pages being browser
    pages; a parameter the page does not read (PayPal's own `token` on its return) is left alone, as in the API."""
    dependant = request.scope["route"].dependant
    names = declared(dependant)
    counts = Counter(name for name, _ in request.query_params.multi_items() if name in names)
    if request.headers.get("content-type", "").lower().startswith(_FORMS):
        fields = {field.alias for field in dependant.body_params}
        counts.update(name for name, _ in (await request.form()).multi_items() if name in fields)
    repeated = sorted(name for name, count in counts.items() if count > 1)
    if repeated:
        given = " and ".join(f"'{name}' was given {counts[name]} times" for name in repeated)
        raise PageError(_message(panel, "This payment link is not valid",
                                 f"{given[0].upper()}{given[1:]}; a payment link gives it once. Open the payment "
                                 "again from your invoices. Nothing was charged.", status=400))


# Browser pages behind checkout_url (HTML, redirects, forms), not API operations: kept out of the OpenAPI.
router = APIRouter(include_in_schema=False, dependencies=[Depends(_each_once)])


class ConfirmBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(max_length=200)
    card_id: str = Field(min_length=1, max_length=200, pattern=worded_pattern(
        r"^(card|pm|src)_[A-Za-z0-9]+$", "Must be a card id from Stripe (card_..., pm_... or src_...)."))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _html(panel: Panel, title: str, content: Markup, status: int = 200, headers: dict | None = None) -> HTMLResponse:
    s = settings_store.load(panel.db.conn())
    return HTMLResponse(page(title, s.panel_name, content), status_code=status,
                        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", **(headers or {})})


def _message(panel: Panel, heading: str, message: str, status: int = 200, link: tuple[str, str] | None = None):
    link_html = Markup(f'<p><a id="continue" href="{_esc(link[0])}">{_esc(link[1])}</a></p>') if link else Markup("")
    return _html(panel, heading, render("message", heading=heading, message=message, link=link_html), status)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _writer(s, currency: str, invoice_status: str):
    """How a pay page writes an amount of an invoice: with the same text `GET /billing/invoices/{id}` gives it
    (billing/shown.py: an open invoice in the panel's currency with the currency's places now, any other as it was
    stored), then as people read it ("$5.70", or "5.70 EUR" in another currency than the panel's). The page wrote
    the places the amounts were stored with, so after `currency_places` went 3 -> 2 it asked "$6.000" for an invoice
    the API, the app and the dashboard showed as 6.00."""
    now = shown.Currency(s.currency_code, s.currency_places)
    is_open = invoice_status in shown.OPEN_INVOICES

    def write(text: str) -> str:
        return invoices.written(s, currency, shown.written(text, currency, now) if is_open else text)

    return write


def _amount_due(s, payment) -> str:
    """The amount asked for, with its currency's code: "$5.70 USD", or "5.70 EUR" for an invoice raised before the
    panel's currency changed (the panel's symbol is its own currency's, so not written on another's). Written as
    the invoice it pays writes its balance due (`_writer`), which is what it asks for."""
    shown_amount = _writer(s, payment["currency"], payment["invoice_status"])(payment["amount"])
    return f"{shown_amount} {payment['currency']}" if payment["currency"] == s.currency_code else shown_amount


def _summary(panel: Panel, payment, s) -> Markup:
    """What is being bought, and how the lines become the amount asked for here (discount, tax, paid already). Every
    figure is written as the JSON API writes that invoice's (`_writer`)."""
    places = len(payment["total"].partition(".")[2])  # the invoice's amounts carry its currency's places
    write = _writer(s, payment["currency"], payment["invoice_status"])

    def row(label: str, amount: str, minus: bool = False, writer=write) -> str:
        shown_amount = ("−" if minus else "") + writer(amount)
        return f'<tr><td>{_esc(label)}</td><td class="amount">{_esc(shown_amount)}</td></tr>'

    heading = "Pay with card" if payment["method"] == "stripe" else "Pay with PayPal"
    amount = _amount_due(s, payment)
    if shares := flow.shares(panel, payment["id"]):  # one payment for several invoices: what each gets of it
        # Every invoice covered, with what this payment pays of it (so the rows add up to the amount due); the
        # credits held for an invoice are said beside it, including one they pay in full ("$0.00" here). Each is
        # written as its own invoice's amounts are.
        rows = []
        for r in shares:
            mine = _writer(s, r["currency"], r["status"])
            held = f" ({mine(r['credits'])} paid with credits)" if Decimal(r["credits"]) > 0 else ""
            rows.append(row(f"Invoice {r['invoice_number']}{held}", r["amount"], writer=mine))
        return render("summary", heading=heading, invoice_number=payment["invoice_number"],
                      lines=Markup("".join(rows)), amount=amount)
    # A line's amount is for all its units, so the label says how many (as the app's cart does): "VPS × 2".
    rows = [row(r["description"] + (f" × {r['quantity']}" if r["quantity"] > 1 else ""), r["amount"])
            for r in flow.invoice_lines(panel, payment["invoice_id"])]
    if Decimal(payment["discount"]) > 0:
        rows.append(row("Discount", payment["discount"], minus=True))
    if Decimal(payment["tax_amount"]) > 0:
        label = f"{'Includes tax' if payment['tax_inclusive'] else 'Tax'} ({payment['tax_rate']}%)"
        rows.append(row(label, payment["tax_amount"]))
    if Decimal(payment["amount"]) < Decimal(payment["total"]):
        rows.append(row("Already paid (credits)",
                        money_str(Decimal(payment["total"]) - Decimal(payment["amount"]), places), minus=True))
    return render("summary", heading=heading, invoice_number=payment["invoice_number"], lines=Markup("".join(rows)),
                  amount=amount)


def _stripe_test_note(s) -> Markup:
    """Where Stripe is a local stand-in (localstripe: the demo, the tests), the page says so and which card pays:
    its form takes the expiry year in two digits, so a typed "2030" would run on into the CVC box."""
    if not s.stripe_api_base:
        return Markup("")
    return Markup('<div class="sandbox" role="note"><strong>Test payments.</strong> Stripe is simulated here '
                  '(localstripe), so no real money moves. Card <b>4242 4242 4242 4242</b>, any future month, the '
                  'year in two digits (e.g. 30), any three-digit CVC.</div>')


# How a page's yes-or-no parameter may be written (any case). The panel writes `cancelled=1`; a person or a client
# may write the others. Any other value is not a link the panel made.
_YES = frozenset({"1", "true", "yes", "on"})
_NO = frozenset({"", "0", "false", "no", "off"})


def _flag(panel: Panel, name: str, value: str | None) -> bool:
    """A yes-or-no query parameter of a page: absent or a word for no is False, a word for yes True. Anything else
    is refused as a repeated parameter is (`_each_once`): an HTML page with 400 saying the link is not valid. It was
    read as "any text at all is yes", so `?cancelled=0` or `?cancelled=false` said the payment was cancelled."""
    if value is None or value.lower() in _NO:
        return False
    if value.lower() in _YES:
        return True
    raise PageError(_message(panel, "This payment link is not valid",
                             f"'{name}' in this link is neither yes nor no: a payment link gives it as 1 or 0 (or "
                             "true or false). Your invoices and credit balance show how the payment ended.",
                             status=400))


@router.get(FINISHED_PATH)
def finished_page(cancelled: str | None = None, panel: Panel = Depends(get_panel)):
    """Where a payment started without a return_url or cancel_url (a top-up, which the contract starts with
    `{amount, payment_method}` alone) ends: nothing about the payment is shown (the page has no token), only that
    the result is with the panel. Registered before /pay/{payment_id}, which would take "finished" as an id."""
    if _flag(panel, "cancelled", cancelled):
        return _message(panel, "Payment cancelled", "Nothing was charged. You can close this page.")
    return _message(panel, "Payment finished",
                    "The panel has the result of this payment. You can close this page; your invoices and credit "
                    "balance show it.")


def _page_payment(panel: Panel, payment_id: str, token: str | None):
    """The payment a browser page is for; an unknown id or a wrong token is an HTML page (404) saying so, as an
    unknown server page is: the buyer's web view showed the API's JSON error. (The card form's script, which reads
    JSON, still gets the API's 404 from stripe/confirm.)"""
    try:
        return flow.page_payment(panel, payment_id, token)
    except ApiError as exc:
        if exc.status != 404:
            raise
        raise PageError(_message(panel, "Payment not found",
                                 "This payment link is not known here, or it is not complete. Open the payment "
                                 "again from your invoices. Nothing was charged.", status=404)) from None


def _finished(panel: Panel, payment):
    """A page for a payment that is no longer waiting: paid ones go on to the client's return URL."""
    if payment["status"] == "succeeded":
        return RedirectResponse(flow.with_payment_param(payment["return_url"], payment["id"]), status_code=303)
    numbers = payment["invoice_number"]  # one payment for several invoices names them all: "INV-1, INV-2"
    which = f"The invoices {numbers} can" if ", " in numbers else f"The invoice {numbers} can"
    return _message(panel, "This payment link has expired",
                    f"This payment was {payment['status']}. {which} be paid again from your invoices.", status=410,
                    link=(flow.with_payment_param(payment["cancel_url"], payment["id"]), "Return"))


@router.get("/pay/{payment_id}")
def pay_page(payment_id: str, request: Request, token: str | None = None, panel: Panel = Depends(get_panel)):
    payment = _page_payment(panel, payment_id, token)
    if payment["status"] != "pending":
        return _finished(panel, payment)
    s = settings_store.load(panel.db.conn())
    base = f"/pay/{payment_id}"
    try:
        if payment["method"] == "paypal":
            if paypal_gateway.uses_sandbox_page(s):
                content = render("paypal_sandbox", summary=_summary(panel, payment, s), token=token,
                                 approve_action=f"{base}/paypal/approve", cancel_action=f"{base}/cancel")
                return _html(panel, "PayPal sandbox", content)
            origin = panel_origin(panel.options.public_url, request)
            query = urlencode({"t": token})
            approve = flow.paypal_start(panel, payment, f"{origin}{base}/paypal/return?{query}",
                                        f"{origin}{base}/cancel-return?{query}")
            return RedirectResponse(approve, status_code=303)
        intent = flow.stripe_intent(panel, payment)
    except GatewayError as exc:
        return _message(panel, "Payment service unavailable", f"{exc} Nothing was charged; try again shortly.",
                        status=502)
    if intent.status == "succeeded":
        flow.stripe_paid(panel, payment_id, intent)
        return RedirectResponse(flow.with_payment_param(payment["return_url"], payment_id), status_code=303)
    nonce = secrets.token_urlsafe(16)
    js = stripe_gateway.js_url(s)
    amount = _writer(s, payment["currency"], payment["invoice_status"])(payment["amount"])
    config = json.dumps({"publishableKey": s.stripe_publishable_key, "token": token,
                         "confirmUrl": f"{base}/stripe/confirm",
                         "returnUrl": f"{base}/return?{urlencode({'token': token})}", "payLabel": f"Pay {amount}"})
    config = config.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    content = render("stripe", summary=_summary(panel, payment, s), amount=amount, token=token,
                     test_note=_stripe_test_note(s), cancel_action=f"{base}/cancel", config=Markup(config),
                     stripe_js=js, nonce=nonce)
    api = _origin(s.stripe_api_base) if s.stripe_api_base else "https://api.stripe.com"
    csp = (f"default-src 'self'; script-src 'self' 'nonce-{nonce}' {_origin(js)}; connect-src 'self' {api}; "
           f"frame-src {_origin(js)} https://*.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: "
           "https://*.stripe.com")
    return _html(panel, "Pay", content, headers={"Content-Security-Policy": csp})


@router.post("/pay/{payment_id}/stripe/confirm")
def stripe_confirm(payment_id: str, body: ConfirmBody, panel: Panel = Depends(get_panel)):
    payment = flow.page_payment(panel, payment_id, body.token)
    if payment["status"] != "pending" or payment["method"] != "stripe":
        done = payment["status"] == "succeeded"
        return JSONResponse({"status": "succeeded" if done else "closed",
                             "message": None if done else f"This payment was {payment['status']}."})
    try:
        intent = flow.stripe_confirm(panel, payment, body.card_id)
    except CardDeclined as exc:
        return JSONResponse({"status": "declined", "message": str(exc)})
    except GatewayError as exc:
        return JSONResponse({"status": "error", "message": f"{exc} Nothing was charged."})
    if intent.status == "requires_action":
        return JSONResponse({"status": "requires_action", "client_secret": intent.client_secret})
    if intent.status == "succeeded":
        return JSONResponse({"status": "succeeded"})
    return JSONResponse({"status": "declined", "message": intent.error or "The card was not accepted."})


@router.get("/pay/{payment_id}/return")
def stripe_return(payment_id: str, token: str | None = None, panel: Panel = Depends(get_panel)):
    """Where the page goes after Stripe: read the intent (never trust the page), then on to the client."""
    payment = _page_payment(panel, payment_id, token)
    try:
        flow.refresh_from_gateway(panel, payment)
    except GatewayError:
        pass  # the client reads GET /billing/payments/{id} next, which asks Stripe again
    return RedirectResponse(flow.with_payment_param(payment["return_url"], payment_id), status_code=303)


def _cancel(panel: Panel, payment):
    if payment["status"] == "pending":
        flow.set_status(panel, payment["id"], "cancelled")
        if payment["method"] == "stripe" and payment["gateway_ref"]:
            try:
                stripe_gateway.StripeGateway(settings_store.load(panel.db.conn())).cancel(payment["gateway_ref"])
            except GatewayError:
                pass
    return RedirectResponse(flow.with_payment_param(payment["cancel_url"], payment["id"]), status_code=303)


@router.post("/pay/{payment_id}/cancel")
def cancel(payment_id: str, token: str = Form(""), panel: Panel = Depends(get_panel)):
    return _cancel(panel, _page_payment(panel, payment_id, token))


@router.get("/pay/{payment_id}/cancel-return")
def paypal_cancel_return(payment_id: str, t: str | None = None, panel: Panel = Depends(get_panel)):
    return _cancel(panel, _page_payment(panel, payment_id, t))


@router.post("/pay/{payment_id}/paypal/approve")
def paypal_sandbox_approve(payment_id: str, token: str = Form(""), panel: Panel = Depends(get_panel)):
    payment = _page_payment(panel, payment_id, token)
    s = settings_store.load(panel.db.conn())
    if payment["method"] != "paypal" or not paypal_gateway.uses_sandbox_page(s):
        return _message(panel, "Not available", "This payment is not a PayPal sandbox payment.", status=404)
    if payment["status"] != "pending":
        return _finished(panel, payment)
    flow.mark_paid(panel, payment_id, f"SANDBOX-{payment_id[:8].upper()}")
    return RedirectResponse(flow.with_payment_param(payment["return_url"], payment_id), status_code=303)


@router.get("/pay/{payment_id}/paypal/return")
def paypal_return(payment_id: str, t: str | None = None, panel: Panel = Depends(get_panel)):
    payment = _page_payment(panel, payment_id, t)
    if payment["status"] != "pending":
        return _finished(panel, payment)
    try:
        paid = flow.paypal_capture(panel, payment)
    except GatewayError as exc:
        return _message(panel, "PayPal could not complete the payment", f"{exc} Nothing was charged.", status=502,
                        link=(flow.with_payment_param(payment["cancel_url"], payment_id), "Return"))
    target = payment["return_url"] if paid else payment["cancel_url"]
    return RedirectResponse(flow.with_payment_param(target, payment_id), status_code=303)

