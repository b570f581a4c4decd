"""Cancelling a credit top-up that was never paid (POST /billing/invoices/{id}/cancel, an addition of ours).

A top-up left at the gateway would otherwise stay pending for good (top-up invoices never become overdue):
counted in what the buyer owes and paid by Pay all due. Only a pending top-up invoice with nothing paid on it
can go; an order's invoice goes with its order (POST /billing/orders/{id}/cancel), a renewal's never. Open pay
pages for it are superseded in the same transaction, so a gateway confirmation that still comes finds a
cancelled invoice and keeps the money as credit (invoices.confirm_payment): which is what a top-up buys anyway.
"""
from __future__ import annotations

import sqlite3
from decimal import Decimal

from ..errors import conflict, not_found
from . import invoices


def cancel_top_up(conn: sqlite3.Connection, user_id: str, invoice_id: str, now: str, *,
                  invoice: sqlite3.Row | None = None) -> dict:
    """The cancelled invoice (the same answer again for one cancelled before); 409 invoice_not_cancellable with the
    reason otherwise. `invoice`: its row, when the caller read it in this transaction (owned.invoice)."""
    if invoice is None:
        invoice = invoices.get(conn, invoice_id, user_id)
    if invoice is None:
        raise not_found("Invoice")
    if invoice["kind"] != "top_up":
        raise _refuse(invoice, "only an unpaid credit top-up can be cancelled here (an unpaid order is cancelled "
                               "from the order)")
    if invoice["status"] == "cancelled":
        return invoices.invoice_out(invoice, conn)
    if invoice["status"] not in invoices.PAYABLE:
        raise _refuse(invoice, f"it is {invoice['status']}")
    if Decimal(invoice["amount_paid"]) > 0:
        raise _refuse(invoice, "part of it has been paid")
    conn.execute("UPDATE invoices SET status = 'cancelled', updated_at = ? WHERE id = ?", (now, invoice_id))
    invoices.supersede_pending(conn, invoice_id, now)       # an open pay page can no longer pay it
    return invoices.invoice_out(invoices.get(conn, invoice_id), conn)


def unpaid_top_ups(conn: sqlite3.Connection, raised_by: str) -> list[sqlite3.Row]:
    """Top-up invoices raised on or before the day `raised_by` (YYYY-MM-DD) that cancel_top_up would cancel: still
    payable, nothing paid on them."""
    rows = conn.execute("SELECT * FROM invoices WHERE kind = 'top_up' AND status IN (?, ?) AND issue_date <= ? "
                        "ORDER BY created_at, id", (*invoices.PAYABLE, raised_by)).fetchall()
    return [row for row in rows if Decimal(row["amount_paid"]) == 0]


def _refuse(invoice, reason: str):
    return conflict("invoice_not_cancellable", f"Invoice {invoice['invoice_number']} cannot be cancelled: {reason}.",
                    {"status": [invoice["status"]]})
