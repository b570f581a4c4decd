"""Invoices: raising them from a quote, taking payments against them, and settling them once paid.

Everything here runs inside the caller's write transaction. Settling is the one place where "paid" happens, and
it is guarded by the invoice's status, so however many confirmations arrive (credits, a return from the gateway,
a webhook, a retried webhook) the effects of payment happen once.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal

from app.core.money import money_str
from app.core.pricing import Quote

from ..db import new_id, next_number
from ..errors import ApiError
from ..security import digest
from ..settings import PanelSettings
from ..timefmt import date_str
from . import credits, parties, shown
from .notifications import notify

PAYABLE = ("pending", "overdue")


def takes_credits(s: PanelSettings, invoice) -> bool:
    """Credits are held in the panel's currency (credit carries no currency of its own; GET /billing/credits says
    which): they pay only invoices in that currency. One raised before the operator changed the currency is paid in
    its own currency through a gateway, never with credits one for one."""
    return invoice["currency"] == s.currency_code


def credits_refusal(invoice, s: PanelSettings, field: str = "payment_method") -> ApiError:
    """The 422 for paying with credits an invoice in another currency than the credit balance's."""
    message = (f"Invoice {invoice['invoice_number']} is in {invoice['currency']} and credits are in "
               f"{s.currency_code}: pay it with a card or PayPal.")
    return ApiError(422, "validation_error", message, {field: [message]})


def create_invoice(conn: sqlite3.Connection, s: PanelSettings, *, user_id: str, kind: str, quote: Quote,
                   issue_date: date, due_date: date, now: str, order_id: str | None = None,
                   service_id: str | None = None, period_start: date | None = None,
                   coupon: sqlite3.Row | None = None, line_services: list[str | None] | None = None,
                   currency: str | None = None) -> dict:
    """Write an invoice and its lines from a quote; `line_services[i]` links line i to a service. In the panel's
    currency unless `currency` says otherwise (a renewal of a service bought in another one)."""
    m = s.money
    invoice = {
        "id": new_id(), "invoice_number": next_number(conn, "invoice_number", "INV"), "user_id": user_id,
        "order_id": order_id, "kind": kind, "service_id": service_id, "period_start": date_str(period_start),
        "status": "pending", "issue_date": issue_date.isoformat(), "due_date": due_date.isoformat(),
        "paid_at": None, "currency": currency or s.currency_code, "subtotal": m(quote.subtotal),
        "discount": m(quote.discount),
        "coupon_id": coupon["id"] if coupon else None, "coupon_code": coupon["code"] if coupon else None,
        "tax_rate": str(quote.tax_rate), "tax_inclusive": int(quote.tax_inclusive),
        "tax_amount": m(quote.tax_amount), "total": m(quote.total), "amount_paid": m(Decimal(0)),
        "credits_applied": m(Decimal(0)), "created_at": now, "updated_at": now,
        **parties.snapshot(conn, s, user_id),
    }
    conn.execute(f"INSERT INTO invoices ({', '.join(invoice)}) VALUES ({', '.join('?' * len(invoice))})",
                 list(invoice.values()))
    for position, line in enumerate(quote.lines):
        linked = line_services[position] if line_services else service_id
        conn.execute(
            "INSERT INTO invoice_lines (id, invoice_id, position, kind, description, product_id, service_id, "
            "billing_cycle, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), invoice["id"], position, line.kind, line.description, line.product_id, linked,
             line.billing_cycle, line.quantity, m(line.unit_price), m(line.amount)))
    return invoice


def get(conn: sqlite3.Connection, invoice_id: str, user_id: str | None = None) -> sqlite3.Row | None:
    if user_id is None:
        return conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    return conn.execute("SELECT * FROM invoices WHERE id = ? AND user_id = ? AND status != 'draft'",
                        (invoice_id, user_id)).fetchone()


def balance_due(invoice) -> Decimal:
    if invoice["status"] not in PAYABLE:
        return Decimal(0)
    return max(Decimal(invoice["total"]) - Decimal(invoice["amount_paid"]), Decimal(0))


def add_payment(conn: sqlite3.Connection, invoice, *, method: str, amount: Decimal, status: str, now: str,
                places: int, reference: str | None = None, gateway_ref: str | None = None,
                checkout_token: str | None = None, return_url: str | None = None,
                cancel_url: str | None = None) -> dict:
    payment = {"id": new_id(), "invoice_id": invoice["id"], "user_id": invoice["user_id"], "method": method,
               "amount": money_str(amount, places), "status": status, "reference": reference,
               "gateway_ref": gateway_ref, "return_url": return_url, "cancel_url": cancel_url,
               # The pay page's key is kept only as its digest, like every other token.
               "checkout_token_hash": digest(checkout_token) if checkout_token else None,
               "created_at": now, "updated_at": now}
    conn.execute(f"INSERT INTO payments ({', '.join(payment)}) VALUES ({', '.join('?' * len(payment))})",
                 list(payment.values()))
    if status == "succeeded":
        _count_paid(conn, invoice["id"], amount, method, now, places)
    return payment


def _count_paid(conn, invoice_id: str, amount: Decimal, method: str, now: str, places: int) -> None:
    row = conn.execute("SELECT amount_paid, credits_applied FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    paid = Decimal(row["amount_paid"]) + amount
    applied = Decimal(row["credits_applied"]) + (amount if method == "credits" else 0)
    conn.execute("UPDATE invoices SET amount_paid = ?, credits_applied = ?, updated_at = ? WHERE id = ?",
                 (money_str(paid, places), money_str(applied, places), now, invoice_id))


def return_credits(conn: sqlite3.Connection, invoice, now: str, *, places: int, note: str, reference: str) -> Decimal:
    """Give the credits spent on an invoice that is being cancelled back to its owner (a `refund` transaction naming
    it) and take them out of its figures: its credits payments turn `refunded`, a negative `refunded` entry records
    the return, and `amount_paid`/`credits_applied` drop by the amount, so a cancelled invoice shows what it kept
    (nothing from credits) and agrees with the ledger. Returns the amount given back."""
    spent = Decimal(invoice["credits_applied"])
    if spent <= 0:
        return Decimal(0)
    conn.execute("UPDATE payments SET status = 'refunded', updated_at = ? WHERE invoice_id = ? "
                 "AND method = 'credits' AND status = 'succeeded'", (now, invoice["id"]))
    credits.change(conn, invoice["user_id"], spent, type="refund", now=now, places=places,
                   invoice_id=invoice["id"], note=note)
    add_payment(conn, invoice, method="credits", amount=-spent, status="refunded", now=now, places=places,
                reference=reference)
    row = conn.execute("SELECT amount_paid, credits_applied FROM invoices WHERE id = ?", (invoice["id"],)).fetchone()
    conn.execute("UPDATE invoices SET amount_paid = ?, credits_applied = ?, updated_at = ? WHERE id = ?",
                 (money_str(Decimal(row["amount_paid"]) - spent, places),
                  money_str(Decimal(row["credits_applied"]) - spent, places), now, invoice["id"]))
    return spent


def pay_with_credits(conn: sqlite3.Connection, s: PanelSettings, invoice, amount: Decimal, now: str,
                     action_id: str | None = None) -> dict | None:
    """Spend `amount` of the owner's credits on the invoice (nothing when amount is 0); `action_id` names the
    lead payment of the Pay all it is part of (see covered_invoices). An invoice in another currency than the
    credits' takes none (every automatic use, renewals and held credits included, passes here)."""
    if amount <= 0 or not takes_credits(s, invoice):
        return None
    credits.change(conn, invoice["user_id"], -amount, type="payment", now=now, places=s.currency_places,
                   invoice_id=invoice["id"], note=f"Payment of invoice {invoice['invoice_number']}")
    payment = add_payment(conn, invoice, method="credits", amount=amount, status="succeeded", now=now,
                          places=s.currency_places, reference=f"credits:{invoice['invoice_number']}")
    if action_id:
        conn.execute("UPDATE payments SET action_id = ? WHERE id = ?", (action_id, payment["id"]))
    return payment


def covered_invoices(conn: sqlite3.Connection, payment) -> list[str]:
    """Every invoice the one user action this payment belongs to pays, in the order the user listed them.

    A gateway payment of a Pay all lists them in `payment_allocations`; the credits payments a Pay all makes (one
    per invoice) point at their lead payment through `action_id`: the gateway payment, or with credits alone the
    first of them. Any other payment pays its own invoice."""
    lead = payment["action_id"] or payment["id"]
    ids = [r[0] for r in conn.execute(
        "SELECT invoice_id FROM payment_allocations WHERE payment_id = ? ORDER BY rowid", (lead,))]
    if not ids:
        ids = [r[0] for r in conn.execute(
            "SELECT invoice_id FROM payments WHERE action_id = ? ORDER BY rowid", (lead,))]
    return list(dict.fromkeys(ids)) or [payment["invoice_id"]]


def confirm_payment(conn: sqlite3.Connection, s: PanelSettings, payment_id: str, *, today: date, now: str,
                    gateway_ref: str | None = None, to_return: list | None = None) -> bool:
    """A gateway says this payment went through; returns False when it had been counted already.

    A share that lands on an invoice closed meanwhile is kept as credit when the invoice is in the credits'
    currency. In another currency it would be relabelled one for one, so the balance is left alone and the share
    is added to `to_return` as (invoice, amount): the caller returns it to the gateway once the transaction has
    committed (gateways.flow.return_late)."""
    payment = conn.execute("SELECT * FROM payments WHERE id = ?", (payment_id,)).fetchone()
    # Counted already: succeeded, or succeeded and since refunded. A gateway's report arriving after a refund (a
    # webhook delivered late) would otherwise count the money again and keep it as credit beside the refund.
    if payment is None or payment["status"] in ("succeeded", "refunded"):
        return False
    # Marked first: a pending payment's held credits (credits.held) are released, so they can be applied below.
    conn.execute("UPDATE payments SET status = 'succeeded', gateway_ref = COALESCE(?, gateway_ref), "
                 "updated_at = ? WHERE id = ?", (gateway_ref, now, payment_id))
    # One payment may cover several invoices (POST /billing/invoices/pay): each gets its share, and the credits
    # held for it are applied now (bulk_pay).
    shares = [(r["invoice_id"], Decimal(r["amount"]), Decimal(r["credits"])) for r in conn.execute(
        "SELECT invoice_id, amount, credits FROM payment_allocations WHERE payment_id = ? ORDER BY rowid",
        (payment_id,))]
    for invoice_id, amount, held in shares or [(payment["invoice_id"], Decimal(payment["amount"]), Decimal(0))]:
        invoice = get(conn, invoice_id)
        if invoice["status"] not in PAYABLE:
            # The buyer paid an attempt that had been superseded (the invoice was settled or cancelled meanwhile):
            # the money was taken, so it becomes credit rather than vanishing into a closed invoice. Credits held
            # for it are simply not applied.
            if amount > 0 and not takes_credits(s, invoice):
                if to_return is None:
                    raise RuntimeError("a late payment in another currency than the credits' needs to_return")
                # The duty to return it is written in this transaction, with the payment: a panel that dies before
                # the gateway is asked leaves it to gateways.flow.retry_late_returns, never only the payment.
                owe_return(conn, payment_id, invoice["id"], amount, places_of(invoice), now)
                to_return.append((invoice, amount))
            elif amount > 0:
                credits.change(conn, invoice["user_id"], amount, type="refund", now=now, places=s.currency_places,
                               invoice_id=invoice["id"], note=f"Payment received after invoice "
                                                              f"{invoice['invoice_number']} was {invoice['status']}: "
                                                              "kept as credit")
            continue
        if held > 0:
            # Still pending until now, the hold guarantees the credits. A payment superseded or cancelled first
            # (its hold released) but paid anyway applies what is spendable; the rest stays due on the invoice.
            take = min(held, max(balance_due(invoice) - amount, Decimal(0)))
            if payment["status"] != "pending":
                take = min(take, max(credits.spendable(conn, invoice["user_id"]), Decimal(0)))
            pay_with_credits(conn, s, invoice, take, now, action_id=payment_id)
        if amount > 0:
            _count_paid(conn, invoice_id, amount, payment["method"], now, s.currency_places)
        settle(conn, s, invoice_id, today=today, now=now)
    return True


LATE_RETURN = "late_return:"  # meta keys of late payments still to give back to their gateway (gateways.flow)


def owe_return(conn: sqlite3.Connection, payment_id: str, invoice_id: str, amount: Decimal, places: int,
               now: str) -> None:
    """Record that `amount` of the payment, which landed on a closed invoice in another currency than the credits',
    is to go back to its gateway. `claimed_at` says since when a worker is asking the gateway (now: the caller
    that commits this goes on to ask it); a claim older than LATE_RETURN_LAPSE is taken over by the retry."""
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                 (f"{LATE_RETURN}{payment_id}:{invoice_id}",
                  json.dumps({"payment_id": payment_id, "invoice_id": invoice_id,
                              "amount": money_str(amount, places), "claimed_at": now})))


def supersede_pending(conn: sqlite3.Connection, invoice_id: str, now: str) -> None:
    """Cancel unfinished payments of an invoice (alone or with others), so only the newest pay page can pay."""
    conn.execute("UPDATE payments SET status = 'cancelled', updated_at = ? WHERE status = 'pending' AND "
                 "(invoice_id = ? OR id IN (SELECT payment_id FROM payment_allocations WHERE invoice_id = ?))",
                 (now, invoice_id, invoice_id))


def pending_stripe_refs(conn: sqlite3.Connection, invoice_id: str) -> list[str]:
    """Stripe PaymentIntents still open for the invoice (alone or with others), to cancel at Stripe when the invoice
    is cancelled."""
    rows = conn.execute("SELECT gateway_ref FROM payments WHERE method = 'stripe' AND status = 'pending' AND "
                        "gateway_ref IS NOT NULL AND (invoice_id = ? OR id IN "
                        "(SELECT payment_id FROM payment_allocations WHERE invoice_id = ?))", (invoice_id, invoice_id))
    return [r["gateway_ref"] for r in rows]


def settle(conn: sqlite3.Connection, s: PanelSettings, invoice_id: str, *, today: date, now: str) -> bool:
    """Mark a fully paid invoice paid and run what payment sets off; True when it became paid just now."""
    invoice = get(conn, invoice_id)
    if invoice is None or invoice["status"] not in PAYABLE:
        return False
    if Decimal(invoice["amount_paid"]) < Decimal(invoice["total"]):
        return False
    conn.execute("UPDATE invoices SET status = 'paid', paid_at = ?, updated_at = ? WHERE id = ?",
                 (now, now, invoice_id))
    # A pay page still open for this invoice (paid meanwhile by credits or another attempt) must not charge again.
    supersede_pending(conn, invoice_id, now)
    from . import provisioning  # late: provisioning raises renewals through this module

    if invoice["kind"] == "order" and invoice["order_id"]:
        provisioning.order_paid(conn, s, invoice["order_id"], today=today, now=now)
    elif invoice["kind"] == "renewal" and invoice["service_id"]:
        provisioning.renewal_paid(conn, invoice, now=now)
    elif invoice["kind"] == "top_up":
        credits.change(conn, invoice["user_id"], Decimal(invoice["subtotal"]), type="top_up", now=now,
                       places=s.currency_places, invoice_id=invoice_id,
                       note=f"Top-up through invoice {invoice['invoice_number']}")
    notify(conn, invoice["user_id"], title="Payment received",
           message=f"Invoice {invoice['invoice_number']} is paid: {written(s, invoice['currency'], invoice['total'])}.",
           action_url=f"/billing/invoices/{invoice_id}", now=now)
    return True


def written(s: PanelSettings, currency: str, amount: str) -> str:
    """An amount as people read it: with the panel's symbol in the panel's currency ("$5.70"), else with its own
    code ("5.70 EUR"), since the symbol is the panel's currency's."""
    return f"{s.currency_symbol}{amount}" if currency == s.currency_code else f"{amount} {currency}"


def payments_of(conn: sqlite3.Connection, invoice_id: str) -> list[dict]:
    """The invoice's payments; one that covered several invoices shows with this invoice's share of it."""
    rows = conn.execute(
        "SELECT p.*, a.amount AS share FROM payments p LEFT JOIN payment_allocations a "
        "ON a.payment_id = p.id AND a.invoice_id = ? WHERE a.invoice_id IS NOT NULL OR (p.invoice_id = ? AND "
        "NOT EXISTS (SELECT 1 FROM payment_allocations x WHERE x.payment_id = p.id)) "
        "ORDER BY p.created_at, p.rowid", (invoice_id, invoice_id))
    # A shared payment whose share of this invoice is nothing (credits paid it all) is not one of its payments.
    return [{**payment_out(r), "amount": r["share"] or r["amount"], "invoice_id": invoice_id} for r in rows
            if r["share"] is None or Decimal(r["share"]) > 0]


def payment_out(row) -> dict:
    return {"id": row["id"], "method": row["method"], "amount": row["amount"], "status": row["status"],
            "reference": row["reference"], "invoice_id": row["invoice_id"], "created_at": row["created_at"]}


def invoice_out(row, conn: sqlite3.Connection | None = None, *, now: shown.Currency | None = None) -> dict:
    """The list shape; with a connection, the detail shape (lines, tax breakdown, payments). An open invoice's
    amounts, lines and balance are written with its currency's places now when that is the panel's currency (`now`,
    read from `conn` when not given; billing/shown.py), a closed one's as they were written; its payments, as
    written."""
    if now is None:
        if conn is None:
            raise TypeError("invoice_out needs the panel's currency (now=) or a connection to read it")
        now = shown.current(conn)
    is_open = row["status"] in shown.OPEN_INVOICES

    def m(text: str) -> str:
        return shown.written(text, row["currency"], now) if is_open else text

    out = {
        "id": row["id"], "invoice_number": row["invoice_number"], "status": row["status"], "kind": row["kind"],
        "issue_date": row["issue_date"], "due_date": row["due_date"], "paid_at": row["paid_at"],
        "subtotal": m(row["subtotal"]), "discount": m(row["discount"]), "tax_amount": m(row["tax_amount"]),
        "total": m(row["total"]), "amount_paid": m(row["amount_paid"]), "credits_applied": m(row["credits_applied"]),
        "balance_due": m(money_str(balance_due(row), _places(row["total"]))), "currency": row["currency"],
        "order_id": row["order_id"], "service_id": row["service_id"], "updated_at": row["updated_at"],
    }
    if conn is not None:
        lines = conn.execute("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position", (row["id"],))
        out.update({
            "lines": [{"description": r["description"], "kind": r["kind"], "product_id": r["product_id"],
                       "service_id": r["service_id"], "billing_cycle": r["billing_cycle"],
                       "quantity": r["quantity"], "unit_price": m(r["unit_price"]), "amount": m(r["amount"])}
                      for r in lines],
            "coupon_code": row["coupon_code"], "tax_rate": row["tax_rate"],
            "tax_inclusive": bool(row["tax_inclusive"]), "payments": payments_of(conn, row["id"]),
            **parties.parties_out(row),
        })
    return out


def places_of(invoice) -> int:
    """The places the invoice's amounts were written with."""
    return _places(invoice["total"])


def _places(amount_text: str) -> int:
    """Stored amounts carry the currency's places, so the total tells how to write the balance."""
    _, _, fraction = amount_text.partition(".")
    return len(fraction)
