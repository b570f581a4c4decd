"""Support tickets: a customer opens one (optionally about an invoice or a service), both sides reply, either
closes it. Everything runs inside the caller's write transaction.

Statuses follow who spoke last: `open` (new, no staff answer yet), `answered` (staff replied), `customer_reply`
(the customer replied after staff), `closed`. A reply to a closed ticket reopens it: a customer who writes again
still needs an answer, and refusing would only make them open a second ticket about the same thing.
Bodies are stored as the plain text they were sent; whoever shows them escapes them.
"""
from __future__ import annotations

import sqlite3

from ..db import new_id, next_number
from ..errors import invalid, not_found
from .notifications import notify

DEPARTMENTS = ("billing", "technical", "sales")
STATUSES = ("open", "answered", "customer_reply", "closed")


def get(conn: sqlite3.Connection, ticket_id: str, user_id: str | None = None) -> sqlite3.Row:
    """The ticket (the caller's own, unless `user_id` is None for staff); another user's is 404 like a missing one."""
    if user_id is None:
        row = conn.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    else:
        row = conn.execute("SELECT * FROM tickets WHERE id = ? AND user_id = ?", (ticket_id, user_id)).fetchone()
    if row is None:
        raise not_found("Ticket")
    return row


def _author_name(user: dict) -> str:
    name = f"{user.get('first_name') or ''} {user.get('last_name') or ''}".strip()
    return name or user.get("username") or user["email"]


def check_related(conn: sqlite3.Connection, user_id: str, invoice_id: str | None, service_id: str | None) -> None:
    # `is not None`, not truthiness: an empty id is no id (it reached the insert and failed its foreign key, a 500).
    if invoice_id is not None and not conn.execute(
            "SELECT 1 FROM invoices WHERE id = ? AND user_id = ? AND status != 'draft'",
            (invoice_id, user_id)).fetchone():
        raise invalid("invoice_id", "This invoice was not found among yours.")
    if service_id is not None and not conn.execute("SELECT 1 FROM services WHERE id = ? AND user_id = ?",
                                                   (service_id, user_id)).fetchone():
        raise invalid("service_id", "This service was not found among yours.")


def open_ticket(conn: sqlite3.Connection, user: dict, body: dict, now: str, *, related_checked: bool = False) -> dict:
    """A new ticket with its first message; returns the detail shape. `related_checked`: the caller ran
    check_related in this transaction."""
    if not related_checked:
        check_related(conn, user["id"], body.get("invoice_id"), body.get("service_id"))
    ticket_id = new_id()
    conn.execute(
        "INSERT INTO tickets (id, ticket_number, user_id, subject, department, status, invoice_id, service_id, "
        "last_reply_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)",
        (ticket_id, next_number(conn, "ticket_number", "TKT"), user["id"], body["subject"], body["department"],
         body.get("invoice_id"), body.get("service_id"), now, now, now))
    _add_message(conn, ticket_id, user, body["body"], staff=False, now=now)
    return ticket_out(conn, get(conn, ticket_id), with_messages=True)


def reply(conn: sqlite3.Connection, ticket: sqlite3.Row, author: dict, text: str, *, staff: bool, now: str) -> dict:
    """Add a message; the ticket becomes `answered` (staff) or `customer_reply`, reopening a closed one."""
    message = _add_message(conn, ticket["id"], author, text, staff=staff, now=now)
    status = "answered" if staff else "customer_reply"
    conn.execute("UPDATE tickets SET status = ?, last_reply_at = ?, updated_at = ? WHERE id = ?",
                 (status, now, now, ticket["id"]))
    if staff:
        notify(conn, ticket["user_id"], type="support", title="Support replied",
               message=f"Ticket {ticket['ticket_number']} ({ticket['subject']}) has a new reply from "
                       f"{message['author']['name']}.", action_url=f"/support/tickets/{ticket['id']}", now=now)
    return message


def close(conn: sqlite3.Connection, ticket: sqlite3.Row, now: str) -> dict:
    """Close a ticket; closing a closed ticket changes nothing."""
    if ticket["status"] != "closed":
        conn.execute("UPDATE tickets SET status = 'closed', updated_at = ? WHERE id = ?", (now, ticket["id"]))
    return ticket_out(conn, get(conn, ticket["id"]), with_messages=True)


def _add_message(conn: sqlite3.Connection, ticket_id: str, author: dict, text: str, *, staff: bool,
                 now: str) -> dict:
    row = {"id": new_id(), "ticket_id": ticket_id, "author_id": author["id"], "author_name": _author_name(author),
           "staff": int(staff), "body": text, "created_at": now}
    conn.execute(f"INSERT INTO ticket_messages ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                 list(row.values()))
    return message_out(row)


def message_out(row) -> dict:
    return {"id": row["id"], "ticket_id": row["ticket_id"],
            "author": {"name": row["author_name"], "staff": bool(row["staff"])}, "body": row["body"],
            "created_at": row["created_at"]}


def ticket_out(conn: sqlite3.Connection, row, *, with_messages: bool = False, admin: bool = False) -> dict:
    out = {
        "id": row["id"], "ticket_number": row["ticket_number"], "subject": row["subject"], "status": row["status"],
        "department": row["department"],
        "related": {"invoice_id": row["invoice_id"], "service_id": row["service_id"]},
        "last_reply_at": row["last_reply_at"], "created_at": row["created_at"], "updated_at": row["updated_at"],
    }
    if admin:
        owner = conn.execute("SELECT id, email FROM users WHERE id = ?", (row["user_id"],)).fetchone()
        out["user"] = {"id": owner["id"], "email": owner["email"]}
    if with_messages:
        rows = conn.execute("SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY created_at, rowid",
                            (row["id"],))
        out["messages"] = [message_out(m) for m in rows]
    return out
