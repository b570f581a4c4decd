"""Work over many rows done on the UI thread a few milliseconds at a time, so the window never freezes.

A model's work is a generator that yields between batches of rows. `Batches.start` runs it at once while it
fits in the time budget (a small table is done before `start` returns, as if there were no batching) and
otherwise finishes it in later turns of the event loop, painting and input handled in between. Threads would
not help here: the work is Python, which holds the interpreter lock, and the rows belong to the UI thread.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

BUDGET_S = 0.012      # well under a 60 Hz frame twice over, so typing and scrolling stay smooth
BATCH_ROWS = 2_000    # rows between two looks at the clock: a batch costs about a millisecond
# A job over at most this many rows is done within `start` whatever the clock says: a few milliseconds on an idle
# machine, but on a loaded one the first amounts formatted (Babel's first use) passed the budget, and a search of
# eight invoices landed a turn of the event loop later than the typing that asked for it.
SMALL_ROWS = BATCH_ROWS // 4


class Batches(QObject):
    """Runs one job at a time; starting another cancels the one still running (its result would be stale)."""

    busy_changed = Signal(bool)      # True when a job goes on in later turns of the event loop, False when it ends

    def __init__(self, parent: QObject | None = None, budget_s: float = BUDGET_S) -> None:
        super().__init__(parent)
        self.budget_s = budget_s
        self._job: Iterator[object] | None = None
        self._done: Callable[[], None] | None = None
        self._waiting = False
        self._whole = False
        self.what = ""
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._run)

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def waiting(self) -> bool:
        """The job goes on in later turns of the event loop: what a screen says "Sorting…" for. A small job is
        busy only inside `start`, where a screen refreshing on the model's signals must not take it for long
        work (nothing would tell it the work ended)."""
        return self._waiting

    def start(self, job: Iterator[object], done: Callable[[], None], what: str = "Working on", *,
              rows: int | None = None) -> None:
        """`what` the job does, as the start of a sentence about the rows ("Sorting", "Searching"); `rows`, how many
        it works over: at most SMALL_ROWS, it is done before this returns."""
        self._timer.stop()
        self._job, self._done, self.what = job, done, what
        self._whole = rows is not None and rows <= SMALL_ROWS
        self._run()

    def cancel(self) -> None:
        self._timer.stop()
        self._job = self._done = None
        self._set_waiting(False)

    def _run(self) -> None:
        job = self._job
        if job is None:
            return
        deadline = time.perf_counter() + self.budget_s
        for _ in job:
            if not self._whole and time.perf_counter() >= deadline:
                self._timer.start()
                self._set_waiting(True)
                return
        done = self._done
        self._job = self._done = None
        self._set_waiting(False)
        if done is not None:
            done()

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self._waiting:
            self._waiting = waiting
            self.busy_changed.emit(waiting)
