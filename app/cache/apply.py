"""AccountCache.apply: a sync's change-set checked and converted before the transaction, then written in one."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .changes import CacheChanges
from .connection import batches
from .errors import InvalidChanges, from_sqlite
from .queries import SYNC_STATE_FIELDS, CacheQueries
from .rows import TABLES, dump_json, row_id, table_row

__all__ = ["MAX_CACHED_NOTIFICATIONS", "MAX_CACHED_ROWS", "ChangeSetWriter", "Plan"]

# The most rows a synced table keeps. Each sync is bounded (limits.MAX_SYNC_BYTES, MAX_PAGES), but a panel that
# sends new rows at every poll (new notifications, new credit transactions, made-up invoices) would grow the file
# without end: past this, the rows last in the panel's own order (the oldest) are dropped in the same write.
# 200,000 is what one whole list may hold (MAX_PAGES x 100 rows), four times the 50,000-invoice account Sett is
# built for, so no real account loses a row; a dropped row the panel still lists comes back if it changes.
MAX_CACHED_ROWS = 200_000
# Notifications are read whole at every change (the bell, reminders, desktop notices) and only the newest matter:
# a panel adding a hundred at every minute's poll reached 200,000 in a day and a half, and every read took seconds.
MAX_CACHED_NOTIFICATIONS = 10_000
# The tables a sync fills (the cart, the outbox and the kept keys are this computer's own, never dropped for room;
# kept keys go by age, app.session.operations.kept_keys), and the order in which
# their rows are kept: unpaid invoices before the rest, so what is due is the last thing to go.
_KEEP_ORDER = {name: TABLES[name].order_by for name in ("categories", "products", "services", "orders",
                                                        "credit_transactions", "notifications", "tickets")}
_KEEP_ORDER["invoices"] = "status IN ('pending', 'overdue') DESC, " + TABLES["invoices"].order_by


@dataclass(frozen=True)
class Plan:
    """A change-set checked and converted to cache rows, ready for `write`."""

    upserts: dict[str, tuple[list[dict], list[str]]]
    config: dict[str, str | None]
    sync_state: list[dict]
    replace: frozenset[str]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _currency_places(billing_config: Any) -> int | None:
    currency = billing_config.get("currency") if isinstance(billing_config, dict) else None
    places = currency.get("places") if isinstance(currency, dict) else None
    if isinstance(places, bool) or not isinstance(places, int | str):
        return None
    try:
        value = int(places)
    except (TypeError, ValueError):
        return None
    # The API refuses other places (`app.api.schemas.MAX_PLACES`); a config saved by an older Sett is not
    # trusted to scale amounts by 10**200000 either.
    return value if 0 <= value <= 8 else None


class ChangeSetWriter(CacheQueries):
    """Writing a change-set: all of it or none. It reads what is held first (the billing config for the currency's
    places; invoice details already fetched), so it builds on the queries."""

    def apply(self, changes: CacheChanges, *, before_commit: Callable[[], None] | None = None) -> None:
        """Write a whole change-set in ONE transaction: all of it, or (on any error) none of it."""
        self.write(self.plan(changes), before_commit=before_commit)

    def plan(self, changes: CacheChanges) -> Plan:
        """Check and convert a change-set (the CPU-heavy part), touching no lock: a sync does this before its
        guarded write, so a quit never waits for it."""
        return Plan(*self._plan(changes))

    def write(self, plan: Plan, *, before_commit: Callable[[], None] | None = None) -> None:
        """Write a planned change-set in one transaction. `before_commit` runs last inside it: raising there
        (a cancel) rolls everything back. `interrupt()` from another thread also ends it with nothing written."""
        upserts, config, sync_state, replace = plan.upserts, plan.config, plan.sync_state, plan.replace
        try:
            with self._write_transaction():
                for table in sorted(replace):
                    self._db.execute(f"DELETE FROM [{table}]")
                for table, (rows, gone) in upserts.items():
                    self._write_table(table, rows, gone)
                    if rows and table in _KEEP_ORDER:
                        self._bound(table)
                for key, value in config.items():
                    if value is None:
                        self._db.execute("DELETE FROM config WHERE key = ?", [key])
                    else:
                        self._db["config"].upsert({"key": key, "value": value}, pk="key")
                for state in sync_state:
                    self._db["sync_state"].upsert(state, pk="resource")
                if before_commit is not None:
                    before_commit()
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.path, "write") from exc

    def _plan(self, changes: CacheChanges) -> tuple[dict[str, tuple[list[dict], list[str]]], dict, list[dict],
                                                     frozenset[str]]:
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
        return tables, config, sync_state, frozenset(changes.replace)

    def _write_table(self, table: str, rows: list[dict], gone: list[str]) -> None:
        if table in ("invoices", "tickets") and rows:
            self._keep_details(table, rows)
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

    def _bound(self, table: str) -> None:
        """Drop the rows past the table's bound (MAX_CACHED_ROWS, MAX_CACHED_NOTIFICATIONS), last in the table's
        keeping order first."""
        bound = MAX_CACHED_NOTIFICATIONS if table == "notifications" else MAX_CACHED_ROWS
        (count,) = self._db.execute(f"SELECT count(*) FROM [{table}]").fetchone()
        if count <= bound:
            return
        self._db.execute(f"DELETE FROM [{table}] WHERE id IN (SELECT id FROM [{table}] ORDER BY "
                         f"{_KEEP_ORDER[table]} LIMIT -1 OFFSET ?)", [bound])

    def _keep_details(self, table: str, rows: list[dict]) -> None:
        """A list row of an unchanged invoice or ticket (same `updated_at`, e.g. seen again in the sync overlap)
        keeps the lines and payments (the messages) already fetched with its detail, instead of dropping back to
        the list shape."""
        if not self._db.execute(f"SELECT 1 FROM [{table}] WHERE has_detail = 1 LIMIT 1").fetchone():
            return
        bare = {row["id"]: row for row in rows if not row["has_detail"]}
        keys = list(bare)
        for batch in batches(keys):
            marks = ",".join("?" * len(batch))
            found = self._db.execute(f"SELECT id, updated_at, data FROM [{table}] WHERE has_detail = 1 "
                                     f"AND id IN ({marks})", list(batch)).fetchall()
            for key, updated_at, data in found:
                row = bare[key]
                if updated_at is not None and updated_at == row["updated_at"]:
                    row["data"] = dump_json({**json.loads(data), **json.loads(row["data"])})
                    row["has_detail"] = 1
