"""One Sett per data folder. Two copies on one folder each rewrote `accounts.json` (one's new account lost) and
both refreshed the same login (the panel ends a login whose spent refresh token comes back).

The first start holds a `QLockFile` in the data folder and listens on a `QLocalServer` named after that folder;
a later start finds the lock taken, hands its arguments (`sett://` links) to the first over the local socket and
exits 0. A lock left by a crashed run is stale (its process is gone) and is taken over, and so is one whose Sett
ends while a later start is still trying to reach it (quit, then started again at once: the first has closed its
socket but not yet let go of the lock). Works before any QApplication exists, so a second start never builds a
window.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:   # QtNetwork loads to hand over or to listen (after the first paint), not to take the lock
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
LOCK_NAME = "sett.lock"
HANDOVER_SECONDS = 10.0   # how long a second start keeps trying to reach a first one that is still starting
MAX_MESSAGE = 64 * 1024


def server_name(data_dir: Path) -> str:
    """A socket name per data folder, short enough for every platform's limit."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"sett-{digest}"


class HandoverError(RuntimeError):
    """The folder is locked by a running Sett that did not take the arguments."""


def hand_over(name: str, args: list[str], timeout: float = HANDOVER_SECONDS) -> None:
    """Give `args` to the Sett listening as `name`; it answers "ok" once it has them."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + timeout
    last = "it did not answer"
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(1000):
            socket.write(json.dumps({"args": args}).encode("utf-8") + b"\n")
            socket.flush()
            answer = b""
            while socket.waitForReadyRead(3000):
                answer += bytes(socket.readAll().data())
                if answer.endswith(b"\n"):
                    break
            socket.disconnectFromServer()
            if answer.strip() == b"ok":
                return
            last = f"it answered {answer[:80]!r}"
        else:
            last = socket.errorString()
        if time.monotonic() >= deadline:
            break
        time.sleep(0.2)    # the first start holds the lock but is not listening yet
    raise HandoverError(f"Sett is already running on this data folder, but {last}.")


class SingleInstance(QObject):
    """`acquire()` -> True: this is the first start (then `listen()`); False: another Sett holds the folder."""

    received = Signal(list)     # the arguments a later start handed over

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)   # never stale by age (Sett runs for days); stale only when its process is gone
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}     # what each connected later start has sent so far

    def acquire(self) -> bool:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.lock.tryLock(0):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False
        raise OSError(f"Sett cannot lock its data folder {self.data_dir} (error {self.lock.error().name}).")

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)     # a socket file left by a crashed run
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("a second start cannot reach this one: %s", self.server.errorString())
            return
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            self._buffers[socket] = bytearray()
            # Bound methods, not lambdas holding `self`: a child's connection that kept its parent's wrapper alive
            # dropped the parent when the child was deleted, and the parent deleted that child a second time.
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(self._gone)

    def _ready(self) -> None:
        socket = self.sender()
        if socket in self._buffers:
            self._read(socket, self._buffers[socket])

    def _gone(self) -> None:
        socket = self.sender()
        if self._buffers.pop(socket, None) is not None:
            socket.deleteLater()

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        if not buffer.endswith(b"\n"):
            return
        try:
            args = json.loads(buffer.decode("utf-8"))["args"]
            if not (isinstance(args, list) and all(isinstance(a, str) for a in args)):
                raise ValueError("args is not a list of strings")
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("a second start sent something unreadable: %s", exc)
            socket.write(b"bad\n")
            socket.flush()
            return
        socket.write(b"ok\n")
        socket.flush()
        log.info("a second start handed over %d argument(s)", len(args))
        self.received.emit(args)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def claim_or_hand_over(data_dir: Path, args: list[str],
                       timeout: float = HANDOVER_SECONDS) -> SingleInstance | None:
    """The instance guard for this start, or None once the arguments went to the running Sett.

    Between attempts to reach the running Sett the lock is tried again: a Sett that is quitting stops listening
    before its process ends, and a start made meanwhile must start (it used to give up after 10 s with "cannot
    reach it")."""
    guard = SingleInstance(data_dir)
    deadline = time.monotonic() + timeout
    while not guard.acquire():
        try:
            hand_over(guard.name, args, timeout=min(1.0, max(0.0, deadline - time.monotonic())))
        except HandoverError as exc:
            if time.monotonic() >= deadline:
                raise HandoverError(f"{exc} If it is closing, start Sett again in a moment.") from None
            continue
        print(f"Sett is already running on {data_dir}: brought it to the front.", file=sys.stdout)
        return None
    return guard
