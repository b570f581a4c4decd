"""Keeping an attempt's Idempotency-Key before it is sent: the panel's window for keys, and the failure to keep one.

Both kinds of kept key follow these: the keys of `kept_keys` (payments, top-ups, cancelling, tickets, replies) and
the cart's order attempt (app.session.cart_store). A key older than KEY_WINDOW is not sent again: the panel may have
forgotten it, so a retry with it would no longer be the same attempt. A key that cannot be written before sending
(the cache refused the write) stops the action before anything goes out: `NotSent`, a definite "nothing was sent".
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from app.api import NothingSent
from app.cache import CacheError

# shared/panel-api.md: "Keys are kept at least 24 h" (this panel keeps them 48 h, docs/api.md). Past the contract's
# window a panel may have forgotten the key, so it no longer makes a retry the same attempt: it is dropped.
KEY_WINDOW = timedelta(hours=24)


class NotSent(NothingSent, CacheError):
    """The attempt's key could not be kept in the cache, so the request was never sent: the panel did nothing.

    app.api.idempotency's "not sent" case (`NothingSent`), so `panel_may_have_acted` says False; and a cache
    failure, whose text (`str`) says what the cache said."""


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def window_start(now: datetime | None = None) -> str:
    """The stamp before which a kept key is past the panel's window."""
    return stamp((now or datetime.now(UTC)) - KEY_WINDOW)


def within_window(kept_at: Any, now: datetime | None = None) -> bool:
    """Whether a key kept at `kept_at` (a `stamp`) may still be sent again; a key with no stamp is of unknown age
    and counts as past it."""
    return isinstance(kept_at, str) and bool(kept_at) and kept_at >= window_start(now)


def before_sending(write: Callable[..., Any], *args: Any) -> Any:
    """`write(*args)`, the attempt's key kept, or `NotSent` when the cache refused it (nothing has been sent)."""
    try:
        return write(*args)
    except NotSent:
        raise
    except CacheError as exc:
        raise NotSent(str(exc)) from exc
