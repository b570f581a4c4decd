"""Cancellation requests: a customer asks, an operator approves or rejects, the lifecycle carries it out.

A request shows inside its service's row, so writing one moves the service's updated_at (panel/sync_stamps.py)."""
from __future__ import annotations

import sqlite3

from ..db import new_id
from ..errors import conflict, not_found
from . import provisioning
from .notifications import notify

OPEN = ("pending", "approved")


def request(conn: sqlite3.Connection, user_id: str, service_id: str, type: str, reason: str, now: str, *,
            service: sqlite3.Row | None = None) -> dict:
    """A new cancellation request. `service`: its row, when the caller read it in this transaction (owned.service)."""
    if service is None:
        service = conn.execute("SELECT * FROM services WHERE id = ? AND user_id = ?",
                               (service_id, user_id)).fetchone()
    if service is None:
        raise not_found("Service")
    if service["status"] not in ("active", "suspended"):
        raise conflict("conflict", f"This service is {service['status']}; only active or suspended services "
                       "can be cancelled.")
    if conn.execute("SELECT 1 FROM cancellation_requests WHERE service_id = ? AND status IN ('pending', 'approved')",
                    (service_id,)).fetchone():
        raise conflict("conflict", "A cancellation request for this service is already open.")
    row = {"id": new_id(), "service_id": service_id, "user_id": user_id, "type": type, "reason": reason,
           "status": "pending", "created_at": now, "updated_at": now}
    conn.execute(f"INSERT INTO cancellation_requests ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 list(row.values()))
    return request_out(row)


def withdraw(conn: sqlite3.Connection, user_id: str, service_id: str, now: str) -> None:
    """Withdraws the service's pending request. Idempotent by nature (the contract's "Exactly-once actions"): when
    none is pending and the newest request is already withdrawn, this is a replay of that withdrawal (a client
    resending a queued one after a lost answer), which answers as the first did and changes nothing. Where there
    was never a request, or the newest was decided (approved, rejected), there is nothing to withdraw: 404."""
    pending = conn.execute("SELECT id FROM cancellation_requests WHERE service_id = ? AND user_id = ? "
                           "AND status = 'pending'", (service_id, user_id)).fetchone()
    if pending is None:
        newest = conn.execute("SELECT status FROM cancellation_requests WHERE service_id = ? AND user_id = ? "
                              "ORDER BY created_at DESC, rowid DESC LIMIT 1", (service_id, user_id)).fetchone()
        if newest is not None and newest["status"] == "withdrawn":
            return
        raise not_found("Pending cancellation request")
    conn.execute("UPDATE cancellation_requests SET status = 'withdrawn', updated_at = ? WHERE id = ?",
                 (now, pending["id"]))


def decide(conn: sqlite3.Connection, request_id: str, approve: bool, now: str) -> dict:
    row = conn.execute("SELECT * FROM cancellation_requests WHERE id = ?", (request_id,)).fetchone()
    if row is None:
        raise not_found("Cancellation request")
    if row["status"] != "pending":
        raise conflict("conflict", f"This request is already {row['status']}.")
    status = "approved" if approve else "rejected"
    conn.execute("UPDATE cancellation_requests SET status = ?, updated_at = ? WHERE id = ?", (status, now, request_id))
    service = conn.execute("SELECT * FROM services WHERE id = ?", (row["service_id"],)).fetchone()
    # A service that ended meanwhile (terminated for non-payment) stays as it is; the decision is still recorded.
    if approve and service["status"] in ("active", "suspended") and (
            row["type"] == "immediate" or service["next_due_date"] is None):
        provisioning.set_status(conn, service, "cancelled", now=now)
    elif approve and service["status"] in ("active", "suspended"):
        provisioning.cancel_renewals_after(conn, service, now)
    message = (f"Your cancellation request for {service['product_name']} was {status}."
               if row["type"] == "immediate" or not approve else
               f"{service['product_name']} will be cancelled on {service['next_due_date']}.")
    notify(conn, row["user_id"], title=f"Cancellation {status}", message=message,
           action_url=f"/billing/services/{service['id']}", now=now)
    return request_out({**dict(row), "status": status, "updated_at": now})


def request_out(row) -> dict:
    return {"id": row["id"], "service_id": row["service_id"], "type": row["type"], "reason": row["reason"],
            "status": row["status"], "created_at": row["created_at"], "updated_at": row["updated_at"]}
