"""The connection under AccountCache: opening one account's SQLite file (and upgrading it), its write
transaction, reading, and closing.

Learned from Vorta: write-ahead logging, a schema version in `PRAGMA user_version`, and a copy of the file
before any upgrade. A file this version cannot use (damaged, or written by a newer Sett) is refused before
SQLite writes a byte to it, so nothing is lost by trying.
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Self

from app.core.text import translate

from . import files, schema
from .errors import CacheError, CacheTooNew, damaged, from_sqlite, is_corruption

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["BUSY_TIMEOUT_SECONDS", "CacheConnection", "batches"]

BUSY_TIMEOUT_SECONDS = 5.0
_BATCH = 500   # ids per `IN (...)`, well under SQLite's bound-parameter limit


def batches(items: Sequence, size: int = _BATCH) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class CacheConnection:
    """One connection to the cache file at `path`; AccountCache adds the queries and the writing of change-sets.
    See AccountCache for the threading rule and the errors it raises."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._closed = True
        self.backup: Path | None = None          # the copy made before an upgrade during this open
        self.damaged_copy: Path | None = None    # where `rebuild` moved the damaged file
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(translate("CacheError", "Could not create the folder for this account's cache ({path}): "
                                       "{error}.").format(path=self.path.parent, error=exc.strerror or exc)) from exc
        latest = schema.latest_version()
        state = files.inspect(self.path)
        if state.wal_pending:
            state = files.probe_version(self.path, BUSY_TIMEOUT_SECONDS)
        self._refuse_newer(state.version, latest)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "open") from exc
        self._conn = conn
        self._database: Database | None = None
        self._depth = 0      # write transactions open on this connection (`transaction`; inner ones are savepoints)
        try:
            self._open(latest)
        except BaseException:
            conn.close()
            raise
        self._closed = False

    @classmethod
    def rebuild(cls, path: str | Path) -> Self:
        """Move a damaged (or unwanted) file aside to `<name>.damaged-<timestamp>` and start an empty cache."""
        path = Path(path)
        moved = files.set_aside(path)
        cache = cls(path)
        cache.damaged_copy = moved
        return cache

    # -- opening ---------------------------------------------------------------------------------------------

    @property
    def _db(self) -> Database:
        """sqlite-utils over the connection, made at the first write transaction (or a new file's switch to WAL):
        reads need only the connection, so a start that only reads its caches does not import sqlite-utils."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self._conn, execute_plugins=False)
        return self._database

    def _refuse_newer(self, version: int, latest: int) -> None:
        if version > latest:
            raise CacheTooNew(translate("CacheError", "The cache for this account was written by a newer version of "
                                        "Sett (cache version {version}; this version understands up to {latest}). "
                                        "Update Sett to open it; the file was left unchanged: {path}.").format(
                version=version, latest=latest, path=self.path))

    def _open(self, latest: int) -> None:
        conn = self._conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_schema = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "open") from exc
        self._refuse_newer(version, latest)   # again: another program may have upgraded it meanwhile
        if version < latest and has_schema:
            self.backup = files.make_backup(conn, self.path, version)
        self._use_wal()
        if version < latest:
            self._migrate(latest)

    def _use_wal(self) -> None:
        """Switch a new file to write-ahead logging. The switch needs the file to itself and SQLite does not wait
        for that as it waits for a write lock: when the UI and a sync worker open a new cache at the same moment,
        one of them is told "database is locked" at once. So wait here, up to the busy timeout."""
        conn = self._conn
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self._db.enable_wal()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise from_sqlite(exc, self.path, "open") from exc
                time.sleep(0.05)
            except sqlite3.Error as exc:
                raise from_sqlite(exc, self.path, "open") from exc

    def _migrate(self, latest: int) -> None:
        """Run every missing step in one transaction: the file ends fully upgraded or exactly as it was.

        The version is read again under the write lock: the UI thread and a sync worker may open the same
        file at once, and only the first of them upgrades it.
        """
        version = None
        try:
            with self._write_transaction():
                version = self._db.conn.execute("PRAGMA user_version").fetchone()[0]
                self._refuse_newer(version, latest)
                for step in schema.MIGRATIONS[version:latest]:
                    step.run(self._db)
                if version != latest:
                    self._db.execute(f"PRAGMA user_version = {latest}")
        except CacheError:
            raise
        except Exception as exc:
            if isinstance(exc, sqlite3.Error) and is_corruption(exc):
                raise damaged(self.path, str(exc)) from exc
            text = translate("CacheError", "Could not upgrade the cache for this account ({path}) from version "
                                           "{version} to {latest}: {error}. It was left at version {version}.").format(
                path=self.path, version=version, latest=latest, error=exc)
            if self.backup:
                text += " " + translate("CacheError", "A copy from before the upgrade is at {path}.").format(
                    path=self.backup)
            raise CacheError(text) from exc

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: take the write lock first (waiting up to the busy timeout for another writer), so a
        transaction that reads before it writes cannot fail halfway on a snapshot another writer made stale.
        sqlite-utils calls inside it nest as savepoints, and so does a write inside `transaction()`: a failed inner
        write rolls back to its savepoint and leaves the outer transaction going."""
        conn = self._db.conn
        if self._depth:
            name = f"sett_{self._depth}"
            self._depth += 1
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:      # an error SQLite ended the whole transaction for left none to undo
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        conn.execute("COMMIT")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """`with cache.transaction(): ...`: every read and write inside is ONE write transaction, taken before the
        first read, so what it read cannot change before it writes (another connection's writer waits for it, and
        it for them). For a read-then-write that must not interleave with a writer on another thread, such as the
        outbox's queueing beside the replay (app.session.operations.outbox). Writes inside (`apply`) nest as
        savepoints; an error rolls all of it back. Keep it short: it holds the file's write lock, and never wraps
        a request to the panel."""
        try:
            with self._write_transaction():
                yield
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "write") from exc

    # -- lifecycle -------------------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._read("PRAGMA user_version")[0][0]

    def interrupt(self) -> None:
        """From any thread: end the statement running on this connection; its transaction rolls back."""
        if not self._closed:
            self._conn.interrupt()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AccountCache({str(self.path)!r})"

    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "read") from exc
