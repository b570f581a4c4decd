"""Idempotency keys for checkout and invoice payment: the same key and body replay the first answer.

Stored inside the same write transaction as the order, so two concurrent requests with one key cannot both
create an order: the second waits for the lock and then finds the first one's answer.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import timedelta

from ..errors import conflict, invalid
from ..timefmt import iso, parse_iso

KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")
KEEP = timedelta(hours=48)


def validate_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not KEY_RE.match(key):
        raise invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 255 visible ASCII characters.")
    return key


def request_hash(endpoint: str, body: dict) -> str:
    return hashlib.sha256((endpoint + json.dumps(body, sort_keys=True, default=str)).encode()).hexdigest()


def replay(conn: sqlite3.Connection, user_id: str, key: str, endpoint: str, digest: str,
           now: str) -> tuple[int, dict] | None:
    row = conn.execute("SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ?", (user_id, key)).fetchone()
    if row is not None and row["created_at"] < iso(parse_iso(now) - KEEP):
        # Kept 48 hours (docs/api.md), then forgotten: an older key is a new request, whether or not another
        # keyed request has swept the table since.
        conn.execute("DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?", (user_id, key))
        return None
    if row is None:
        return None
    if row["endpoint"] != endpoint or row["request_hash"] != digest:
        raise conflict("idempotency_conflict",
                       "This Idempotency-Key was already used with a different request.")
    return row["status_code"], json.loads(row["response"])


def remember(conn: sqlite3.Connection, user_id: str, key: str, endpoint: str, digest: str, status: int,
             response: dict, now: str) -> None:
    conn.execute("DELETE FROM idempotency_keys WHERE created_at < ?", (iso(parse_iso(now) - KEEP),))
    conn.execute("INSERT INTO idempotency_keys (user_id, key, endpoint, request_hash, status_code, response, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (user_id, key, endpoint, digest, status, json.dumps(response), now))
