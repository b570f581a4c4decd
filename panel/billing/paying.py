"""Paying an existing invoice and buying credits: the same payment path checkout uses."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from decimal import Decimal

from app.core.money import round_money
from app.core.pricing import NO_TAX, Line, quote_lines

from ..errors import conflict, invalid, not_found
from ..settings import PanelSettings
from ..urls import default_return_urls
from . import credits, invoices
from .checkout import check_method, take_payment


def with_payment(answer: dict) -> dict:
    """A payment answer (`{invoice, payment}`, `{invoices, payment}`) with the payment's own fields also at the top.

    The contract writes these answers as "-> `payment`" (pay an invoice, pay several, top up): read literally, the
    data *is* the payment (`data.status`, `data.checkout_url`); the client reads `data.payment`. Both work."""
    return {**answer["payment"], **answer}


def pay_invoice(conn: sqlite3.Connection, s: PanelSettings, user: dict, invoice_id: str, body: dict, *,
                today: date, now: str, origin: str, invoice: sqlite3.Row | None = None) -> dict:
    """`invoice`: its row, when the caller read it in this transaction (owned.invoice)."""
    if invoice is None:
        invoice = invoices.get(conn, invoice_id, user["id"])
    if invoice is None:
        raise not_found("Invoice")
    if invoice["status"] not in invoices.PAYABLE:
        raise conflict("invoice_not_payable", f"Invoice {invoice['invoice_number']} is {invoice['status']}; "
                       "only pending and overdue invoices can be paid.")
    method = body["payment_method"]
    check_method(s, method)
    due = invoices.balance_due(invoice)
    use_credits = (body.get("use_credits", True) or method == "credits") and s.credits_enabled
    # A top-up bought with credits would be a loop: top-ups are paid through a gateway only.
    if invoice["kind"] == "top_up":
        if method == "credits":
            raise invalid("payment_method", "Credit top-ups are paid through a gateway.")
        use_credits = False
    if not invoices.takes_credits(s, invoice):  # raised before the panel's currency changed: no credits on it
        if method == "credits":
            raise invoices.credits_refusal(invoice, s)
        use_credits = False
    # This payment supersedes the invoice's unfinished ones (take_payment does it too): done first, so credits
    # a payment for several invoices held for it are free for this one. A refusal rolls it back.
    invoices.supersede_pending(conn, invoice["id"], now)
    applied = min(max(credits.spendable(conn, user["id"]), Decimal(0)), due) if use_credits else Decimal(0)
    if method == "credits" and applied < due:
        raise conflict("insufficient_credits",
                       f"Your credit balance covers {s.money(applied)} of the {s.money(due)} due.")
    payment = take_payment(conn, s, invoice, method, applied, today=today, now=now, origin=origin,
                           return_url=body.get("return_url"), cancel_url=body.get("cancel_url"))
    return with_payment({"invoice": invoices.invoice_out(invoices.get(conn, invoice_id), conn), "payment": payment})


def top_up(conn: sqlite3.Connection, s: PanelSettings, user: dict, body: dict, *, today: date, now: str,
           origin: str) -> dict:
    """Raise a top-up invoice for the amount and open a gateway payment for it."""
    if not s.credits_enabled:
        raise invalid("amount", "Credits are not enabled on this panel.")
    amount = round_money(body["amount"], s.currency_places)
    if amount != body["amount"]:
        raise invalid("amount", f"The amount may have at most {s.currency_places} decimal places.")
    if not s.top_up_min <= amount <= s.top_up_max:
        raise invalid("amount", f"Top-ups must be between {s.money(s.top_up_min)} and {s.money(s.top_up_max)}.")
    if body["payment_method"] == "credits":
        raise invalid("payment_method", "Credit top-ups are paid through a gateway.")
    check_method(s, body["payment_method"])
    # Credit is not taxed when bought; tax falls on what it later pays for.
    quote = quote_lines([Line(kind="top_up", product_id=None, description="Account credit top-up",
                              billing_cycle="one_time", quantity=1, unit_price=amount, amount=amount)],
                        places=s.currency_places, tax=NO_TAX)
    invoice = invoices.create_invoice(conn, s, user_id=user["id"], kind="top_up", quote=quote, issue_date=today,
                                      due_date=today + timedelta(days=7), now=now)
    # The contract starts a top-up with {amount, payment_method}: without the client's URLs the gateway's page
    # ends on the panel's own (the other payments name theirs, as the contract has them do).
    default_return, default_cancel = default_return_urls(origin)
    payment = take_payment(conn, s, invoice, body["payment_method"], Decimal(0), today=today, now=now,
                           origin=origin, return_url=body.get("return_url") or default_return,
                           cancel_url=body.get("cancel_url") or default_cancel)
    return with_payment({"invoice": invoices.invoice_out(invoices.get(conn, invoice["id"]), conn),
                         "payment": payment})
