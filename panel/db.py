"""SQLite access for the panel: WAL, foreign keys, migrations, and one way to write.

Writers use `BEGIN IMMEDIATE`, which takes SQLite's single write lock at the start of the transaction. That
serialises every read-check-write sequence (stock, credit balance, coupon uses, idempotency keys) across the
server's worker threads, which is what keeps concurrent buyers from overselling or overspending.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .schema import MIGRATIONS, steps_after

BUSY_TIMEOUT_MS = 30_000


class DatabaseError(RuntimeError):
    """The database file cannot be used (from a newer panel, corrupt, unwritable)."""


def new_id() -> str:
    return str(uuid.uuid4())


def dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class FifoLock:
    """A lock handed to waiters in arrival order.

    The panel's writers queue here before `BEGIN IMMEDIATE`, so within one process SQLite's write lock is never
    contended: without this, 50 concurrent checkouts waited in SQLite's busy handler, which sleeps and polls
    (up to 100 ms a nap) and lets a late writer overtake one that has waited long, so the slowest buyers took
    twenty times the work. Other processes (the CLI) still meet the busy timeout, as before.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self) -> None:
        with self._mutex:
            if not self._held:
                self._held = True
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiters.append(turn)
        turn.acquire()  # released by the holder that hands the lock over to us

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().release()  # still held: ownership passes straight to the next in line
            else:
                self._held = False


class Database:
    """One file, one connection per thread, migrated on open."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._writers = FifoLock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # -- connections -------------------------------------------------------------------------------------
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path)
            self._local.conn = conn
            self._local.depth = 0
            with self._all_lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested use joins the outer one so domain functions compose."""
        conn = self.conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield conn
            finally:
                self._local.depth -= 1
            return
        self._writers.acquire()
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._local.depth = 1
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._local.depth = 0
        finally:
            self._writers.release()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reads that span several statements."""
        conn = self.conn()
        if self._local.depth:
            yield conn
            return
        conn.execute("BEGIN DEFERRED")
        self._local.depth = 1
        try:
            yield conn
        finally:
            self._local.depth = 0
            conn.execute("COMMIT")

    # -- schema ------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        existed = self.path.exists() and self.path.stat().st_size > 0
        try:
            conn = _connect(self.path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path} is not a usable panel database: {exc}") from exc
        try:
            if version > len(MIGRATIONS):
                raise DatabaseError(
                    f"{self.path} was written by a newer panel (schema {version}, this panel knows "
                    f"{len(MIGRATIONS)}); refusing to open it"
                )
            if version == len(MIGRATIONS):
                return
            if existed and version > 0:
                # A copy before changing a schema that holds data: a failed migration must not cost the data.
                conn.close()
                shutil.copy2(self.path, self.path.with_name(f"{self.path.name}.v{version}.bak"))
                conn = _connect(self.path)
            conn.execute("PRAGMA journal_mode = WAL")
            for number, step in steps_after(conn, version, MIGRATIONS):
                if callable(step):  # a step SQL alone cannot do (hashing existing values), in one transaction
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        step(conn)
                        conn.execute(f"PRAGMA user_version = {number}")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
                else:
                    conn.executescript(f"BEGIN IMMEDIATE;\n{step}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"cannot migrate {self.path}: {exc}") from exc
        finally:
            conn.close()


def next_number(conn: sqlite3.Connection, counter: str, prefix: str) -> str:
    """Sequential human numbers (ORD-000001, INV-000001); call inside a write transaction."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (counter,)).fetchone()
    value = int(row["value"]) + 1 if row else 1
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (counter, str(value)))
    return f"{prefix}-{value:06d}"
