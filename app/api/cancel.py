"""`Cancellation`: a switch that abandons a client's requests at once, from any thread (on quit, from the UI thread).

A worker blocked in `connect()` or `recv()` does not look at flags, and closing a requests session does not touch
the connection it is using (urllib3 only closes idle ones). So every socket a client opens is shown to its
`Cancellation` before it connects; `cancel()` shuts those sockets down, which wakes the blocked call with an error
at once, and the transport, seeing the switch set, raises `Cancelled` instead of retrying. Waits between attempts
are `sleep()`, which `cancel()` also ends.

Clients made inside a task find the task's cancellation on their own (`bound`/`current`), so code that makes a
client in a worker (logins, probes, one-off calls) is abandoned with its task without passing it along.
"""
from __future__ import annotations

import contextvars
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# How long `cancel()` waits for a guarded block (a cache's commit) before it asks the block to abort, and how long
# after that: quitting must never wait more than 2 s in all, whatever a worker is doing.
GUARD_WAIT_SECONDS = 1.2
ABORT_WAIT_SECONDS = 0.5


class Cancelled(Exception):
    """The work was abandoned because its cancellation was set (Sett is quitting). Nothing to show anyone."""

    def __init__(self, message: str = "Cancelled: Sett is quitting.") -> None:
        super().__init__(message)


class Cancellation:
    """Set once, never cleared. Thread-safe; `cancel()` never waits on the network."""

    def __init__(self) -> None:
        self._set = threading.Event()
        self._lock = threading.Condition()
        self._sockets: set[socket.socket] = set()  # duplicates of the sockets in use; see `watch`
        self._guarded = 0
        self._aborts: list[Callable[[], None]] = []
        self._children: weakref.WeakSet[Cancellation] = weakref.WeakSet()

    def is_set(self) -> bool:
        return self._set.is_set()

    @property
    def watching(self) -> int:
        """How many connections a cancel would shut down now (those open, or opening), its children's included."""
        with self._lock:
            own, children = len(self._sockets), list(self._children)
        return own + sum(child.watching for child in children)

    def check(self) -> None:
        if self._set.is_set():
            raise Cancelled()

    def sleep(self, seconds: float) -> None:
        """Wait between two attempts; a cancel ends the wait at once and raises `Cancelled`."""
        if self._set.wait(max(0.0, seconds)):
            raise Cancelled()

    def cancel(self) -> bool:
        """Abandon every watched socket, end every `sleep`, then wait for the `guarded` blocks in progress: at most
        GUARD_WAIT_SECONDS, then each block's `abort` is called (a cache write rolls back) and it gets
        ABORT_WAIT_SECONDS more. True when no guarded block is left running. Only the first call waits; to
        cancel several at once within one such wait, use `cancel_all`."""
        return cancel_all(self)

    def abandon(self) -> None:
        """Set the switch and shut the watched sockets down without waiting for a `guarded` block in progress: the
        block ends whole (it started before) and nothing guarded starts after. For giving up on one task whose
        panel stopped answering, from the UI thread, which must not wait; on quit, `cancel` waits instead."""
        self._trip()

    def _trip(self) -> bool:
        """Set the switch and shut the sockets down (its children's too); False when it was set already."""
        with self._lock:
            if self._set.is_set():
                return False
            self._set.set()
            for handle in self._sockets:
                # Under the lock: `release` cannot close the handle (and its number be reused) meanwhile.
                _shut(handle)
            children = list(self._children)
        for child in children:
            child._trip()
        return True

    def _settle(self, until: float) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: self._guarded == 0, timeout=max(0.0, until - time.monotonic()))

    def _abort_guarded(self) -> None:
        with self._lock:
            aborts = list(self._aborts)
        for abort in aborts:
            try:
                abort()
            except Exception:  # noqa: BLE001 - an abort that fails must not keep Sett from quitting
                pass

    def child(self) -> Cancellation:
        """A cancellation of its own that this one's `cancel` also sets: one client's sockets, which its deadline
        may `interrupt` without touching the requests of other clients of the same task."""
        child = Cancellation()
        with self._lock:
            self._children.add(child)
            if self._set.is_set():
                child._set.set()
        return child

    def interrupt(self) -> None:
        """Shut down every watched socket without setting the switch: a request past its deadline is woken (and
        fails) while later requests may still be sent. Use it on a client's own `child()`."""
        with self._lock:
            for handle in self._sockets:
                _shut(handle)

    @contextmanager
    def guarded(self, abort: Callable[[], None] | None = None) -> Iterator[None]:
        """A block that never starts after a cancel, and that a cancel waits for (a cache's one commit): so work
        that is abandoned has either written all of its result or nothing. A cancel waits a bounded time, then
        calls `abort` (from its own thread), which must make the block end soon without a partial result, e.g.
        interrupt an SQLite transaction so that it rolls back. The block should also check `is_set()` just
        before it commits."""
        with self._lock:
            if self._set.is_set():
                raise Cancelled()
            self._guarded += 1
            if abort is not None:
                self._aborts.append(abort)
        try:
            yield
        finally:
            with self._lock:
                self._guarded -= 1
                if abort is not None:
                    self._aborts.remove(abort)
                self._lock.notify_all()

    def watch(self, sock: socket.socket) -> socket.socket:
        """Keep a duplicate of `sock` to shut down on cancel; give it back to `release` when `sock` closes.

        A duplicate, because TLS takes the socket object over (detaches it) while the handshake can still hang;
        shutting down either descriptor ends the one connection behind both.
        """
        with self._lock:
            if self._set.is_set():
                raise ConnectionAbortedError("the request was cancelled")
            handle = sock.dup()
            self._sockets.add(handle)
            return handle

    def release(self, handle: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(handle)
            handle.close()


def cancel_all(*cancellations: Cancellation) -> bool:
    """Cancel each at once, then wait for their guarded blocks together: GUARD_WAIT_SECONDS, the aborts, then
    ABORT_WAIT_SECONDS, in all (not per cancellation). Ones cancelled before are not waited for again. True when
    no guarded block is left running in any."""
    tripped = [c for c in cancellations if c._trip()]
    waited = [c for c in cancellations if c not in tripped]
    if not tripped:
        return all(c._guarded == 0 for c in waited)
    until = time.monotonic() + GUARD_WAIT_SECONDS
    if all([c._settle(until) for c in tripped]) and all(c._guarded == 0 for c in waited):
        return True
    for c in tripped:
        c._abort_guarded()
    until = time.monotonic() + ABORT_WAIT_SECONDS
    return all([c._settle(until) for c in tripped]) and all(c._guarded == 0 for c in waited)


def _shut(handle: socket.socket) -> None:
    try:
        handle.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # not connected yet, or already gone: either way nothing is left to wake


_CURRENT: contextvars.ContextVar[Cancellation | None] = contextvars.ContextVar("cancellation", default=None)


@contextmanager
def bound(cancellation: Cancellation) -> Iterator[Cancellation]:
    """While the block runs, clients made on this thread use `cancellation` unless given their own."""
    token = _CURRENT.set(cancellation)
    try:
        yield cancellation
    finally:
        _CURRENT.reset(token)


def current() -> Cancellation:
    """The cancellation bound to this thread's task; outside any task, a fresh one nobody will set."""
    return _CURRENT.get() or Cancellation()
