"""Is the row a request names the caller's? The checks a keyed action runs before its Idempotency-Key is looked up
(routes/once.run_once's `named`), each in the words the action itself refuses with: another user's row and an
unknown one look alike.

Only ownership and existence: they never change between a request and its replay (rows are not deleted or given
to someone else), so a replay of an accepted request still finds its rows and is answered from its key. Each returns
the row it read (in the action's own write transaction), which the action then uses rather than reading it again.
"""
from __future__ import annotations

import sqlite3

from ..errors import not_found
from . import invoices, tickets


def order(conn: sqlite3.Connection, user_id: str, order_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id)).fetchone()
    if row is None:
        raise not_found("Order")
    return row


def invoice(conn: sqlite3.Connection, user_id: str, invoice_id: str) -> sqlite3.Row:
    """The caller's invoice (a draft is nobody's: it is never shown)."""
    row = invoices.get(conn, invoice_id, user_id)
    if row is None:
        raise not_found("Invoice")
    return row


def service(conn: sqlite3.Connection, user_id: str, service_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM services WHERE id = ? AND user_id = ?", (service_id, user_id)).fetchone()
    if row is None:
        raise not_found("Service")
    return row


def ticket(conn: sqlite3.Connection, user_id: str, ticket_id: str) -> sqlite3.Row:
    return tickets.get(conn, ticket_id, user_id)
