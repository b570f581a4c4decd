"""When to try a request again, and how long to wait first.

Only requests that are safe to repeat are retried: reads, and writes that carry an Idempotency-Key (the panel
answers a repeated key with the first answer). A POST without a key is never sent twice, whatever happened.
"""
from __future__ import annotations

import random
import threading
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .limits import MAX_RETRY_WAIT_SECONDS

BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
RETRY_AFTER_CAP = 60.0
# The longest Retry-After read as given (a day): "inf", "1e400" or a date in the year 9999 are no wait anyone means,
# and the seconds end up in words ("Wait %n second(s)"), where infinity raised OverflowError.
RETRY_AFTER_MAX = 24 * 60 * 60.0
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Gateway statuses: the request most likely never reached the panel, or the panel is restarting.
GATEWAY_STATUSES = frozenset({502, 503, 504})
# A read may also be tried again after a plain 500: repeating it changes nothing.
READ_RETRY_STATUSES = GATEWAY_STATUSES | {500}


def may_repeat(method: str, idempotency_key: str | None) -> bool:
    """Whether sending this request twice cannot do anything twice."""
    return method.upper() in SAFE_METHODS or bool(idempotency_key)


def retry_status(method: str, status: int, idempotency_key: str | None) -> bool:
    """Whether a response with this status is worth another attempt (429 is handled on its own)."""
    if method.upper() in SAFE_METHODS:
        return status in READ_RETRY_STATUSES
    return bool(idempotency_key) and status in GATEWAY_STATUSES


def backoff_delay(attempt: int, *, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP,
                  rng: random.Random | None = None) -> float:
    """Exponential backoff with jitter: attempt 0 waits 0.25..0.5 s, attempt 1 0.5..1 s, ... never above `cap`.

    Half the delay is fixed and half random ("equal jitter"), so clients that failed together spread out but
    none retries at once.
    """
    ceiling = min(cap, base * (2 ** max(0, attempt)))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now: a number of seconds or an HTTP date. None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(0.0, seconds), RETRY_AFTER_MAX)


def retry_after_wait(retry_after: float | None, attempt: int, *, cap: float = RETRY_AFTER_CAP) -> float:
    """How long to wait after a 429: what the panel asked for, at most `cap`; backoff when it did not say."""
    if retry_after is None:
        return backoff_delay(attempt)
    return min(cap, retry_after)


class RetryBudget:
    """The seconds of waiting between retries left to one sync (or one client); shared by its requests."""

    def __init__(self, seconds: float = MAX_RETRY_WAIT_SECONDS) -> None:
        self.total = float(seconds)
        self._left = float(seconds)
        self._lock = threading.Lock()

    @property
    def left(self) -> float:
        with self._lock:
            return self._left

    def take(self, seconds: float) -> bool:
        """Spend `seconds` if that many are left; False (nothing spent) when they are not."""
        with self._lock:
            if seconds > self._left:
                return False
            self._left -= seconds
            return True
