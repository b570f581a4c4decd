"""Idempotency-Keys that outlive the process: an attempt the panel may have acted on is repeated with its key after
a restart too.

A payment, a top-up, cancelling an order or a top-up, a new ticket and a reply each send a key made for that
attempt (app.api.idempotency). Kept only in memory, a quit after a lost answer lost the key: the same press after
starting again made a second top-up invoice or a second message. `keyed` runs such an action on the account's
worker with its key kept in the account's cache (table `kept_keys`): written, committed, before the request goes
out (a crash or kill while it is on the way leaves it there), dropped after a success or a definite refusal (the one
rule, `app.api.panel_may_have_acted`), and pruned once older than the panel's window for keys (KEY_WINDOW). An
attempt is known by a digest of what it asks (`attempt_id`), never by the key the caller proposes: a new dialog,
page or process asking the same thing again gets the kept key instead of its new one. A key that cannot be written
stops the action before anything is sent (`NotSent`, app.session.operations.keeping): nothing was sent.

Keys are not secrets (the panel keeps them per user); the attempt's words (a reply's text) are not stored, only
their digest. The cart's order attempt keeps its key with the cart (app.session.cart_store), and an action the
outbox holds keeps it there.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.api import panel_may_have_acted
from app.cache import CacheChanges, CacheError

from . import Context, local
from . import cart as cart_ops
from . import outbox as outbox_ops
from . import payments as pay_ops
from . import services as service_ops
from .keeping import KEY_WINDOW, NotSent, before_sending, stamp, window_start  # noqa: F401 (also named here)

log = logging.getLogger(__name__)

TABLE = "kept_keys"


def attempt_id(action: str, *asked: Any) -> str:
    """The kept key's id for one attempt: a digest of the action and what it asks (ids, amounts, method, text)."""
    text = json.dumps([action, *asked], sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _usable(row: dict | None) -> str | None:
    key = row.get("key") if isinstance(row, dict) else None
    return key if isinstance(key, str) and 0 < len(key) <= 255 and key.isascii() and key.isprintable() else None


def kept_key(ctx: Context, ident: str, *, now: datetime | None = None) -> str | None:
    """The key kept for the attempt `ident` while within the window, else None."""
    limit = window_start(now)
    for row in ctx.cache.kept_keys():
        if row.get("id") == ident and str(row.get("kept_at") or "") >= limit:
            return _usable(row)
    return None


def keep(ctx: Context, ident: str, key: str, action: str, *, now: datetime | None = None) -> str:
    """The key the attempt `ident` goes with: the one kept for it, else `key`, kept from now on. Written (and the
    keys past the window dropped) in one transaction, before anything is sent: `NotSent` when it cannot be."""
    moment = now or datetime.now(UTC)
    kept = kept_key(ctx, ident, now=moment)
    # (The attempt's own row, expired, is replaced below, not deleted: a change-set's deletes run after its upserts.)
    expired = [old for old in ctx.cache.kept_keys_before(window_start(moment)) if old != ident]
    changes = CacheChanges(deletes={TABLE: expired} if expired else {})
    if kept is None:
        kept = key
        changes.upserts[TABLE] = [{"id": ident, "key": key, "action": action, "kept_at": stamp(moment)}]
    if changes.upserts or changes.deletes:
        before_sending(ctx.write, changes)
    return kept


def drop(ctx: Context, ident: str) -> None:
    """The attempt ended (done, or definitely refused): its key goes. A failure to write it is only logged: the key
    then stays until pruned, and a retry with it gets the panel's first answer, which is harmless."""
    try:
        ctx.write(CacheChanges(deletes={TABLE: [ident]}))
    except CacheError as exc:
        log.warning("a finished attempt's key stays in the cache until pruned: %s", exc)


def keyed(ctx: Context, action: str, asked: Any, operation: Callable[..., Any], *args: Any, key: str) -> Any:
    """`operation(ctx, *args, key)`, the key being the one kept for (`action`, `asked`) when the panel may have
    acted on an earlier attempt (in this process or a previous one), else `key`."""
    ctx.changes.source = getattr(operation, "__name__", ctx.changes.source)   # screens know it by its own name
    ident = attempt_id(action, asked)
    used = keep(ctx, ident, key, action)
    try:
        value = operation(ctx, *args, used)
    except BaseException as exc:
        if not panel_may_have_acted(exc):
            drop(ctx, ident)
        raise
    drop(ctx, ident)
    return value


def order(ctx: Context, items: list[dict], options: dict, request: dict, method: str, use_credits: bool,
          key: str) -> dict:
    """The cart's order attempt: its key saved with the cart first (`options`, app.session.cart_store), then the
    checkout sent with it; `NotSent`, with nothing sent, when the cart cannot be saved."""
    before_sending(cart_ops.save_cart, ctx, items, options)
    return pay_ops.start(ctx, "order", request, method, use_credits, key)


def request_cancellation(ctx: Context, service_id: str, kind: str, reason: str, key: str) -> dict:
    """A service's cancellation request sent with the key kept for the same request (`keyed`)."""
    return keyed(ctx, "request_cancellation", [service_id, kind, reason], service_ops.request_cancellation,
                 service_id, kind, reason, key=key)


@local
def queue_cancellation(ctx: Context, service_id: str, kind: str, reason: str, key: str, label: str) -> dict:
    """The same request queued in the outbox (offline, or after its answer was lost), with the key an earlier
    attempt may have reached the panel with, which the outbox keeps from then on; else with `key`."""
    return _queued(ctx, "request_cancellation", [service_id, kind, reason], outbox_ops.queue_cancellation,
                   (service_id, kind, reason), key, (label,))


@local
def queue_reply(ctx: Context, ticket_id: str, body: str, key: str, label: str) -> dict:
    """Offline, a reply queued in the outbox: with the key kept for the same reply when an earlier attempt's answer
    was lost (the panel may have it), which the outbox keeps from then on; else with `key`."""
    return _queued(ctx, "reply", [ticket_id, body], outbox_ops.queue_reply, (ticket_id, body), key, (label,))


def _queued(ctx: Context, action: str, asked: Any, queue: Callable[..., dict], before: tuple, key: str,
            after: tuple) -> dict:
    """`queue(ctx, *before, the key, *after)`, the key handed over to the outbox and dropped here, in one
    transaction (on the local lane, beside the worker: the key read is the one queued)."""
    ident = attempt_id(action, asked)
    with ctx.cache.transaction():
        entry = queue(ctx, *before, kept_key(ctx, ident) or key, *after)
        drop(ctx, ident)
    return entry
