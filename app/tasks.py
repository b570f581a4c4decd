"""The one bridge between worker threads and the UI.

Work runs on a QThreadPool; its result or exception comes back to the UI thread through a queued signal and is
handed to plain callbacks there. Views never touch the network or a long query themselves.

On quit each runner's `Cancellation` is set: panel clients made in its tasks abandon their requests at once
(app.api.cancel), so the waits for the pools are short; they are bounded anyway (`QUIT_WAIT_MS`) for what no
cancel reaches (a name lookup, the keyring). A sync left running then writes nothing: its one commit is guarded.
"""
from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from app.api.cancel import Cancellation, Cancelled, bound

log = logging.getLogger(__name__)
QUIT_WAIT_MS = 2_000   # after a cancel: how long quitting waits for workers that no cancel reaches


class _Relay(QObject):
    """Lives on the UI thread; workers emit on it and the queued connection crosses the thread boundary."""

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], relay: _Relay, cancellation: Cancellation) -> None:
        super().__init__()
        self.token, self.fn, self.relay, self.cancellation = token, fn, relay, cancellation

    def run(self) -> None:
        try:
            with bound(self.cancellation):   # panel clients made in fn are abandoned with this runner's tasks
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI, never vanish in a thread
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.done, result)

    def _emit(self, signal, value: object) -> None:
        try:
            signal.emit(self.token, value)
        except RuntimeError:
            pass  # the relay was deleted: Sett quit while this worker was left to finish; nobody is listening


class TaskRunner(QObject):
    """`run(fn, on_done, on_error)`: fn runs on a worker; exactly one callback runs later on the UI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None,
                 cancellation: Cancellation | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self.cancellation = cancellation or Cancellation()
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._tokens = itertools.count(1)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> int:
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        self.pool.start(_Job(token, fn, self._relay, self.cancellation))
        return token

    def cancel(self) -> None:
        """On quit: tasks running or still queued abandon their panel requests; their results are thrown away."""
        self.cancellation.cancel()

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
        elif isinstance(error, Cancelled):
            log.info("background task cancelled: %s", error)   # quitting: not a failure to show anyone
        else:
            log.error("background task failed: %s", error, exc_info=error if isinstance(error, BaseException) else None)

    def wait(self, msecs: int = 30_000) -> bool:
        """True when every task ended within `msecs`."""
        return self.pool.waitForDone(max(0, msecs))

    def shutdown(self, msecs: int = QUIT_WAIT_MS) -> bool:
        """On quit: cancel, wait for the tasks at most `msecs`, and drop every result still to come."""
        self.cancel()
        ended = self.wait(msecs)
        if not ended:
            log.warning("quitting without waiting for a background task that is still ending")
        self.forget_all()
        return ended


WORKER, LOCAL = "worker", "local"


class _Turns:
    """One account's two lanes in the one order their work was asked for, thread-safe: a job waits for the other
    lane's jobs asked for before it, except that the local lane does not wait for a worker that is waiting on the
    panel (`asking`). So the account's work runs as one queue, as it always did (a queued action sees the row saved
    just before it), until the worker is held by a request; then what is local overtakes it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0
        self._pending: dict[str, set[int]] = {WORKER: set(), LOCAL: set()}
        self._asking = False       # the worker's running job asked the panel
        self._ended = False        # quitting: nobody waits any more

    def ticket(self, lane: str) -> int:
        with self._cond:
            seq = self._next
            self._next += 1
            self._pending[lane].add(seq)
            return seq

    def wait_turn(self, lane: str, seq: int) -> None:
        other = LOCAL if lane == WORKER else WORKER
        with self._cond:
            self._cond.wait_for(lambda: self._ended or (lane == LOCAL and self._asking)
                                or all(earlier > seq for earlier in self._pending[other]))
            if lane == WORKER:
                self._asking = False

    def done(self, lane: str, seq: int) -> None:
        with self._cond:
            self._pending[lane].discard(seq)
            if lane == WORKER:
                self._asking = False
            self._cond.notify_all()

    def asking(self) -> None:
        with self._cond:
            self._asking = True
            self._cond.notify_all()

    def end(self) -> None:
        with self._cond:
            self._ended = True
            self._cond.notify_all()


class SyncController(QObject):
    """Runs syncs off the UI thread: one at a time per account, repeated triggers merged, periodic, cancellable.

    `make_job(account_id)` returns a callable `job(progress, cancellation) -> ChangeSet` that opens its own API
    client and cache connection on the worker thread. Results that arrive after the account was forgotten
    (logout, removal) are dropped by a generation counter. One `Cancellation` serves every account's syncs.
    Each account has two single-thread lanes: its worker, for syncs and operations that may ask the panel
    (`sync`, `run`), and its local lane for work on its cache alone (`run_local`). Their jobs run in the order they
    were asked for, except that the local lane goes ahead while the worker waits on the panel (`asking_panel`), so a
    panel that does not answer never holds it.
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
        self._runners: dict[str, TaskRunner] = {}
        self._local_runners: dict[str, TaskRunner] = {}     # account id -> its local lane (`run_local`)
        self._turns: dict[str, _Turns] = {}
        # account id -> the running sync's own cancellation (`abandon` ends that sync alone)
        self._running: dict[str, Cancellation] = {}
        self._again: set[str] = set()
        self._generation: dict[str, int] = {}
        self._cancellation = Cancellation()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_all)
        self.accounts: list[str] = []
        self._held: list[str] | None = None       # while held: the accounts whose sync waits, in order

    @Slot(str, int, int, str)
    def _forward_progress(self, account_id: str, done: int, total: int, label: str) -> None:
        self.progress.emit(account_id, done, total, label)

    def set_interval(self, minutes: int) -> None:
        self.set_interval_seconds(minutes * 60)

    def set_interval_seconds(self, seconds: int) -> None:
        if seconds > 0:
            self._timer.start(seconds * 1000)
        else:
            self._timer.stop()

    def sync_all(self) -> None:
        for account_id in self.accounts:
            self.sync(account_id)

    def is_running(self, account_id: str) -> bool:
        return account_id in self._running

    def hold(self) -> None:
        """Syncs asked for from now on wait for `release` (start-up: the saved data is painted first)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the syncs asked for while held; no-op when not held."""
        held, self._held = self._held, None
        for account_id in held or []:
            self.sync(account_id)

    def sync(self, account_id: str) -> None:
        if self._cancellation.is_set():
            return   # quitting: a retry timer or a follow-up that fired late starts nothing
        if self._held is not None:
            if account_id not in self._held:
                self._held.append(account_id)
            return
        if account_id in self._running:
            self._again.add(account_id)  # merged: one more run after this one, however many triggers came
            return
        runner = self._runner(account_id)
        generation = self._generation.setdefault(account_id, 0)
        job = self._make_job(account_id)
        relay = self._progress_from_worker
        # Its own, so that `abandon` can end this sync alone; quitting still ends it with every other one.
        cancellation = self._cancellation.child()

        def work():
            try:
                return job(lambda done, total, label: relay.emit(account_id, done, total, label), cancellation)
            except Cancelled:
                # Logged here, on the worker: at quit the UI thread may never get to hear of it.
                log.info("sync of account %s cancelled: nothing was written", account_id)
                raise

        self._running[account_id] = cancellation
        self.started.emit(account_id)
        runner.run(self._in_turn(account_id, WORKER, work), lambda result: self._done(account_id, generation, result),
                   lambda error: self._error(account_id, generation, error))

    def run(self, account_id: str, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> int:
        """An operation of the account on its worker, after the syncs and operations queued before it: one account's
        requests to its panel never overlap. Abandoned on quit like a sync."""
        return self._runner(account_id).run(self._in_turn(account_id, WORKER, fn), on_done, on_error)

    def run_local(self, account_id: str, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None) -> int:
        """Work of the account that never asks its panel (reading and writing its cache: an action put in the
        outbox, the outbox's entries and count) on the account's local lane, a second single thread beside its
        worker. It runs after the account's work asked for before it, as `run` does, except that it does not wait
        for a worker that is waiting on the panel (a sync or an action held by a silent panel, up to its
        timeouts): then it goes ahead. Beside the worker, cache writes are serialized by SQLite's write lock, and a
        read-then-write is one transaction. Abandoned on quit like an operation."""
        return self._runner(account_id, self._local_runners).run(self._in_turn(account_id, LOCAL, fn), on_done,
                                                                 on_error)

    def asking_panel(self, account_id: str) -> None:
        """On the account's worker: the job running there is about to ask the panel, so the local lane need not
        wait for it (nor for the worker's jobs queued behind it)."""
        self._turns_of(account_id).asking()

    def _turns_of(self, account_id: str) -> _Turns:
        turns = self._turns.get(account_id)
        if turns is None:
            turns = self._turns.setdefault(account_id, _Turns())
        return turns

    def _in_turn(self, account_id: str, lane: str, fn: Callable[[], Any]) -> Callable[[], Any]:
        turns = self._turns_of(account_id)
        seq = turns.ticket(lane)       # asked for now, on the UI thread: the order is the order of asking

        def work():
            try:
                turns.wait_turn(lane, seq)
                return fn()
            finally:
                turns.done(lane, seq)
        return work

    def pause(self, account_id: str) -> None:
        """The periodic sync leaves the account out (its login ended) until `resume`."""
        if account_id in self.accounts:
            self.accounts.remove(account_id)

    def resume(self, account_id: str) -> None:
        if account_id not in self.accounts:
            self.accounts.append(account_id)

    def _runner(self, account_id: str, lanes: dict[str, TaskRunner] | None = None) -> TaskRunner:
        lanes = self._runners if lanes is None else lanes
        runner = lanes.get(account_id)
        if runner is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            runner = lanes[account_id] = TaskRunner(pool, self, self._cancellation)
        return runner

    def abandon(self, account_id: str) -> bool:
        """The account's running sync gives up now: its panel stopped answering (the prober said so), and the
        operations queued behind it on the account's worker (an action put in the outbox, a count, a cache read)
        must not wait for its requests to time out. Its sockets are shut at once; it fails with `Cancelled` and
        writes nothing. No follow-up run is left pending. False when no sync of the account was running."""
        self._again.discard(account_id)
        running = self._running.get(account_id)
        if running is None:
            return False
        log.info("sync of account %s abandoned: its panel stopped answering", account_id)
        running.abandon()
        return True

    def forget(self, account_id: str) -> None:
        """After logout or removal: whatever the running sync brings back is dropped."""
        self._generation[account_id] = self._generation.get(account_id, 0) + 1
        self._again.discard(account_id)

    def _current(self, account_id: str, generation: int) -> bool:
        self._running.pop(account_id, None)
        return self._generation.get(account_id, 0) == generation and not self._cancellation.is_set()

    def _done(self, account_id: str, generation: int, result: object) -> None:
        if self._current(account_id, generation):
            self.finished.emit(account_id, result)
        self._follow_up(account_id)

    def _error(self, account_id: str, generation: int, error: BaseException) -> None:
        if self._current(account_id, generation):
            self.failed.emit(account_id, error)
        self._follow_up(account_id)

    def _follow_up(self, account_id: str) -> None:
        if account_id in self._again and not self._cancellation.is_set():
            self._again.discard(account_id)
            self.sync(account_id)

    @property
    def cancellation(self) -> Cancellation:
        """The one every account's syncs and operations answer to (set on quit)."""
        return self._cancellation

    def stop_timer(self) -> None:
        self._timer.stop()

    def cancel(self) -> None:
        """On quit, first: running syncs abandon their requests at once and none starts again. Returns when no
        sync is committing to its cache, and none will after this (an abandoned sync writes nothing)."""
        self._timer.stop()
        self._cancellation.cancel()
        for turns in list(self._turns.values()):
            turns.end()         # a job waiting for the other lane's turn does not outlive the quit's wait

    def shutdown(self, msecs: int = QUIT_WAIT_MS) -> bool:
        """On quit: cancel, then wait for the workers, at most `msecs` in all. True when every one ended; one that
        did not (stuck where no cancel reaches) ends by itself later and writes nothing."""
        self.cancel()
        deadline = time.monotonic() + msecs / 1000
        runners = [*self._runners.values(), *self._local_runners.values()]
        ended = all([runner.wait(int((deadline - time.monotonic()) * 1000)) for runner in runners])
        if not ended:
            log.warning("quitting without waiting for a sync that is still ending; it writes nothing")
        return ended
