"""Admin refunds: money goes back to credits, or to the gateway it came from (credits paid stay credits), the
invoice becomes `refunded`, the payment history records it, and what the invoice paid for ends.

A refund to a gateway asks the gateway over the network, which must not happen inside SQLite's write lock, so it
goes in three steps: one write transaction checks the invoice and records a hold on it (`refund_holds`); the
gateways are asked; one write transaction records the refund and drops the hold (a failure drops it instead).
Every refund, to credits too, refuses an invoice that another refund holds, so two refunds never both reach a
gateway nor return the same money twice. A hold left by a panel that died mid-refund lapses after HOLD_FOR; the
gateway calls are idempotent (keyed by our payment or the capture), so the retry this permits cannot pay twice.

A hold on a top-up also holds the credit it bought (`credits.held`): checkout, invoice payments, renewals and
debits by staff cannot spend it while the gateway is asked, so the record step can always take it back. It stays
held until the refund is recorded or fails, even past HOLD_FOR: after a panel died mid-refund the gateway may well
have returned the money, and only the retry can tell.
"""
from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal

from .. import settings as settings_store
from ..clock import Clock
from ..db import Database, new_id
from ..errors import conflict, invalid, not_found
from ..settings import PanelSettings
from ..timefmt import iso
from . import credits, invoices, provisioning
from .notifications import notify

HOLD_FOR = timedelta(minutes=10)  # longer than any gateway call with its retries takes


def _refundable(conn: sqlite3.Connection, invoice_id: str, now: str,
                hold: str | None = None) -> tuple[sqlite3.Row, list[sqlite3.Row]]:
    invoice = invoices.get(conn, invoice_id)
    if invoice is None:
        raise not_found("Invoice")
    if invoice["status"] != "paid":
        raise conflict("invoice_not_refundable",
                       f"Only paid invoices can be refunded (this one is {invoice['status']}).")
    held = conn.execute("SELECT token, expires_at FROM refund_holds WHERE invoice_id = ?", (invoice_id,)).fetchone()
    if held and held["token"] != hold and held["expires_at"] > now:
        raise conflict("refund_in_progress",
                       "Another refund of this invoice is under way; try again once it has finished.")
    # A payment that covered several invoices counts here with this invoice's share (`share`).
    paid = conn.execute(
        "SELECT p.*, a.amount AS share FROM payments p LEFT JOIN payment_allocations a ON a.payment_id = p.id "
        "AND a.invoice_id = ? WHERE p.status = 'succeeded' AND p.amount > 0 AND (a.invoice_id IS NOT NULL OR "
        "(p.invoice_id = ? AND NOT EXISTS (SELECT 1 FROM payment_allocations x WHERE x.payment_id = p.id)))",
        (invoice_id, invoice_id)).fetchall()
    return invoice, paid


def _check_currency(s: PanelSettings, invoice, paid: list[sqlite3.Row], to: str,
                    credits_refund: Decimal | None) -> None:
    """Credits are in the panel's currency: a refund of an invoice in another one (raised before the currency
    changed) never moves money through the credit balance one for one. What its gateways took goes back to them;
    what credits paid of it (credit that was in the invoice's currency then) comes back only as the amount in the
    credits' currency the operator names (`credits_refund`), never relabelled by the panel."""
    number, code = invoice["invoice_number"], invoice["currency"]
    by_credits = sum((Decimal(p["share"] or p["amount"]) for p in paid if p["method"] == "credits"), Decimal(0))
    foreign = not invoices.takes_credits(s, invoice)
    if credits_refund is not None and not (foreign and by_credits > 0 and invoice["kind"] != "top_up"):
        raise invalid("credits_refund", f"Only for an invoice in another currency than the credits' "
                                        f"({s.currency_code}) that credits paid part of; leave it out for {number}.")
    if not foreign:
        return
    if invoice["kind"] == "top_up":
        raise invalid("to", f"Top-up {number} bought credit in {code}, and credits are now in {s.currency_code}: "
                            "taking that credit back would count it one for one, so it cannot be refunded here. "
                            "Refund it at its gateway and adjust the balance by hand.")
    if to == "credits" and any(p["method"] != "credits" for p in paid):
        raise invalid("to", f"Invoice {number} is in {code} and credits are in {s.currency_code}: what its "
                            "gateways took goes back to them (to: gateway), never to credits.")
    if by_credits > 0 and credits_refund is None:
        message = (f"{by_credits} {code} of invoice {number} was paid with credits, and credits are now in "
                   f"{s.currency_code}: send credits_refund, the amount in {s.currency_code} to give back for it "
                   "(\"0\" for none).")
        raise invalid("credits_refund", message)


def refund_to_gateways(db: Database, clock: Clock, invoice_id: str, credits_refund: Decimal | None = None) -> dict:
    """Hold, ask the gateways, record: the refunded invoice, or the gateway's GatewayError with nothing changed."""
    hold = new_id()
    with db.write() as conn:
        s = settings_store.load(conn)
        now = clock.now()
        invoice, paid = _refundable(conn, invoice_id, iso(now))
        by_gateway = [p for p in paid if p["method"] != "credits"]
        number = invoice["invoice_number"]
        if not by_gateway:
            # Refused rather than read as "to credits": the operator asked for money to leave through a gateway, and
            # a refund that silently went elsewhere would not be the one asked for (docs/api.md, admin refunds).
            raise invalid("to", f"Invoice {number} was paid with credits only, so no card or PayPal payment can be "
                                "returned to its gateway; refund it to credits (to: credits). Nothing was changed.")
        # Its share of a payment that paid others too goes back to the gateway only when credits cannot take it
        # (another currency than theirs): the gateway refunds that part of the payment alone.
        if any(p["share"] for p in by_gateway) and invoices.takes_credits(s, invoice):
            raise invalid("to", f"Invoice {number} was paid together with other invoices in one gateway payment, "
                                "which is not refunded in part; refund it to credits (to: credits). Nothing was "
                                "changed.")
        _check_currency(s, invoice, paid, "gateway", credits_refund)
        if invoice["kind"] == "top_up" and _spendable_besides(conn, invoice) < Decimal(invoice["subtotal"]):
            raise conflict("insufficient_credits", "The credit bought with this top-up has been spent already.")
        # An expired hold is taken over: its refund died with the panel that was running it.
        conn.execute("INSERT INTO refund_holds (invoice_id, token, expires_at) VALUES (?, ?, ?) ON CONFLICT "
                     "(invoice_id) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at",
                     (invoice_id, hold, iso(now + HOLD_FOR)))
    try:
        references = _ask_gateways(s, by_gateway, invoice)
        with db.write() as conn:
            return refund(conn, s, invoice_id, "gateway", iso(clock.now()), references, hold=hold,
                          credits_refund=credits_refund)
    except BaseException:
        with db.write() as conn:
            conn.execute("DELETE FROM refund_holds WHERE invoice_id = ? AND token = ?", (invoice_id, hold))
        raise


def _spendable_besides(conn: sqlite3.Connection, invoice: sqlite3.Row) -> Decimal:
    """The owner's spendable credit, counting back what a lapsed hold on this very invoice (taken over) holds."""
    user_id = invoice["user_id"]
    return credits.balance(conn, user_id) - credits.held(conn, user_id, besides=invoice["id"])


def _ask_gateways(s: PanelSettings, by_gateway: list[sqlite3.Row], invoice: sqlite3.Row) -> dict[str, str]:
    """Ask the gateways to return what they took for the invoice, in its currency (Stripe refunds in its intent's):
    {payment id: refund reference}. Of a payment shared with other invoices only this invoice's share, under a key
    of its own, so refunding the next invoice's share is a refund of its own too. Network: outside the lock."""
    from ..gateways.paypal_gateway import PayPalGateway
    from ..gateways.stripe_gateway import StripeGateway

    currency, references = invoice["currency"], {}
    for payment in by_gateway:
        amount = Decimal(payment["share"] or payment["amount"])
        key = f"sett-refund-{payment['id']}" + (f"-{invoice['id']}" if payment["share"] else "")
        if payment["method"] == "stripe":
            references[payment["id"]] = StripeGateway(s).refund(payment["gateway_ref"], amount, currency, key)
        elif (payment["gateway_ref"] or "").startswith("SANDBOX-"):  # paid on the sandbox page, whatever now
            references[payment["id"]] = f"SANDBOX-REFUND-{payment['id'][:8].upper()}"
        else:
            request_id = f"sett-refund-{payment['reference']}-{invoice['id']}" if payment["share"] else None
            references[payment["id"]] = PayPalGateway(s).refund(payment["reference"], amount, currency, request_id)
    return references


def refund(conn: sqlite3.Connection, s: PanelSettings, invoice_id: str, to: str, now: str,
           gateway_refs: dict[str, str] | None = None, hold: str | None = None,
           credits_refund: Decimal | None = None) -> dict:
    """Record a refund in the caller's write transaction; `hold` is the refund_to_gateways hold it completes.
    `credits_refund`: for an invoice in another currency than the credits', what its credits part comes back as."""
    invoice, paid = _refundable(conn, invoice_id, now, hold)
    if to == "credits" and invoice["kind"] == "top_up":
        raise invalid("to", "A credit top-up cannot be refunded to credits.")
    _check_currency(s, invoice, paid, to, credits_refund)
    places = invoices.places_of(invoice)
    # Dropped first: the credit a top-up's hold kept from spenders is what is taken back below.
    conn.execute("DELETE FROM refund_holds WHERE invoice_id = ?", (invoice_id,))
    gateway_refs = gateway_refs or {}
    to_credits = Decimal(0)
    for payment in paid:
        amount = Decimal(payment["share"] or payment["amount"])
        if not payment["share"]:  # a payment shared with other invoices still pays those
            conn.execute("UPDATE payments SET status = 'refunded', updated_at = ? WHERE id = ?", (now, payment["id"]))
        if to == "gateway" and payment["id"] in gateway_refs:
            invoices.add_payment(conn, invoice, method=payment["method"], amount=-amount, status="refunded", now=now,
                                 places=places, reference=gateway_refs[payment["id"]])
        else:
            to_credits += amount
    if invoice["kind"] == "top_up":  # the refunded money bought credit: take that credit back
        credits.change(conn, invoice["user_id"], -Decimal(invoice["subtotal"]), type="refund", now=now,
                       places=s.currency_places, invoice_id=invoice_id,
                       note=f"Top-up {invoice['invoice_number']} refunded")
    given = to_credits if credits_refund is None else credits_refund  # in the credits' currency
    if to_credits > 0:
        number = invoice["invoice_number"]
        as_given = "" if credits_refund is None else \
            f" as {s.money(given)} {s.currency_code}"  # the operator's figure for credit once in another currency
        if given > 0:
            credits.change(conn, invoice["user_id"], given, type="refund", now=now, places=s.currency_places,
                           invoice_id=invoice_id, note=f"Refund of invoice {number}" + (
                               f": {to_credits} {invoice['currency']} paid with credits{as_given}" if as_given else ""))
        invoices.add_payment(conn, invoice, method="credits", amount=-to_credits, status="refunded", now=now,
                             places=places, reference=f"refund to credits of {number}{as_given}")
    conn.execute("UPDATE invoices SET status = 'refunded', updated_at = ? WHERE id = ?", (now, invoice_id))
    _end_what_it_bought(conn, invoice, now)
    where = "your credit balance" if to == "credits" else "the original payment method"
    if credits_refund is not None:
        where += (f" (what credits paid of it, {to_credits} {invoice['currency']}, as {s.money(given)} "
                  f"{s.currency_code} of credit)")
    notify(conn, invoice["user_id"], title="Refund issued",
           message=f"Invoice {invoice['invoice_number']} was refunded to {where}.",
           action_url=f"/billing/invoices/{invoice_id}", now=now)
    return invoices.invoice_out(invoices.get(conn, invoice_id), conn)


def _end_what_it_bought(conn: sqlite3.Connection, invoice, now: str) -> None:
    if invoice["kind"] == "order" and invoice["order_id"]:
        conn.execute("UPDATE orders SET status = 'refunded', updated_at = ? WHERE id = ?", (now, invoice["order_id"]))
        # No stock comes back: the order was a sale whose services ran, and stock counts units sold, which only an
        # order that never became a sale (an unpaid one cancelled) gives back. tests/panel/test_order_cancel pins it.
        services = conn.execute("SELECT * FROM services WHERE order_id = ?", (invoice["order_id"],)).fetchall()
    elif invoice["kind"] == "renewal" and invoice["service_id"]:
        services = conn.execute("SELECT * FROM services WHERE id = ?", (invoice["service_id"],)).fetchall()
    else:
        services = []
    for service in services:
        if service["status"] not in ("terminated", "cancelled"):
            provisioning.set_status(conn, service, "cancelled", now=now)
