"""Exactly-once POSTs: with an Idempotency-Key, the first answer is stored in the action's own write transaction
and replayed for the same key and body; the same key with another body is 409 `idempotency_conflict`.

A refused request (an ApiError) rolls the transaction back, key included, so a retry runs it again.

The rows a request names (a path's id, ids in its body) are looked up before its key: another user's or an unknown
row answers what it answers without a key (404, or 422 on the body's field), never the key's 409 or a replay, so
the answer neither depends on nor tells what the caller's keys were used for (docs/api.md, "Idempotency-Key").
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from sqlite3 import Connection
from typing import Any

from fastapi.responses import JSONResponse

from ..billing import idempotency
from ..state import Panel
from ..timefmt import iso


def run_once(panel: Panel, user: dict, key: str | None, endpoint: str, body: dict[str, Any], status: int,
             action: Callable[[Connection, datetime, Any], Any],
             after: Callable[[Any], None] | None = None,
             named: Callable[[Connection], Any] | None = None) -> JSONResponse:
    """Run `action(conn, now, found)` in one write transaction and answer `{"success", "data"}` with `status`.

    `after(data)` runs once the transaction committed, and only when the action ran (not on a replay): the place
    for network calls that must not hold the write lock. `named(conn)` raises the refusal for a row the request
    names that is not the caller's (or does not exist); it runs in the same transaction before the key is looked
    up, and should check only what cannot change between a request and its replay (who owns what). What it returns
    (the rows it read, under the same write lock) is the action's `found`, so the action does not read them again;
    None without `named`."""
    key = idempotency.validate_key(key)
    digest = idempotency.request_hash(endpoint, body)
    with panel.db.write() as conn:
        now = panel.clock.now()  # read under the write lock: timestamps follow commit order
        found = named(conn) if named is not None else None
        if key and (earlier := idempotency.replay(conn, user["id"], key, endpoint, digest, iso(now))):
            return JSONResponse(earlier[1], status_code=earlier[0])
        data = action(conn, now, found)
        response = {"success": True, "data": data}
        if key:
            idempotency.remember(conn, user["id"], key, endpoint, digest, status, response, iso(now))
    if after is not None:
        after(data)
    return JSONResponse(response, status_code=status)
