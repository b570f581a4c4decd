"""AccountCache: one account's SQLite file, opened (and upgraded) once per thread.

Learned from Vorta: write-ahead logging, a schema version in `PRAGMA user_version`, and a copy of the file
before any upgrade. A file this version cannot use (damaged, or written by a newer Sett) is refused before
SQLite writes a byte to it, so nothing is lost by trying.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import files, schema
from .changes import CacheChanges
from .errors import CacheError, CacheTooNew, InvalidChanges, damaged, from_sqlite, is_corruption
from .rows import TABLES, dump_json, row_id, table_row

__all__ = ["INVOICE_ROW_COLUMNS", "SYNC_STATE_FIELDS", "AccountCache"]

BUSY_TIMEOUT_SECONDS = 5.0
SYNC_STATE_FIELDS = ("etag", "server_time", "last_synced_at")
# What an invoice table view needs, read straight from columns (no JSON) by `invoice_rows`.
INVOICE_ROW_COLUMNS = ("id", "invoice_number", "status", "kind", "issue_date", "due_date", "paid_at", "currency",
                       "total", "total_minor", "balance_due", "balance_due_minor", "has_detail", "updated_at")
_BATCH = 500   # ids per `IN (...)`, well under SQLite's bound-parameter limit


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _batches(items: Sequence, size: int = _BATCH) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _statuses(status: str | Iterable[str] | None) -> list[str] | None:
    if status is None:
        return None
    return [status] if isinstance(status, str) else list(status)


def _currency_places(billing_config: Any) -> int | None:
    currency = billing_config.get("currency") if isinstance(billing_config, dict) else None
    places = currency.get("places") if isinstance(currency, dict) else None
    try:
        return int(places) if places is not None else None
    except (TypeError, ValueError):
        return None


class AccountCache:
    """One account's cache file at `path` (the caller chooses it; missing folders are created).

    One connection per instance and one instance per thread: SQLite connections refuse to be shared across
    threads, so a sync worker and the UI thread each open their own (write-ahead logging lets them read
    while the other writes; a writer waits up to BUSY_TIMEOUT_SECONDS for another). Call `close()`.

    Raises CacheTooNew for a file from a newer Sett, CacheDamaged for one that is not a readable database
    (offer `AccountCache.rebuild(path)`), and CacheError for anything else; in each case the file is left
    as it was.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._closed = True
        self.backup: Path | None = None          # the copy made before an upgrade during this open
        self.damaged_copy: Path | None = None    # where `rebuild` moved the damaged file
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"Could not create the folder for this account's cache ({self.path.parent}): "
                             f"{exc.strerror or exc}.") from exc
        latest = schema.latest_version()
        state = files.inspect(self.path)
        if state.wal_pending:
            state = files.probe_version(self.path, BUSY_TIMEOUT_SECONDS)
        self._refuse_newer(state.version, latest)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "open") from exc
        try:
            self._db = Database(conn, execute_plugins=False)
            self._open(latest)
        except BaseException:
            conn.close()
            raise
        self._closed = False

    @classmethod
    def rebuild(cls, path: str | Path) -> AccountCache:
        """Move a damaged (or unwanted) file aside to `<name>.damaged-<timestamp>` and start an empty cache."""
        path = Path(path)
        moved = files.set_aside(path)
        cache = cls(path)
        cache.damaged_copy = moved
        return cache

    # -- opening ---------------------------------------------------------------------------------------------

    def _refuse_newer(self, version: int, latest: int) -> None:
        if version > latest:
            raise CacheTooNew(f"The cache for this account was written by a newer version of Sett (cache version "
                              f"{version}; this version understands up to {latest}). Update Sett to open it; "
                              f"the file was left unchanged: {self.path}.")

    def _open(self, latest: int) -> None:
        conn = self._db.conn
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
        conn = self._db.conn
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
            kept = f" A copy from before the upgrade is at {self.backup}." if self.backup else ""
            raise CacheError(f"Could not upgrade the cache for this account ({self.path}) from version {version} "
                             f"to {latest}: {exc}. It was left at version {version}.{kept}") from exc

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: take the write lock first (waiting up to the busy timeout for another writer), so a
        transaction that reads before it writes cannot fail halfway on a snapshot another writer made stale.
        sqlite-utils calls inside it nest as savepoints."""
        conn = self._db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- lifecycle -------------------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._read("PRAGMA user_version")[0][0]

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._db.close()

    def __enter__(self) -> AccountCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AccountCache({str(self.path)!r})"

    # -- writing ---------------------------------------------------------------------------------------------

    def apply(self, changes: CacheChanges) -> None:
        """Write a whole change-set in ONE transaction: all of it, or (on any error) none of it."""
        upserts, config, sync_state = self._plan(changes)
        try:
            with self._write_transaction():
                for table in sorted(changes.replace):
                    self._db.execute(f"DELETE FROM [{table}]")
                for table, (rows, gone) in upserts.items():
                    self._write_table(table, rows, gone)
                for key, value in config.items():
                    if value is None:
                        self._db.execute("DELETE FROM config WHERE key = ?", [key])
                    else:
                        self._db["config"].upsert({"key": key, "value": value}, pk="key")
                for state in sync_state:
                    self._db["sync_state"].upsert(state, pk="resource")
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "write") from exc

    def _plan(self, changes: CacheChanges) -> tuple[dict[str, tuple[list[dict], list[str]]], dict, list[dict]]:
        """Check and convert everything before the transaction starts, so bad input costs no lock."""
        for table in (*changes.upserts, *changes.deletes, *changes.replace):
            if table not in TABLES:
                raise InvalidChanges(f"The cache has no table {table!r}; nothing was written.")
        places = _currency_places(changes.config.get("billing_config", self.config("billing_config")))
        tables: dict[str, tuple[list[dict], list[str]]] = {}
        for table, raw_rows in changes.upserts.items():
            spec = TABLES[table]
            latest: dict[str, dict | None] = {}
            for raw in raw_rows:
                key = row_id(spec, raw)   # checks that the row is an object with an id
                latest[key] = None if raw.get("archived") else raw
            rows = [table_row(spec, raw, places) for raw in latest.values() if raw is not None]
            tables[table] = (rows, [key for key, raw in latest.items() if raw is None])
        for table, ids in changes.deletes.items():
            if isinstance(ids, (str, bytes)):
                raise InvalidChanges(f"Deletes for {table!r} must be a list of ids, not one string.")
            rows, gone = tables.setdefault(table, ([], []))
            gone.extend(str(key) for key in ids)
        config: dict[str, str | None] = {}
        for key, value in changes.config.items():
            try:
                config[key] = None if value is None else dump_json(value)
            except (TypeError, ValueError) as exc:
                raise InvalidChanges(f"The setting {key!r} cannot be stored: {exc}; nothing was written.") from exc
        sync_state = []
        for resource, fields in changes.sync_state.items():
            if not isinstance(fields, dict):
                raise InvalidChanges(f"The sync state of {resource!r} must be a dict; nothing was written.")
            unknown = set(fields) - set(SYNC_STATE_FIELDS)
            if unknown:
                raise InvalidChanges(f"Unknown sync state fields for {resource!r}: {sorted(unknown)}; "
                                     "nothing was written.")
            sync_state.append({"resource": resource, "last_synced_at": _now(), **fields})
        return tables, config, sync_state

    def _write_table(self, table: str, rows: list[dict], gone: list[str]) -> None:
        if table == "invoices" and rows:
            self._keep_invoice_details(rows)
        if rows:
            # One prepared statement for the whole list: sqlite-utils' upsert_all re-inspects every value,
            # which costs seconds on a first sync of tens of thousands of invoices.
            columns = list(rows[0])
            updates = ", ".join(f"[{name}] = excluded.[{name}]" for name in columns if name != "id")
            sql = (f"INSERT INTO [{table}] ({', '.join(f'[{name}]' for name in columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))}) ON CONFLICT(id) DO UPDATE SET {updates}")
            self._db.conn.executemany(sql, [tuple(row[name] for name in columns) for row in rows])
        if gone:
            self._db.conn.executemany(f"DELETE FROM [{table}] WHERE id = ?", [(key,) for key in gone])

    def _keep_invoice_details(self, rows: list[dict]) -> None:
        """A list row of an unchanged invoice (same `updated_at`, e.g. seen again in the sync overlap) keeps
        the lines and payments already fetched with its detail, instead of dropping back to the list shape."""
        if not self._db.execute("SELECT 1 FROM invoices WHERE has_detail = 1 LIMIT 1").fetchone():
            return
        bare = {row["id"]: row for row in rows if not row["has_detail"]}
        keys = list(bare)
        for batch in _batches(keys):
            marks = ",".join("?" * len(batch))
            found = self._db.execute(f"SELECT id, updated_at, data FROM invoices WHERE has_detail = 1 "
                                     f"AND id IN ({marks})", list(batch)).fetchall()
            for key, updated_at, data in found:
                row = bare[key]
                if updated_at is not None and updated_at == row["updated_at"]:
                    row["data"] = dump_json({**json.loads(data), **json.loads(row["data"])})
                    row["has_detail"] = 1

    # -- reading ---------------------------------------------------------------------------------------------
    def versions(self, table: str, ids: Sequence[str]) -> dict[str, str | None]:
        """The `updated_at` held for each of these ids (ids not cached are left out): a sync compares them with
        what the panel sent, so rows seen again in its overlap window do not count as changes."""
        if table not in TABLES:
            raise InvalidChanges(f"There is no cached table called {table!r}.")
        held: dict[str, str | None] = {}
        for batch in _batches(list(ids)):
            marks = ",".join("?" * len(batch))
            held.update(self._read(f"SELECT id, updated_at FROM {table} WHERE id IN ({marks})", list(batch)))
        return held


    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self._db.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "read") from exc

    def _list(self, table: str, where: Sequence[tuple[str, Sequence]] = (), limit: int | None = None,
              columns: str = "data") -> tuple[str, list]:
        clauses, params = [], []
        for clause, values in where:
            clauses.append(clause)
            params.extend(values)
        sql = f"SELECT {columns} FROM [{table}]"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += f" ORDER BY {TABLES[table].order_by}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params

    def _data(self, table: str, where: Sequence[tuple[str, Sequence]] = (), limit: int | None = None) -> list[dict]:
        sql, params = self._list(table, where, limit)
        return [json.loads(data) for (data,) in self._read(sql, params)]

    def _one(self, table: str, key: str) -> dict | None:
        found = self._read(f"SELECT data FROM [{table}] WHERE id = ?", [str(key)])
        return json.loads(found[0][0]) if found else None

    @staticmethod
    def _status_filter(status: str | Iterable[str] | None) -> list[tuple[str, Sequence]]:
        wanted = _statuses(status)
        if wanted is None:
            return []
        return [(f"status IN ({','.join('?' * len(wanted))})" if wanted else "0", wanted)]

    def config(self, key: str, default: Any = None) -> Any:
        found = self._read("SELECT value FROM config WHERE key = ?", [key])
        return json.loads(found[0][0]) if found else default

    def categories(self) -> list[dict]:
        return self._data("categories")

    def products(self, category_id: str | None = None) -> list[dict]:
        where = [("category_id = ?", [str(category_id)])] if category_id is not None else []
        return self._data("products", where)

    def product(self, product_id: str) -> dict | None:
        return self._one("products", product_id)

    def services(self, status: str | Iterable[str] | None = None) -> list[dict]:
        return self._data("services", self._status_filter(status))

    def service(self, service_id: str) -> dict | None:
        return self._one("services", service_id)

    def invoices(self, status: str | Iterable[str] | None = None, *, service_id: str | None = None,
                 limit: int | None = None) -> list[dict]:
        where = self._status_filter(status)
        if service_id is not None:
            where.append(("service_id = ?", [str(service_id)]))
        return self._data("invoices", where, limit)

    def invoice(self, invoice_id: str) -> dict | None:
        """The invoice as last synced: the detail shape (lines, payments) once fetched, else the list shape."""
        return self._one("invoices", invoice_id)

    def invoice_rows(self, status: str | Iterable[str] | None = None, limit: int | None = None) -> list[dict]:
        """Invoices for a big table: INVOICE_ROW_COLUMNS only, from columns (no JSON), newest first."""
        sql, params = self._list("invoices", self._status_filter(status), limit, ", ".join(INVOICE_ROW_COLUMNS))
        return [dict(zip(INVOICE_ROW_COLUMNS, row, strict=True)) for row in self._read(sql, params)]

    def orders(self, status: str | Iterable[str] | None = None) -> list[dict]:
        return self._data("orders", self._status_filter(status))

    def order(self, order_id: str) -> dict | None:
        return self._one("orders", order_id)

    def credit_transactions(self, limit: int | None = None) -> list[dict]:
        return self._data("credit_transactions", limit=limit)

    def notifications(self, *, unread_only: bool = False, limit: int | None = None) -> list[dict]:
        return self._data("notifications", [("read = 0", [])] if unread_only else [], limit)

    def cart_items(self) -> list[dict]:
        return self._data("cart_items")

    def sync_state(self, resource: str) -> dict | None:
        found = self._read("SELECT etag, server_time, last_synced_at FROM sync_state WHERE resource = ?", [resource])
        return dict(zip(SYNC_STATE_FIELDS, found[0], strict=True)) if found else None

    def sync_states(self) -> dict[str, dict]:
        found = self._read("SELECT resource, etag, server_time, last_synced_at FROM sync_state ORDER BY resource")
        return {row[0]: dict(zip(SYNC_STATE_FIELDS, row[1:], strict=True)) for row in found}
