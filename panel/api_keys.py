"""API keys: created shown once, stored as a digest, switched off or limited to addresses by their owner."""
from __future__ import annotations

import json
import sqlite3

from .clock import Clock
from .db import Database, new_id
from .errors import conflict, not_found
from .security import digest, new_api_key
from .timefmt import iso

MAX_API_KEYS = 50


def key_out(row: sqlite3.Row) -> dict:
    return {"id": row["id"], "name": row["name"], "prefix": row["prefix"], "active": bool(row["active"]),
            "allowed_ips": json.loads(row["allowed_ips"]), "last_used_at": row["last_used_at"],
            "created_at": row["created_at"], "updated_at": row["updated_at"]}


def _own_key(conn: sqlite3.Connection, user_id: str, key_id: str) -> sqlite3.Row:
    # Another user's key answers exactly like a missing one: ids are not for probing.
    row = conn.execute("SELECT * FROM api_keys WHERE id = ? AND user_id = ?", (key_id, user_id)).fetchone()
    if row is None:
        raise not_found("API key")
    return row


def create_key(db: Database, clock: Clock, user_id: str, name: str, allowed_ips: list[str],
               active: bool = True) -> dict:
    key = new_api_key()
    with db.write() as conn:
        now = iso(clock.now())  # read under the write lock: timestamps follow commit order
        held = conn.execute("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", (user_id,)).fetchone()[0]
        if held >= MAX_API_KEYS:
            raise conflict("conflict", f"An account holds at most {MAX_API_KEYS} API keys; delete one first.")
        key_id = new_id()
        conn.execute("INSERT INTO api_keys (id, user_id, name, key_hash, prefix, allowed_ips, active, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (key_id, user_id, name, digest(key), key[:8], json.dumps(allowed_ips), int(active), now, now))
        return {**key_out(_own_key(conn, user_id, key_id)), "key": key}


def update_key(db: Database, clock: Clock, user_id: str, key_id: str, changes: dict) -> dict:
    with db.write() as conn:
        _own_key(conn, user_id, key_id)
        columns = {"name": changes.get("name"), "active": changes.get("active"),
                   "allowed_ips": json.dumps(changes["allowed_ips"]) if "allowed_ips" in changes else None}
        columns = {k: v for k, v in columns.items() if k in changes}
        if columns:
            sets = ", ".join(f"{column} = ?" for column in columns)
            conn.execute(f"UPDATE api_keys SET {sets}, updated_at = ? WHERE id = ?",
                         [*columns.values(), iso(clock.now()), key_id])
        return key_out(_own_key(conn, user_id, key_id))


def delete_key(db: Database, user_id: str, key_id: str) -> None:
    with db.write() as conn:
        _own_key(conn, user_id, key_id)
        conn.execute("DELETE FROM api_keys WHERE id = ?", (key_id,))
