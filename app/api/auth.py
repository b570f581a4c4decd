"""Credentials, login results, and the single-flight refresh of a token pair.

A refresh token works once: the panel rotates the pair, and a second use of a spent refresh token revokes the whole
login. So two workers whose access tokens expire together must not both refresh. `Rotations` serialises refreshes
per panel with a lock and remembers which spent refresh token led to which new pair, so a worker that comes second
(in this client or in another client of the same login) adopts the pair the first one got instead of refreshing.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Credentials:
    """An API key, or an access/refresh token pair: exactly one kind. The repr never shows a secret."""

    api_key: str | None = field(default=None, repr=False)
    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.api_key and (self.access_token or self.refresh_token):
            raise ValueError("Credentials hold an API key or a token pair, not both.")

    @classmethod
    def from_api_key(cls, api_key: str) -> Credentials:
        return cls(api_key=api_key)

    @classmethod
    def from_tokens(cls, access_token: str, refresh_token: str | None) -> Credentials:
        return cls(access_token=access_token, refresh_token=refresh_token)

    @property
    def kind(self) -> str | None:
        """"api_key", "tokens" or None (nothing to authenticate with)."""
        if self.api_key:
            return "api_key"
        if self.access_token:
            return "tokens"
        return None

    @property
    def bearer(self) -> str | None:
        return self.api_key or self.access_token

    @property
    def can_refresh(self) -> bool:
        return not self.api_key and bool(self.refresh_token)

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r})"


@dataclass(frozen=True)
class LoginResult:
    """What a login answered: `credentials` (and the user), or a `two_factor_token` to send with the code."""

    credentials: Credentials | None = None
    two_factor_token: str | None = field(default=None, repr=False)
    user: dict[str, Any] | None = None
    expires_in: int | None = None

    @property
    def requires_2fa(self) -> bool:
        return self.credentials is None and self.two_factor_token is not None


MAX_TOKEN = 8192   # a JWT with many claims is ~2 KB; a header past ~8 KB is refused by servers (431)


def header_safe(token: object) -> bool:
    """Whether `token` can be sent as a bearer: visible ASCII only, at most MAX_TOKEN characters. Anything else
    failed every request after the login (a line break as "could not be sent", "€" as a UnicodeEncodeError)."""
    return (isinstance(token, str) and 0 < len(token) <= MAX_TOKEN
            and all("!" <= char <= "~" for char in token))


def credentials_from(data: Any) -> Credentials | None:
    """The pair in a login or refresh answer, or None when the answer holds none (or one that cannot be sent)."""
    if not isinstance(data, dict):
        return None
    access, refresh = data.get("access_token"), data.get("refresh_token")
    if not header_safe(access):
        return None
    if isinstance(refresh, str) and len(refresh) > MAX_TOKEN:
        return None
    return Credentials.from_tokens(access, refresh if isinstance(refresh, str) and refresh else None)


def _fingerprint(token: str) -> str:
    # Spent refresh tokens are remembered by digest only: no reason to keep old secrets in memory.
    return hashlib.sha256(token.encode()).hexdigest()


class Rotations:
    """Process-wide: one refresh at a time per panel, and the pair each spent refresh token was exchanged for."""

    KEEP = 256

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._successors: OrderedDict[tuple[str, str], Credentials] = OrderedDict()

    @contextmanager
    def single_flight(self, origin: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            yield

    def latest(self, origin: str, credentials: Credentials) -> Credentials | None:
        """The newest pair that `credentials` were rotated into, or None if nobody refreshed them."""
        newest: Credentials | None = None
        current = credentials
        with self._guard:
            for _ in range(self.KEEP):  # a chain, never a cycle; the bound only guards against one
                if not current.refresh_token:
                    break
                successor = self._successors.get((origin, _fingerprint(current.refresh_token)))
                if successor is None:
                    break
                newest = current = successor
        return newest

    def record(self, origin: str, spent: Credentials, new: Credentials) -> None:
        if not spent.refresh_token:
            return
        with self._guard:
            self._successors[(origin, _fingerprint(spent.refresh_token))] = new
            while len(self._successors) > self.KEEP:
                self._successors.popitem(last=False)


ROTATIONS = Rotations()


def refresh_once(origin: str, sent: Credentials, exchange: Callable[[Credentials], Credentials],
                 rotations: Rotations = ROTATIONS) -> tuple[Credentials, bool]:
    """The pair to repeat a request with after `sent` was refused; True when this call did the refresh itself.

    `exchange` posts the refresh token and returns the new pair (raising on failure). It runs at most once per
    pair, in the process, under the panel's lock.
    """
    with rotations.single_flight(origin):
        adopted = rotations.latest(origin, sent)
        if adopted is not None:
            return adopted, False
        new = exchange(sent)
        rotations.record(origin, sent, new)
        return new, True
