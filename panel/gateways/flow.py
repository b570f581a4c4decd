"""The steps of a gateway payment, between the pay page, the gateways and the database.

Network calls happen outside the write lock; each database step is its own short transaction, and marking a
payment paid goes through invoices.confirm_payment, which counts a payment once however often it is told.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from datetime import timedelta
from decimal import Decimal
from urllib.parse import unquote_plus, urlencode, urlsplit, urlunsplit

from app.core.money import money_str

from .. import settings as settings_store
from ..billing import invoices
from ..billing.notifications import notify
from ..errors import not_found
from ..security import digest
from ..state import Panel
from ..timefmt import iso
from .paypal_gateway import PayPalGateway
from .stripe_gateway import CardDeclined, GatewayError, IntentState, StripeGateway, read_amount

log = logging.getLogger(__name__)


def with_payment_param(url: str, payment_id: str) -> str:
    """`return_url?payment=<id>`, keeping whatever query the client put on its URL but a `payment` of its own: the
    page lands with one `payment`, this one (a `payment` already on the URL made two, and a client reading the first
    read the one it had put there, not the panel's). The rest is kept as it was written."""
    parts = urlsplit(url)
    kept = [item for item in parts.query.split("&") if item and unquote_plus(item.partition("=")[0]) != "payment"]
    query = "&".join([*kept, urlencode({"payment": payment_id})])
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
    """For a payment covering several invoices, each invoice's number, status and currency, its share of the payment
    (`amount`, "0.00" for one the held credits pay in full) and the credits held for it, in the order listed (else
    nothing)."""
    return panel.db.conn().execute("SELECT i.invoice_number, i.status, i.currency, a.amount, a.credits "
                                   "FROM payment_allocations a "
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


def mark_paid(panel: Panel, payment_id: str, gateway_ref: str | None = None, reference: str | None = None,
              to_return: list | None = None) -> bool:
    """Count a gateway payment (once), keeping the gateway's reference with it in the same transaction.

    What of it arrived for an invoice closed meanwhile and cannot become credit (another currency) goes back to the
    gateway after the transaction; a caller that holds a transaction open passes `to_return` and calls
    return_late itself once it has committed."""
    if to_return is None:
        late: list = []
        paid = mark_paid(panel, payment_id, gateway_ref, reference, late)
        return_late(panel, payment_id, late)
        return paid
    with panel.db.write() as conn:
        now = panel.clock.now()  # read under the write lock: timestamps follow commit order
        # The payment history shows the gateway's own reference (a PayPal capture, else the gateway's id).
        if reference or gateway_ref:
            # Stamped: the reference shows in the invoice's payments (sync_stamps moves the invoice with it).
            conn.execute("UPDATE payments SET reference = ?, updated_at = ? WHERE id = ? AND reference IS NULL",
                         (reference or gateway_ref, iso(now), payment_id))
        s = settings_store.load(conn)
        return invoices.confirm_payment(conn, s, payment_id, today=now.date(), now=iso(now), gateway_ref=gateway_ref,
                                        to_return=to_return)


def return_late(panel: Panel, payment_id: str, late: list) -> None:
    """Give back to its gateway each share of a payment that arrived after its invoice was closed and could not be
    kept as credit (another currency than the credits'): outside the write lock, keyed so a retry refunds once.
    Recorded on the invoice as a negative `refunded` payment and told to the buyer; a gateway that refuses leaves
    the money with the operator, whom every admin's notification names, and the balance untouched either way.

    Each share's duty to return it was written with the payment (invoices.owe_return); it is struck off in the
    transaction that records the outcome, so a panel that dies in between leaves it for retry_late_returns."""
    for invoice, _amount in late:
        _return_one(panel, f"{invoices.LATE_RETURN}{payment_id}:{invoice['id']}")


# A return whose worker has not recorded an outcome after this long is taken to have died with its panel.
LATE_RETURN_LAPSE = timedelta(minutes=10)


def retry_late_returns(panel: Panel) -> int:
    """Return what a panel that died mid-return still owes (run with the lifecycle jobs); how many were recorded.

    A return is claimed (its `claimed_at` moved to now, in a write transaction) only when its last claim lapsed,
    so two workers do not ask the gateway at once; and should they, the gateway's refund is keyed per payment and
    invoice and the outcome is recorded only by whoever strikes the duty off first: money goes back once."""
    done = 0
    with panel.db.write() as conn:
        now = panel.clock.now()
        lapsed = iso(now - LATE_RETURN_LAPSE)
        keys = []
        for row in conn.execute("SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key",
                                (invoices.LATE_RETURN + "%",)).fetchall():
            duty = json.loads(row["value"])
            if duty["claimed_at"] <= lapsed:
                conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                             (json.dumps({**duty, "claimed_at": iso(now)}), row["key"]))
                keys.append(row["key"])
    for key in keys:
        done += _return_one(panel, key)
    return done


def _return_one(panel: Panel, key: str) -> bool:
    """Ask the gateway to return one late share and record what it answered; False when there was nothing to do
    (recorded meanwhile) or the gateway refused."""
    row = panel.db.conn().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        return False
    duty = json.loads(row["value"])
    payment_id, amount = duty["payment_id"], Decimal(duty["amount"])
    payment = panel.db.conn().execute("SELECT * FROM payments WHERE id = ?", (payment_id,)).fetchone()
    invoice = invoices.get(panel.db.conn(), duty["invoice_id"])
    s = settings_store.load(panel.db.conn())
    money = f"{money_str(amount, invoices.places_of(invoice))} {invoice['currency']}"
    try:
        reference = _refund_late(s, payment, invoice, amount)
    except GatewayError as exc:
        log.error("payment %s: %s for closed invoice %s could not be returned: %s", payment_id, money,
                  invoice["invoice_number"], exc)
        with panel.db.write() as conn:
            if not _strike_off(conn, key):
                return False
            now = iso(panel.clock.now())
            for (admin,) in conn.execute("SELECT id FROM users WHERE role = 'admin'").fetchall():
                notify(conn, admin, title="Payment to return by hand", now=now,
                       message=f"A {payment['method']} payment of {money} "
                               f"({payment['reference'] or payment['gateway_ref']}) "
                               f"arrived after invoice {invoice['invoice_number']} was {invoice['status']}. "
                               f"Credits are in {s.currency_code}, so it was not kept as credit, and "
                               f"{payment['method']} refused to refund it ({exc}): refund it there.")
        return False
    with panel.db.write() as conn:
        if not _strike_off(conn, key):  # another worker recorded this very refund (the gateway's key made it one)
            return False
        now = iso(panel.clock.now())
        invoices.add_payment(conn, invoice, method=payment["method"], amount=-amount, status="refunded",
                             now=now, places=invoices.places_of(invoice), reference=reference)
        # A payment shared with other invoices still pays those; one of its own is refunded whole.
        if not conn.execute("SELECT 1 FROM payment_allocations WHERE payment_id = ?", (payment_id,)).fetchone():
            conn.execute("UPDATE payments SET status = 'refunded', updated_at = ? WHERE id = ?", (now, payment_id))
        notify(conn, invoice["user_id"], title="Payment returned", now=now,
               action_url=f"/billing/invoices/{invoice['id']}",
               message=f"Your payment of {money} arrived after invoice {invoice['invoice_number']} was "
                       f"{invoice['status']}. Your credits are in {s.currency_code}, so it was refunded to "
                       "where you paid it from.")
    return True


def _strike_off(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("DELETE FROM meta WHERE key = ?", (key,)).rowcount == 1


def _refund_late(s: settings_store.PanelSettings, payment: sqlite3.Row, invoice: sqlite3.Row, amount: Decimal) -> str:
    key = f"sett-late-{payment['id']}-{invoice['id']}"
    if payment["method"] == "stripe":
        return StripeGateway(s).refund(payment["gateway_ref"], amount, invoice["currency"], key)
    if (payment["gateway_ref"] or "").startswith("SANDBOX-"):  # approved on the sandbox page: nothing was taken
        return f"SANDBOX-REFUND-{payment['id'][:8].upper()}"
    return PayPalGateway(s).refund(payment["reference"], amount, invoice["currency"], request_id=key)


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
        stripe_paid(panel, payment["id"], intent)
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
        stripe_paid(panel, payment["id"], intent)


def stripe_event(panel: Panel, event: dict) -> None:
    """Apply a verified Stripe event once. Remembering the event and paying share one transaction, so an event
    whose handling failed is not remembered and Stripe's retry of it still counts."""
    intent = (event.get("data") or {}).get("object") or {}
    late: list = []
    with panel.db.write() as conn:
        if not _first_sight(conn, "stripe", event.get("id"), event.get("type", ""), panel):
            return
        if event.get("type") != "payment_intent.succeeded":
            return
        payment_id = (intent.get("metadata") or {}).get("payment_id")
        row = conn.execute("SELECT id FROM payments WHERE id = ? AND method = 'stripe' AND gateway_ref = ?",
                           (payment_id, intent.get("id"))).fetchone()
        if row is None or not _intent_agrees(panel, row["id"], *read_amount(intent)):
            return
        mark_paid(panel, row["id"], intent.get("id"), to_return=late)
    return_late(panel, row["id"], late)


def _intent_agrees(panel: Panel, payment_id: str, amount: Decimal | None, currency: str | None) -> bool:
    """Whether a PaymentIntent Stripe says succeeded is for what the payment asked, read back in the currency's own
    minor unit (1000 JPY is 1000 yen, 1000 USD 10 dollars): never count an intent for another amount or currency."""
    row = panel.db.conn().execute("SELECT p.amount, i.currency FROM payments p JOIN invoices i ON i.id = p.invoice_id "
                                  "WHERE p.id = ?", (payment_id,)).fetchone()
    if row is not None and amount == Decimal(row["amount"]) and currency == row["currency"]:
        return True
    log.error("payment %s: Stripe's intent is for %s %s, the payment for %s %s; not counted", payment_id, amount,
              currency, row and row["amount"], row and row["currency"])
    return False


def stripe_paid(panel: Panel, payment_id: str, intent: IntentState) -> bool:
    """Count a payment whose PaymentIntent Stripe reports succeeded, when the intent is for what it asked."""
    return _intent_agrees(panel, payment_id, intent.amount, intent.currency) and mark_paid(panel, payment_id,
                                                                                           intent.id)


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
    late: list = []
    payment_id = None
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
            mark_paid(panel, payment_id, reference=capture_id, to_return=late)
    if late:
        return_late(panel, payment_id, late)
