"""Billing notifications a user sees in the panel and the desktop app (payment received, invoice due, ...)."""
from __future__ import annotations

import sqlite3

from ..db import new_id


def notify(conn: sqlite3.Connection, user_id: str, *, title: str, message: str, now: str,
           action_url: str | None = None, type: str = "billing") -> None:
    conn.execute(
        "INSERT INTO notifications (uuid, user_id, type, title, message, action_url, read, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)", (new_id(), user_id, type, title, message, action_url, now, now))


def notification_out(row) -> dict:
    return {"uuid": row["uuid"], "type": row["type"], "title": row["title"], "message": row["message"],
            "action_url": row["action_url"], "read": bool(row["read"]), "created_at": row["created_at"],
            "updated_at": row["updated_at"]}
