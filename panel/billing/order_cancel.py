"""Cancelling an order that was never paid: everything checkout did is undone in the caller's write transaction.

Order, invoice and not-yet-active services become `cancelled`, the stock the order took goes back, credits applied
to its invoice return to the balance (a `refund` transaction) and its coupon use is released. Because it all runs
under the write lock, a concurrent cancel finds the order already cancelled, and a gateway confirmation that comes
after it finds a cancelled invoice (and keeps the money as credit, see invoices.confirm_payment) instead of paying
it: an order ends paid or cancelled, never both.
"""
from __future__ import annotations

import sqlite3

from ..errors import conflict, not_found
from ..settings import PanelSettings
from . import catalogue, invoices
from .checkout import order_out
from .notifications import notify

_REFUSALS = {
    "awaiting_approval": "it has been paid and is waiting for approval",
    "processing": "it has been paid and is being set up",
    "active": "it has been paid and its services are active",
    "refunded": "it was paid and has been refunded",
    "failed": "it has failed",
}


def cancel_order(conn: sqlite3.Connection, s: PanelSettings, user_id: str, order_id: str, now: str,
                 why: str = "", *, order: sqlite3.Row | None = None) -> dict:
    """The cancelled order (the same answer again for an order cancelled before); 409 order_not_cancellable
    with the reason when anything was paid by a gateway. `why` ends the buyer's notification (" after ...").
    `order`: the order's row, when the caller read it in this transaction (owned.order)."""
    if order is None:
        order = conn.execute("SELECT * FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id)).fetchone()
    if order is None:
        raise not_found("Order")
    if order["status"] == "cancelled":
        return order_out(conn, order_id)
    if order["status"] != "pending":
        raise _refuse(order, _REFUSALS.get(order["status"], f"it is {order['status']}"))
    invoice = conn.execute("SELECT * FROM invoices WHERE order_id = ? AND kind = 'order'", (order_id,)).fetchone()
    if invoice is None or invoice["status"] not in invoices.PAYABLE:
        raise _refuse(order, f"its invoice is {invoice['status'] if invoice else 'missing'}")
    paid_by_gateway = conn.execute("SELECT 1 FROM payments WHERE invoice_id = ? AND method != 'credits' "
                                   "AND status = 'succeeded'", (invoice["id"],)).fetchone()
    if paid_by_gateway:
        raise _refuse(order, "part of its invoice was paid through a payment gateway")

    conn.execute("UPDATE orders SET status = 'cancelled', updated_at = ? WHERE id = ?", (now, order_id))
    conn.execute("UPDATE invoices SET status = 'cancelled', updated_at = ? WHERE id = ?", (now, invoice["id"]))
    # An open pay page must not be able to pay the cancelled invoice.
    invoices.supersede_pending(conn, invoice["id"], now)
    conn.execute("UPDATE services SET status = 'cancelled', terminated_at = ?, updated_at = ? "
                 "WHERE order_id = ? AND status = 'pending'", (now, now, order_id))
    catalogue.return_stock(conn, order_id, now)
    _return_credits(conn, s, invoice, now)
    conn.execute("DELETE FROM coupon_redemptions WHERE order_id = ?", (order_id,))
    notify(conn, user_id, title="Order cancelled",
           message=f"Order {order['order_number']} and its invoice {invoice['invoice_number']} were cancelled{why}.",
           action_url=f"/billing/orders/{order_id}", now=now)
    return order_out(conn, order_id)


def unpaid_orders(conn: sqlite3.Connection, placed_by: str) -> list[sqlite3.Row]:
    """Pending orders placed on or before the day `placed_by` (YYYY-MM-DD) that cancel_order would cancel: their
    invoice is unpaid and no gateway payment has paid any of it."""
    return conn.execute(
        "SELECT o.id, o.user_id, i.id AS invoice_id FROM orders o JOIN invoices i ON i.order_id = o.id "
        "AND i.kind = 'order' WHERE o.status = 'pending' AND i.status IN ('pending', 'overdue') "
        "AND i.issue_date <= ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id "
        "AND p.method != 'credits' AND p.status = 'succeeded') ORDER BY o.created_at, o.id",
        (placed_by,)).fetchall()


def pending_gateway_refs(conn: sqlite3.Connection, order_id: str) -> list[str]:
    """Stripe PaymentIntents opened for the order's invoice, to be cancelled at Stripe once the order is."""
    invoice = conn.execute("SELECT id FROM invoices WHERE order_id = ? AND kind = 'order'", (order_id,)).fetchone()
    return invoices.pending_stripe_refs(conn, invoice["id"]) if invoice else []


def _refuse(order, reason: str):
    return conflict("order_not_cancellable", f"Order {order['order_number']} cannot be cancelled: {reason}.",
                    {"status": [order["status"]]})


def _return_credits(conn: sqlite3.Connection, s: PanelSettings, invoice, now: str) -> None:
    invoices.return_credits(conn, invoice, now, places=s.currency_places,
                            note=f"Credits returned: order invoice {invoice['invoice_number']} was cancelled",
                            reference=f"returned to credits: {invoice['invoice_number']} cancelled")
