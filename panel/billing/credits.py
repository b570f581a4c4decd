"""Credit balances: every change is a signed transaction with the balance after it.

Callers are inside a write transaction (BEGIN IMMEDIATE), so reading the balance and writing the new one cannot
interleave with another spender: a balance never goes below zero, even under concurrent checkouts.
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


def change(conn: sqlite3.Connection, user_id: str, amount: Decimal, *, type: str, note: str, now: str,
           places: int, invoice_id: str | None = None) -> dict:
    """Add `amount` (negative to spend) and record it; refuses to go below zero with insufficient_credits."""
    if type not in TYPES:
        raise ValueError(f"unknown credit transaction type {type!r}")
    current = balance(conn, user_id)
    after = current + amount
    if after < 0:
        raise conflict("insufficient_credits",
                       f"The credit balance ({money_str(current, places)}) is too small for this.",
                       {"balance": [money_str(current, places)]})
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
