"""One sender of an account's outbox at a time, across processes.

Within one Sett all of an account's work runs on its one worker, so two replays never overlap. Across processes
the single-instance guard (app/shell/single_instance.py) keeps a second Sett off a data folder; this lock is the
outbox's own guarantee for when two processes do share one (a guard that failed or was got round, a copy of the
app started on the same folder by other means): a replay sends only while it holds an exclusive, non-blocking
`flock` on `cache.sqlite3.outbox-lock` beside the account's cache, so the other's replay finds it held and sends
nothing. The operating system drops the lock with the process, so a Sett killed mid-send leaves no stale lock:
the next start takes it and sends the `sending` entry again with its Idempotency-Key.

A separate file, never opened by SQLite: closing a descriptor of the cache itself would drop SQLite's own POSIX
locks (see files.py), and a BSD `flock` on another file has no part in those.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

SUFFIX = ".outbox-lock"


def lock_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + SUFFIX)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:             # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def outbox_lock(cache_path: Path | str | None) -> Iterator[bool]:
    """Yields True while this process alone may send the outbox of the cache at `cache_path`, False when another
    process holds it (then send nothing). Without a path, or where no lock file can be made (a read-only folder,
    where nothing could be marked sent either), it yields True: the single-instance guard is then the only one."""
    if cache_path is None:
        yield True
        return
    try:
        fd = os.open(lock_path(Path(cache_path)), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield True
        return
    try:
        held = _try_lock(fd)
        try:
            yield held
        finally:
            if held:
                with contextlib.suppress(OSError):
                    _unlock(fd)
    finally:
        os.close(fd)


__all__ = ["lock_path", "outbox_lock"]
