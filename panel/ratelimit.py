"""Fixed-window request limiting per client, with the contract's X-RateLimit-* headers on every response."""
from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import OrderedDict

VOUCHED_KEPT = 10_000     # credentials remembered as accepted (the least recently seen forgotten first)


def credential_key(authorization: str) -> str:
    return "auth:" + hashlib.sha256(authorization.encode()).hexdigest()[:24]


class RateLimiter:
    WINDOW = 60.0

    def __init__(self, limit_per_minute: int) -> None:
        self.limit = limit_per_minute
        self._windows: dict[str, tuple[float, int]] = {}
        # Credentials the panel has accepted: only these get an allowance of their own. A made-up token in every
        # request had a fresh allowance each time (also at /auth/login, past the address's limit).
        self._vouched: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def vouch(self, key: str) -> None:
        """`key` (credential_key) belongs to a credential the panel just accepted."""
        with self._lock:
            self._vouched[key] = None
            self._vouched.move_to_end(key)
            if len(self._vouched) > VOUCHED_KEPT:
                self._vouched.popitem(last=False)

    def vouched(self, key: str) -> bool:
        with self._lock:
            return key in self._vouched

    def hit(self, client: str) -> tuple[bool, dict[str, str]]:
        """Count one request; returns (allowed, headers to send)."""
        now = time.monotonic()
        with self._lock:
            start, count = self._windows.get(client, (now, 0))
            if now - start >= self.WINDOW:
                start, count = now, 0
            count += 1
            self._windows[client] = (start, count)
            if len(self._windows) > 10_000:
                self._forget_old(now)
        headers, reset_in = self._headers(start, count, now)
        if count > self.limit:
            headers["Retry-After"] = str(reset_in)
            return False, headers
        return True, headers

    def peek(self, client: str) -> dict[str, str]:
        """The headers for a response that is not counted (the liveness check, a refused oversized body): the
        contract wants them on every response."""
        now = time.monotonic()
        with self._lock:
            start, count = self._windows.get(client, (now, 0))
        if now - start >= self.WINDOW:
            start, count = now, 0
        return self._headers(start, count, now)[0]

    def _headers(self, start: float, count: int, now: float) -> tuple[dict[str, str], int]:
        reset_in = max(1, math.ceil(start + self.WINDOW - now))
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(0, self.limit - count)),
            "X-RateLimit-Reset": str(int(time.time()) + reset_in),
        }, reset_in

    def _forget_old(self, now: float) -> None:
        for key in [k for k, (start, _) in self._windows.items() if now - start >= self.WINDOW]:
            del self._windows[key]
