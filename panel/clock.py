"""The panel's notion of now.

Every domain function asks a Clock instead of calling datetime.now(), so that the lifecycle can be driven over
days in tests (`--test-clock` and POST /admin/clock/advance) and the demo seed can write a believable past.
"""
from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta


class Clock:
    """Wall-clock time plus an offset that only a test clock may move forward."""

    def __init__(self, offset: timedelta = timedelta(0), *, adjustable: bool = False) -> None:
        self._offset = offset
        self._lock = threading.Lock()
        self.adjustable = adjustable

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC) + offset

    def today(self) -> date:
        return self.now().date()

    @property
    def offset(self) -> timedelta:
        with self._lock:
            return self._offset

    def advance(self, delta: timedelta) -> None:
        if not self.adjustable:
            raise RuntimeError("this panel does not run with a test clock")
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += delta


class FixedClock(Clock):
    """A clock that stands still until told to move: the demo seed writes history with it."""

    def __init__(self, moment: datetime) -> None:
        super().__init__(adjustable=True)
        self._moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        with self._lock:
            return self._moment

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._moment += delta
