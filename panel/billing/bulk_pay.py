"""Paying several invoices with one payment: credits first, invoice by invoice, then one gateway payment for the rest.

The gateway payment is one `payments` row (its `invoice_id` is the first invoice it covers) with a row in
`payment_allocations` per invoice saying how much of it pays that invoice (`amount`) and how much of the
customer's credits will (`credits`). The credits are only *held* while the payment is pending (credits.held:
nothing else can spend them, the balance does not move, the invoices do not change): issue 13's "nothing changes
when it fails or is left". invoices.confirm_payment applies them and spreads the gateway money when the gateway
says it went through, settling each invoice (and reactivating what each covers), in one transaction. A payment
that stops being pending (superseded by another, its pay page cancelled, its order cancelled) releases them
just by its status. Paying by credits alone applies them at once.
Every credits payment a Pay all makes carries `action_id` = its lead payment (the gateway payment, or the first
credits payment), so reading any of them names every invoice of the action (invoices.covered_invoices).
Everything is checked before anything is written, inside the caller's write transaction, so a bad list changes
nothing.
"""
from __future__ import annotations

import secrets
import sqlite3
from datetime import date
from decimal import Decimal

from ..errors import ApiError, conflict, invalid
from ..settings import PanelSettings
from . import credits, invoices, shown
from .checkout import check_method
from .paying import with_payment


def _not_found(index: int, invoice_id: str) -> ApiError:
    message = f"Invoice {invoice_id} was not found."
    return ApiError(422, "validation_error", message, {f"invoice_ids.{index}": [message]})


def named_invoices(conn: sqlite3.Connection, user_id: str, ids: list[str]) -> list[sqlite3.Row]:
    """The caller's invoices in the order asked for, or the 422 that names the first listed twice or not theirs
    (unknown and another user's look alike). Run before the Idempotency-Key is looked up (routes/once.py)."""
    seen: set[str] = set()
    rows = []
    for index, invoice_id in enumerate(ids):
        if invoice_id in seen:
            raise invalid(f"invoice_ids.{index}", f"Invoice {invoice_id} is listed twice.")
        seen.add(invoice_id)
        row = invoices.get(conn, invoice_id, user_id)
        if row is None:
            raise _not_found(index, invoice_id)
        rows.append(row)
    return rows


def payable_invoices(conn: sqlite3.Connection, user_id: str, ids: list[str],
                     named: list[sqlite3.Row] | None = None) -> list[sqlite3.Row]:
    """The caller's invoices in the order asked for, or the error that names the first bad one. `named`: what
    named_invoices answered for `ids` in this transaction, not read again."""
    rows = []
    for index, row in enumerate(named_invoices(conn, user_id, ids) if named is None else named):
        if row["status"] not in invoices.PAYABLE or invoices.balance_due(row) <= 0:
            message = (f"Invoice {row['invoice_number']} is {row['status']}; only pending and overdue invoices "
                       "with something left to pay can be paid.")
            raise conflict("invoice_not_payable", message, {f"invoice_ids.{index}": [message],
                                                            "invoice_id": [row["id"]]})
        if rows and row["currency"] != rows[0]["currency"]:
            raise invalid(f"invoice_ids.{index}", f"Invoice {row['invoice_number']} is in {row['currency']}, "
                          f"the others in {rows[0]['currency']}; pay invoices of one currency together.")
        rows.append(row)
    return rows


def pay_many(conn: sqlite3.Connection, s: PanelSettings, user: dict, body: dict, *, today: date, now: str,
             origin: str, named: list[sqlite3.Row] | None = None) -> dict:
    """`named`: the invoices' rows as named_invoices read them in this transaction."""
    method = body["payment_method"]
    check_method(s, method)
    rows = payable_invoices(conn, user["id"], body["invoice_ids"], named)
    if method == "credits":
        top_ups = [i for i, r in enumerate(rows) if r["kind"] == "top_up"]
        if top_ups:
            raise invalid(f"invoice_ids.{top_ups[0]}", "Credit top-ups are paid through a gateway.")
        # All are of one currency (checked above): credits pay them only if it is the credits' own.
        if not invoices.takes_credits(s, rows[0]):
            raise invoices.credits_refusal(rows[0], s, "invoice_ids.0")
    # Earlier unfinished payments of these invoices are superseded first: the credits they held are then free
    # for this one (a retried Pay all holds them again). A refusal below rolls this back with everything else.
    for row in rows:
        invoices.supersede_pending(conn, row["id"], now)
    use_credits = (body.get("use_credits", True) or method == "credits") and s.credits_enabled
    left = max(credits.spendable(conn, user["id"]), Decimal(0)) if use_credits else Decimal(0)
    # Top-ups never take credits (that would be a loop); every other invoice takes what is left, in list order.
    plan = []
    for row in rows:
        due = invoices.balance_due(row)
        take = min(left, due) if row["kind"] != "top_up" and invoices.takes_credits(s, row) else Decimal(0)
        left -= take
        plan.append((row, take, due - take))
    rest = sum((r for _, _, r in plan), Decimal(0))
    if method == "credits" and rest > 0:
        applied = sum((t for _, t, _ in plan), Decimal(0))
        raise conflict("insufficient_credits", f"Your credit balance covers {s.money(applied)} of the "
                       f"{s.money(applied + rest)} due.")
    if rest > 0 and (not body.get("return_url") or not body.get("cancel_url")):
        raise invalid("return_url", "return_url and cancel_url are needed to pay through a gateway.")

    ids = [r["id"] for r in rows]
    if rest <= 0:  # credits alone: applied now, every invoice settled
        credit_payments = []
        for row, take, _ in plan:
            lead = credit_payments[0]["id"] if credit_payments else None
            if paid := invoices.pay_with_credits(conn, s, row, take, now, action_id=lead):
                credit_payments.append(paid)
            invoices.settle(conn, s, row["id"], today=today, now=now)
        # The first credits payment leads the action (its id is the answer's): each names every invoice when read.
        conn.execute("UPDATE payments SET action_id = id WHERE id = ?", (credit_payments[0]["id"],))
        payment = {"id": credit_payments[0]["id"], "method": "credits", "status": "paid",
                   "amount": s.money(sum((Decimal(p["amount"]) for p in credit_payments), Decimal(0))),
                   "checkout_url": None, "credits_held": s.money(0), "invoice_ids": ids}
    else:  # the credits wait for the gateway part (see the module's docstring)
        payment = _gateway_payment(conn, s, method, plan, now, origin, body["return_url"], body["cancel_url"])
        payment["invoice_ids"] = ids
    currency = shown.Currency(s.currency_code, s.currency_places)
    listed = [invoices.invoice_out(invoices.get(conn, i), now=currency) for i in ids]
    return with_payment({"invoices": listed, "payment": payment})


def _gateway_payment(conn: sqlite3.Connection, s: PanelSettings, method: str, plan: list, now: str, origin: str,
                     return_url: str, cancel_url: str) -> dict:
    """One pending gateway payment for the invoices' shares, holding their credits."""
    total = sum((share for _, _, share in plan), Decimal(0))
    token = secrets.token_urlsafe(24)
    first = next(row for row, _, share in plan if share > 0)  # the payment's own invoice is one the card pays
    payment = invoices.add_payment(conn, first, method=method, amount=total, status="pending", now=now,
                                   places=s.currency_places, checkout_token=token, return_url=return_url,
                                   cancel_url=cancel_url)
    for row, take, share in plan:
        conn.execute("INSERT INTO payment_allocations (payment_id, invoice_id, amount, credits) VALUES (?, ?, ?, ?)",
                     (payment["id"], row["id"], s.money(share), s.money(take)))
    return {"id": payment["id"], "method": method, "status": "requires_action", "amount": payment["amount"],
            "checkout_url": f"{origin}/pay/{payment['id']}?token={token}",
            "credits_held": s.money(sum((take for _, take, _ in plan), Decimal(0)))}
