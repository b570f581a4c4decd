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
from collections.abc import Iterator
from contextlib import contextmanager


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

    def is_set(self) -> bool:
        return self._set.is_set()

    @property
    def watching(self) -> int:
        """How many connections a cancel would shut down now (those open, or opening)."""
        with self._lock:
            return len(self._sockets)

    def check(self) -> None:
        if self._set.is_set():
            raise Cancelled()

    def sleep(self, seconds: float) -> None:
        """Wait between two attempts; a cancel ends the wait at once and raises `Cancelled`."""
        if self._set.wait(max(0.0, seconds)):
            raise Cancelled()

    def cancel(self) -> None:
        """Abandon every watched socket, end every `sleep`, then wait for the `guarded` blocks in progress."""
        with self._lock:
            self._set.set()
            for handle in self._sockets:
                # Under the lock: `release` cannot close the handle (and its number be reused) meanwhile.
                _shut(handle)
            self._lock.wait_for(lambda: self._guarded == 0)

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """A block that never starts after a cancel, and that a cancel waits for (a cache's one commit): so work
        that is abandoned has either written all of its result or nothing, and nothing after quit returned."""
        with self._lock:
            if self._set.is_set():
                raise Cancelled()
            self._guarded += 1
        try:
            yield
        finally:
            with self._lock:
                self._guarded -= 1
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
