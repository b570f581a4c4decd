"""The steps of a gateway payment, between the pay page, the gateways and the database.

Network calls happen outside the write lock; each database step is its own short transaction, and marking a
payment paid goes through invoices.confirm_payment, which counts a payment once however often it is told.
"""
from __future__ import annotations

import sqlite3
from decimal import Decimal
from urllib.parse import urlencode, urlsplit, urlunsplit

from .. import settings as settings_store
from ..billing import invoices
from ..errors import not_found
from ..security import digest
from ..state import Panel
from ..timefmt import iso
from .paypal_gateway import PayPalGateway
from .stripe_gateway import CardDeclined, IntentState, StripeGateway


def with_payment_param(url: str, payment_id: str) -> str:
    """`return_url?payment=<id>`, keeping whatever query the client put on its URL."""
    parts = urlsplit(url)
    query = (parts.query + "&" if parts.query else "") + urlencode({"payment": payment_id})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def page_payment(panel: Panel, payment_id: str, token: str | None) -> sqlite3.Row:
    """The payment a pay page is for; an unknown id and a wrong token look the same."""
    # A payment for several invoices names them in the order the buyer listed them (the allocations' rowid order):
    # group_concat alone follows the index, i.e. the invoices' random ids.
    row = panel.db.conn().execute(
        "SELECT p.*, COALESCE((SELECT group_concat(n, ', ') FROM (SELECT x.invoice_number AS n "
        "FROM payment_allocations a JOIN invoices x ON x.id = a.invoice_id WHERE a.payment_id = p.id "
        "ORDER BY a.rowid)), i.invoice_number) AS invoice_number, i.currency, "
        "i.status AS invoice_status, i.total, i.user_id AS owner, "
        "i.discount, i.tax_amount, i.tax_rate, i.tax_inclusive, i.amount_paid "
        "FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.id = ? AND p.checkout_token_hash = ?",
        (payment_id, digest(token or ""))).fetchone()
    if row is None or not token:
        raise not_found("Payment")
    return row


def shares(panel: Panel, payment_id: str) -> list[sqlite3.Row]:
    """For a payment covering several invoices, each invoice's number, share of it (`amount`, "0.00" for one the
    held credits pay in full) and the credits held for it, in the order listed (else nothing)."""
    return panel.db.conn().execute("SELECT i.invoice_number, a.amount, a.credits FROM payment_allocations a "
                                   "JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = ? ORDER BY a.rowid",
                                   (payment_id,)).fetchall()


def numbers(payment: sqlite3.Row, limit: int) -> str:
    """The invoice number(s) a payment is for, cut to what a gateway's field holds (Stripe metadata 500
    characters, a PayPal description 127) when one payment covers many invoices."""
    text = payment["invoice_number"]
    if len(text) <= limit:
        return text
    names = text.split(", ")
    while len(", ".join(names)) + 16 > limit:
        names.pop()
    return f"{', '.join(names)} and {text.count(', ') + 1 - len(names)} more"


def invoice_lines(panel: Panel, invoice_id: str) -> list[sqlite3.Row]:
    return panel.db.conn().execute("SELECT description, quantity, amount FROM invoice_lines WHERE invoice_id = ? "
                                   "ORDER BY position", (invoice_id,)).fetchall()


def mark_paid(panel: Panel, payment_id: str, gateway_ref: str | None = None, reference: str | None = None) -> bool:
    """Count a gateway payment (once), keeping the gateway's reference with it in the same transaction."""
    with panel.db.write() as conn:
        now = panel.clock.now()  # read under the write lock: timestamps follow commit order
        # The payment history shows the gateway's own reference (a PayPal capture, else the gateway's id).
        if reference or gateway_ref:
            # Stamped: the reference shows in the invoice's payments (sync_stamps moves the invoice with it).
            conn.execute("UPDATE payments SET reference = ?, updated_at = ? WHERE id = ? AND reference IS NULL",
                         (reference or gateway_ref, iso(now), payment_id))
        s = settings_store.load(conn)
        return invoices.confirm_payment(conn, s, payment_id, today=now.date(), now=iso(now), gateway_ref=gateway_ref)


def set_status(panel: Panel, payment_id: str, status: str) -> None:
    with panel.db.write() as conn:
        conn.execute("UPDATE payments SET status = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
                     (status, iso(panel.clock.now()), payment_id))


# -- Stripe ---------------------------------------------------------------------------------------------------
def stripe_intent(panel: Panel, payment: sqlite3.Row) -> IntentState:
    """The PaymentIntent behind a payment, created on first use for exactly the amount due."""
    s = settings_store.load(panel.db.conn())
    gateway = StripeGateway(s)
    if payment["gateway_ref"]:
        return gateway.retrieve(payment["gateway_ref"])
    # In the invoice's own currency (page_payment reads it; a payment for several invoices covers one currency).
    intent = gateway.create_intent(payment["id"], Decimal(payment["amount"]), numbers(payment, 400),
                                   payment["currency"])
    with panel.db.write() as conn:
        conn.execute("UPDATE payments SET gateway_ref = ?, updated_at = ? WHERE id = ? AND gateway_ref IS NULL",
                     (intent.id, iso(panel.clock.now()), payment["id"]))
    return intent


def stripe_confirm(panel: Panel, payment: sqlite3.Row, card_id: str) -> IntentState:
    """Pay with the card the page tokenised; a declined card leaves the payment open for another card."""
    gateway = StripeGateway(settings_store.load(panel.db.conn()))
    intent = stripe_intent(panel, payment)
    if intent.status in ("requires_payment_method", "requires_confirmation"):
        try:
            intent = gateway.confirm_with_card(intent.id, card_id)
        except CardDeclined:
            _forget_intent(panel, gateway, payment["id"], intent.id)
            raise
        if intent.status == "requires_payment_method":
            _forget_intent(panel, gateway, payment["id"], intent.id)
    if intent.status == "succeeded":
        mark_paid(panel, payment["id"], intent.id)
    return intent


def _forget_intent(panel: Panel, gateway: StripeGateway, payment_id: str, intent_id: str) -> None:
    """The next card gets a fresh PaymentIntent: not every Stripe (localstripe) re-confirms a failed one."""
    gateway.cancel(intent_id)
    with panel.db.write() as conn:
        conn.execute("UPDATE payments SET gateway_ref = NULL, updated_at = ? WHERE id = ? AND gateway_ref = ?",
                     (iso(panel.clock.now()), payment_id, intent_id))


def refresh_from_gateway(panel: Panel, payment: sqlite3.Row) -> None:
    """Read a pending Stripe payment's intent and count it if it succeeded (the webhook may never come)."""
    if payment["status"] != "pending" or payment["method"] != "stripe" or not payment["gateway_ref"]:
        return
    s = settings_store.load(panel.db.conn())
    intent = StripeGateway(s).retrieve(payment["gateway_ref"])
    if intent.status == "succeeded":
        mark_paid(panel, payment["id"], intent.id)


def stripe_event(panel: Panel, event: dict) -> None:
    """Apply a verified Stripe event once. Remembering the event and paying share one transaction, so an event
    whose handling failed is not remembered and Stripe's retry of it still counts."""
    intent = (event.get("data") or {}).get("object") or {}
    with panel.db.write() as conn:
        if not _first_sight(conn, "stripe", event.get("id"), event.get("type", ""), panel):
            return
        if event.get("type") != "payment_intent.succeeded":
            return
        payment_id = (intent.get("metadata") or {}).get("payment_id")
        row = conn.execute("SELECT id FROM payments WHERE id = ? AND method = 'stripe' AND gateway_ref = ?",
                           (payment_id, intent.get("id"))).fetchone()
        if row is not None:
            mark_paid(panel, row["id"], intent.get("id"))


def _first_sight(conn: sqlite3.Connection, provider: str, event_id, kind: str, panel: Panel) -> bool:
    if not isinstance(event_id, str) or not event_id:
        return False
    return conn.execute("INSERT OR IGNORE INTO webhook_events (id, provider, type, received_at) VALUES (?, ?, ?, ?)",
                        (event_id, provider, kind, iso(panel.clock.now()))).rowcount == 1


# -- PayPal ---------------------------------------------------------------------------------------------------
def paypal_start(panel: Panel, payment: sqlite3.Row, return_url: str, cancel_url: str) -> str:
    """The PayPal approval URL for a payment, creating the PayPal order on first use."""
    s = settings_store.load(panel.db.conn())
    order = PayPalGateway(s).create_order(payment["id"], Decimal(payment["amount"]), payment["currency"],
                                          f"Invoice {numbers(payment, 110)}", return_url, cancel_url)
    with panel.db.write() as conn:
        conn.execute("UPDATE payments SET gateway_ref = ?, updated_at = ? WHERE id = ?",
                     (order.id, iso(panel.clock.now()), payment["id"]))
    return order.approve_url


def paypal_capture(panel: Panel, payment: sqlite3.Row) -> bool:
    s = settings_store.load(panel.db.conn())
    status, capture_id = PayPalGateway(s).capture(payment["gateway_ref"])
    if status == "COMPLETED":
        mark_paid(panel, payment["id"], reference=capture_id)
        return True
    return False


def paypal_event(panel: Panel, event: dict) -> None:
    with panel.db.write() as conn:
        if not _first_sight(conn, "paypal", event.get("id"), event.get("event_type", ""), panel):
            return
        if event.get("event_type") != "PAYMENT.CAPTURE.COMPLETED":
            return
        resource = event.get("resource") or {}
        payment_id = resource.get("custom_id")
        if payment_id and conn.execute("SELECT 1 FROM payments WHERE id = ? AND method = 'paypal'",
                                       (payment_id,)).fetchone():
            # The capture's id: a refund of this payment needs it.
            capture_id = resource["id"] if isinstance(resource.get("id"), str) else None
            mark_paid(panel, payment_id, reference=capture_id)
