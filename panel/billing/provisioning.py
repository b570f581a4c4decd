"""What payment sets off: services become active and get a server, renewals extend them, suspensions lift.

Each status change of a server also bumps its service's updated_at, because clients see the server inside the
service row and sync services by updated_since.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date

from app.core.cycles import CYCLE_MONTHS, add_months, next_due_date, nth_due_date

from ..db import new_id
from ..errors import conflict, not_found
from ..settings import PanelSettings
from ..timefmt import parse_date, parse_iso
from . import servers, shown
from .notifications import notify

RESOURCE_FIELDS = ("memory", "disk", "cpu", "swap", "io_weight", "database_limit", "backup_limit",
                   "allocation_limit")


def order_paid(conn: sqlite3.Connection, s: PanelSettings, order_id: str, *, today: date, now: str) -> None:
    if s.auto_activate:
        activate_order(conn, order_id, today=today, now=now)
    else:
        conn.execute("UPDATE orders SET status = 'awaiting_approval', updated_at = ? WHERE id = ?", (now, order_id))


def approve_order(conn: sqlite3.Connection, order_id: str, *, today: date, now: str) -> None:
    order = conn.execute("SELECT status FROM orders WHERE id = ?", (order_id,)).fetchone()
    if order is None:
        raise not_found("Order")
    if order["status"] != "awaiting_approval":
        raise conflict("conflict", f"Only orders awaiting approval can be approved (this one is {order['status']}).")
    activate_order(conn, order_id, today=today, now=now)


def activate_order(conn: sqlite3.Connection, order_id: str, *, today: date, now: str) -> None:
    services = conn.execute("SELECT * FROM services WHERE order_id = ? AND status = 'pending'", (order_id,))
    for service in services.fetchall():
        _activate_service(conn, service, today=today, now=now)
    conn.execute("UPDATE orders SET status = 'active', updated_at = ? WHERE id = ?", (now, order_id))


def _activate_service(conn: sqlite3.Connection, service, *, today: date, now: str) -> None:
    due = next_due_date(today, service["billing_cycle"])
    conn.execute("UPDATE services SET status = 'active', activated_at = ?, next_due_date = ?, updated_at = ? "
                 "WHERE id = ?", (now, due.isoformat() if due else None, now, service["id"]))
    product = conn.execute("SELECT resources FROM products WHERE id = ?", (service["product_id"],)).fetchone()
    resources = json.loads(product["resources"]) if product else {}
    resources.update(json.loads(service["config"]))
    resources = {k: resources.get(k) for k in RESOURCE_FIELDS}
    name = f"{service['product_name']} {service['id'][:8]}"
    node, ip, port = servers.allocate(conn, resources)
    conn.execute("INSERT INTO servers (id, service_id, user_id, name, status, resources, ip, port, node, created_at, "
                 "updated_at) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
                 (new_id(), service["id"], service["user_id"], name, json.dumps(resources), ip, port, node, now, now))
    notify(conn, service["user_id"], title="Service active",
           message=f"{service['product_name']} is active and its server {name} is ready.",
           action_url=f"/billing/services/{service['id']}", now=now)


def renewal_paid(conn: sqlite3.Connection, invoice, *, now: str) -> None:
    """A paid renewal moves the due date one cycle on from the period it paid for, and lifts a suspension."""
    service = conn.execute("SELECT * FROM services WHERE id = ?", (invoice["service_id"],)).fetchone()
    if service is None or service["status"] in ("terminated", "cancelled"):
        return
    new_due = due_after(service, parse_date(invoice["period_start"]))
    current = parse_date(service["next_due_date"])
    if current is None or new_due > current:
        conn.execute("UPDATE services SET next_due_date = ?, updated_at = ? WHERE id = ?",
                     (new_due.isoformat(), now, service["id"]))
    if service["status"] == "suspended":
        set_status(conn, service, "active", now=now)
        notify(conn, service["user_id"], title="Service reactivated",
               message=f"{service['product_name']} is active again: thank you for your payment.",
               action_url=f"/billing/services/{service['id']}", now=now)


def due_after(service, period_start: date) -> date:
    """The due date that ends the period starting on `period_start`.

    Counted from the day the service started, not chained from the last due date, so a service bought on the
    31st comes back to the 31st after a short month (Jan 31 -> Feb 28 -> Mar 31), as app.core.cycles asks.
    """
    cycle_months = CYCLE_MONTHS[service["billing_cycle"]]
    anchor = parse_iso(service["activated_at"]).date() if service["activated_at"] else period_start
    n = max(1, ((period_start.year - anchor.year) * 12 + period_start.month - anchor.month) // cycle_months)
    if nth_due_date(anchor, service["billing_cycle"], n) == period_start:
        return nth_due_date(anchor, service["billing_cycle"], n + 1)
    return add_months(period_start, cycle_months)  # not on the anchor's schedule (e.g. set by hand): chain


_SERVER_STATUS = {"active": "running", "suspended": "suspended", "terminated": "terminated",
                  "cancelled": "terminated"}
_STAMP = {"active": None, "suspended": "suspended_at", "terminated": "terminated_at", "cancelled": "terminated_at"}


def set_status(conn: sqlite3.Connection, service, status: str, *, now: str) -> None:
    """Move a service (and its server) to a status; ending a service also cancels its unpaid invoices."""
    stamp = _STAMP[status]
    extra = f", {stamp} = ?" if stamp else ""
    params = [status, now] + ([now] if stamp else []) + [service["id"]]
    conn.execute(f"UPDATE services SET status = ?, updated_at = ?{extra} WHERE id = ?", params)
    conn.execute("UPDATE servers SET status = ?, updated_at = ? WHERE service_id = ?",
                 (_SERVER_STATUS[status], now, service["id"]))
    if status in ("terminated", "cancelled"):
        _cancel_open_renewals(conn, service["id"], now)


def _cancel_open_renewals(conn: sqlite3.Connection, service_id: str, now: str, *, from_period: str | None = None,
                          close_pay_pages: bool = False) -> None:
    """An ended service's unpaid renewals are cancelled, and credits already spent on them go back. With
    `from_period`, only those for periods starting on or after that date; `close_pay_pages` also cancels their
    unfinished payments, so no pay page left open can pay them."""
    open_invoices = conn.execute("SELECT * FROM invoices WHERE service_id = ? AND kind = 'renewal' "
                                 "AND status IN ('pending', 'overdue') AND (? IS NULL OR period_start >= ?)",
                                 (service_id, from_period, from_period)).fetchall()
    for invoice in open_invoices:
        conn.execute("UPDATE invoices SET status = 'cancelled', updated_at = ? WHERE id = ?", (now, invoice["id"]))
        from .invoices import return_credits, supersede_pending  # late: invoices imports this module

        if close_pay_pages:
            supersede_pending(conn, invoice["id"], now)
        return_credits(conn, invoice, now, places=len(invoice["total"].partition(".")[2]),
                       note=f"Credits returned: invoice {invoice['invoice_number']} was cancelled",
                       reference=f"returned to credits: {invoice['invoice_number']} cancelled")


def cancel_renewals_after(conn: sqlite3.Connection, service, now: str) -> None:
    """A service that ends on its next due date (an approved end-of-period cancellation) will not renew: a renewal
    already raised for the period after that date is cancelled now, so neither the buyer ("Pay all due") nor the
    dashboard's total due counts it."""
    if service["next_due_date"]:
        _cancel_open_renewals(conn, service["id"], now, from_period=service["next_due_date"], close_pay_pages=True)


def service_out(conn: sqlite3.Connection, row, origin: str | None = None) -> dict:
    """A service as its owner sees it; `origin` (the panel's) makes its server's manage_url absolute."""
    server = conn.execute("SELECT * FROM servers WHERE service_id = ?", (row["id"],)).fetchone()
    request = conn.execute(
        "SELECT id, type, reason, status, created_at FROM cancellation_requests WHERE service_id = ? "
        "AND status != 'withdrawn' ORDER BY created_at DESC, rowid DESC LIMIT 1", (row["id"],)).fetchone()
    return {
        "id": row["id"], "product": {"id": row["product_id"], "name": row["product_name"]}, "status": row["status"],
        "billing_cycle": row["billing_cycle"],
        # What it renews at, written with the currency's places now while it renews (billing/shown.py).
        "recurring_amount": (shown.written(row["recurring_amount"], row["currency"], shown.current(conn))
                             if row["status"] in shown.RENEWING_SERVICES else row["recurring_amount"]),
        "currency": row["currency"], "next_due_date": row["next_due_date"],
        "server": servers.server_out(server, origin) if server else None, "config": json.loads(row["config"]),
        "cancellation": dict(request) if request else None, "order_id": row["order_id"],
        "created_at": row["created_at"], "updated_at": row["updated_at"],
    }
