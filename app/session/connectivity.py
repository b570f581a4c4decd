"""Whether an account's panel can be reached, and when to try again (no Qt: the shell owns the timer).

A sync that fails with a network error takes the account offline; the shell then asks `retry_in()` how long
to wait before trying again, doubling each time up to a cap, so an unreachable panel is not hammered and a
panel that comes back is noticed quickly. The first sync that succeeds brings the account back online.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum


class Link(Enum):
    UNKNOWN = "unknown"    # nothing tried yet this run
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass
class Connectivity:
    base_seconds: float = 5.0
    cap_seconds: float = 300.0
    state: Link = Link.UNKNOWN
    failures: int = 0
    reason: str = ""
    since: datetime | None = None     # when the offline spell began

    @property
    def online(self) -> bool:
        return self.state is Link.ONLINE

    @property
    def offline(self) -> bool:
        return self.state is Link.OFFLINE

    def reached(self) -> bool:
        """The panel answered. True when this ends an offline spell (the shell says it is back)."""
        recovered = self.state is Link.OFFLINE
        self.state, self.failures, self.reason, self.since = Link.ONLINE, 0, "", None
        return recovered

    def unreachable(self, reason: str) -> bool:
        """A network error. True when this starts an offline spell (the shell says so once, not every retry)."""
        started = self.state is not Link.OFFLINE
        if started:
            self.since = datetime.now(UTC)
        self.state, self.reason = Link.OFFLINE, reason
        self.failures += 1
        return started

    def retry_in(self) -> float:
        """Seconds until the next attempt while offline: base, 2x base, 4x base, ... at most cap."""
        if not self.offline:
            return 0.0
        return min(self.cap_seconds, self.base_seconds * 2 ** max(0, self.failures - 1))
