"""The one bridge between worker threads and the UI.

Work runs on a QThreadPool; its result or exception comes back to the UI thread through a queued signal and is
handed to plain callbacks there. Views never touch the network or a long query themselves.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; workers emit on it and the queued connection crosses the thread boundary."""

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.token, self.fn, self.relay = token, fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI, never vanish in a thread
            self.relay.failed.emit(self.token, exc)
        else:
            self.relay.done.emit(self.token, result)


class TaskRunner(QObject):
    """`run(fn, on_done, on_error)`: fn runs on a worker; exactly one callback runs later on the UI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._tokens = itertools.count(1)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> int:
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        self.pool.start(_Job(token, fn, self._relay))
        return token

    def forget(self, token: int) -> None:
        """Drop a task's callbacks: its result, when it comes, is thrown away (the user moved on)."""
        self._callbacks.pop(token, None)

    def forget_all(self) -> None:
        """On quit: results still on their way must not reach screens that are being torn down."""
        self._callbacks.clear()

    @Slot(int, object)
    def _deliver_done(self, token: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(token, (None, None))
        if on_done:
            on_done(result)

    @Slot(int, object)
    def _deliver_failed(self, token: int, error: object) -> None:
        _, on_error = self._callbacks.pop(token, (None, None))
        if on_error:
            on_error(error)
        else:
            log.error("background task failed: %s", error, exc_info=error if isinstance(error, BaseException) else None)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncController(QObject):
    """Runs syncs off the UI thread: one at a time per account, repeated triggers merged, periodic, cancellable.

    `make_job(account_id)` returns a callable `job(progress, cancelled) -> ChangeSet` that opens its own API
    client and cache connection on the worker thread. Results that arrive after the account was forgotten
    (logout, removal) are dropped by a generation counter.
    """

    started = Signal(str)
    progress = Signal(str, int, int, str)
    finished = Signal(str, object)
    failed = Signal(str, object)
    # Emitted on worker threads; re-emitted as `progress` on the UI thread so every receiver runs there.
    _progress_from_worker = Signal(str, int, int, str)

    def __init__(self, make_job: Callable[[str], Callable], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._progress_from_worker.connect(self._forward_progress, Qt.ConnectionType.QueuedConnection)
        self._make_job = make_job
        self._pools: dict[str, QThreadPool] = {}
        self._runners: dict[str, TaskRunner] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()
        self._generation: dict[str, int] = {}
        self._cancel = threading.Event()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_all)
        self.accounts: list[str] = []

    @Slot(str, int, int, str)
    def _forward_progress(self, account_id: str, done: int, total: int, label: str) -> None:
        self.progress.emit(account_id, done, total, label)

    def set_interval(self, minutes: int) -> None:
        if minutes > 0:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    def sync_all(self) -> None:
        for account_id in self.accounts:
            self.sync(account_id)

    def is_running(self, account_id: str) -> bool:
        return account_id in self._running

    def sync(self, account_id: str) -> None:
        if account_id in self._running:
            self._again.add(account_id)  # merged: one more run after this one, however many triggers came
            return
        runner = self._runners.get(account_id)
        if runner is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            runner = self._runners[account_id] = TaskRunner(pool, self)
        generation = self._generation.setdefault(account_id, 0)
        job = self._make_job(account_id)
        relay = self._progress_from_worker

        def work():
            return job(lambda done, total, label: relay.emit(account_id, done, total, label), self._cancel.is_set)

        self._running.add(account_id)
        self.started.emit(account_id)
        runner.run(work, lambda result: self._done(account_id, generation, result),
                   lambda error: self._error(account_id, generation, error))

    def forget(self, account_id: str) -> None:
        """After logout or removal: whatever the running sync brings back is dropped."""
        self._generation[account_id] = self._generation.get(account_id, 0) + 1
        self._again.discard(account_id)

    def _current(self, account_id: str, generation: int) -> bool:
        self._running.discard(account_id)
        return self._generation.get(account_id, 0) == generation and not self._cancel.is_set()

    def _done(self, account_id: str, generation: int, result: object) -> None:
        if self._current(account_id, generation):
            self.finished.emit(account_id, result)
        self._follow_up(account_id)

    def _error(self, account_id: str, generation: int, error: BaseException) -> None:
        if self._current(account_id, generation):
            self.failed.emit(account_id, error)
        self._follow_up(account_id)

    def _follow_up(self, account_id: str) -> None:
        if account_id in self._again and not self._cancel.is_set():
            self._again.discard(account_id)
            self.sync(account_id)

    def shutdown(self, msecs: int = 30_000) -> None:
        """On quit: ask running syncs to stop at their next step and wait for the pools."""
        self._cancel.set()
        self._timer.stop()
        for runner in self._runners.values():
            runner.wait(msecs)
