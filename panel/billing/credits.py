"""Credit balances: every change is a signed transaction with the balance after it.

Callers are inside a write transaction (BEGIN IMMEDIATE), so reading the balance and writing the new one cannot
interleave with another spender: a balance never goes below zero, even under concurrent checkouts.

Part of a balance may be held: while a top-up is being refunded to its gateway (`refunds`), the credit it bought
is still in the balance but no longer spendable, so that the refund can always take it back once the gateway has
returned the money; and while a payment for several invoices waits for its gateway part (`bulk_pay`), the credits
it will apply on success are held for it. Whatever spends credit asks `spendable`, and `change` never spends into
what is held, so every hold can always be taken in full.
"""
from __future__ import annotations

import sqlite3
from decimal import Decimal

from app.core.money import money_str

from ..db import new_id
from ..errors import conflict

TYPES = ("adjustment", "payment", "top_up", "refund")


def balance(conn: sqlite3.Connection, user_id: str) -> Decimal:
    row = conn.execute("SELECT credit_balance FROM users WHERE id = ?", (user_id,)).fetchone()
    return Decimal(row["credit_balance"]) if row else Decimal(0)


def held(conn: sqlite3.Connection, user_id: str, *, besides: str | None = None) -> Decimal:
    """Credit held by refunds of the user's top-ups under way (a refund hold on the invoice), but `besides`'s,
    and by the user's pending payments for several invoices (released when one stops being pending)."""
    rows = conn.execute("SELECT i.subtotal FROM refund_holds h JOIN invoices i ON i.id = h.invoice_id "
                        "WHERE i.user_id = ? AND i.kind = 'top_up' AND h.invoice_id IS NOT ?", (user_id, besides))
    refunding = sum((Decimal(row["subtotal"]) for row in rows), Decimal(0))
    rows = conn.execute("SELECT a.credits FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
                        "WHERE p.user_id = ? AND p.status = 'pending'", (user_id,))
    return refunding + sum((Decimal(row["credits"]) for row in rows), Decimal(0))


def spendable(conn: sqlite3.Connection, user_id: str) -> Decimal:
    """What checkout, invoice payments and renewals may apply: the balance less what refunds hold."""
    return balance(conn, user_id) - held(conn, user_id)


def change(conn: sqlite3.Connection, user_id: str, amount: Decimal, *, type: str, note: str, now: str,
           places: int, invoice_id: str | None = None) -> dict:
    """Add `amount` (negative to spend) and record it; refuses to spend more than is spendable with
    insufficient_credits."""
    if type not in TYPES:
        raise ValueError(f"unknown credit transaction type {type!r}")
    current = balance(conn, user_id)
    after = current + amount
    free = current - held(conn, user_id) if amount < 0 else current
    if free + amount < 0:
        raise conflict("insufficient_credits",
                       f"The credit balance ({money_str(free, places)}) is too small for this.",
                       {"balance": [money_str(free, places)]})
    after_text = money_str(after, places)
    conn.execute("UPDATE users SET credit_balance = ?, updated_at = ? WHERE id = ?", (after_text, now, user_id))
    tx = {"id": new_id(), "user_id": user_id, "amount": money_str(amount, places), "type": type, "note": note,
          "invoice_id": invoice_id, "balance_after": after_text, "created_at": now, "updated_at": now}
    conn.execute(f"INSERT INTO credit_transactions ({', '.join(tx)}) VALUES ({', '.join('?' * len(tx))})",
                 list(tx.values()))
    return tx


def transaction_out(row) -> dict:
    return {"id": row["id"], "amount": row["amount"], "type": row["type"], "note": row["note"],
            "invoice_id": row["invoice_id"], "balance_after": row["balance_after"],
            "created_at": row["created_at"], "updated_at": row["updated_at"]}
