"""Notifications' operations: marking the panel's read, and remembering which notices were announced."""
from __future__ import annotations

from app.api import NotFound

from .. import notices
from . import Context


def mark_read(ctx: Context, uuids: list[str]) -> int:
    marked: set[str] = set()
    try:
        for uuid in uuids:
            try:
                ctx.client.mark_notification_read(uuid)
            except NotFound:
                # Gone from the panel meanwhile: nothing left to mark. Failing there left the ones marked before it
                # read at the panel but unread here, and the ones after it unread everywhere (as the outbox's replay
                # of the same marking already knew).
                pass
            marked.add(uuid)
    finally:
        # Those the panel took are read here too, also when a later one failed (no connection, an answer Sett
        # cannot read): the bell showed them unread, and Mark all read again asked the panel for them again.
        ctx.save("notifications", [{**row, "read": True} for row in ctx.cache.notifications()
                                   if row.get("uuid") in marked])
    return len(uuids)


def load_seen(ctx: Context) -> list[str]:
    return notices.load_seen(ctx.cache)


def save_seen(ctx: Context, seen_ids: list[str]) -> None:
    """Not a change any screen shows: written without a change-set."""
    notices.save_seen(ctx.cache, seen_ids)
