"""The reading queries of AccountCache: plain dicts in the panel's JSON shape, never cursors; money as the panel's
decimal strings."""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Self

from app.core.ledger_order import in_ledger_order
from app.core.panel_text import as_text

from .connection import CacheConnection, batches
from .errors import InvalidChanges, from_sqlite
from .rows import TABLES

__all__ = ["INVOICE_ROW_COLUMNS", "SYNC_STATE_FIELDS", "CacheQueries"]

SYNC_STATE_FIELDS = ("etag", "server_time", "last_synced_at")
# What an invoice table view needs, read straight from columns (no JSON) by `invoice_rows`.
INVOICE_ROW_COLUMNS = ("id", "invoice_number", "status", "kind", "issue_date", "due_date", "paid_at", "currency",
                       "total", "total_minor", "balance_due", "balance_due_minor", "has_detail", "updated_at")


# The config values that are objects wherever they are read (`.get` on them): one that holds something else (a
# list, a number, text, written by an older Sett or into a file by hand) is read as absent, as a value of the wrong
# kind inside a row already is. Reading `public_settings` as a list broke the account's every read of its data.
OBJECT_CONFIG = frozenset({"public_settings", "billing_config", "me", "dashboard", "credits", "cart_options",
                           "billing_profile", "sync_version"})


def _loads(raw: str) -> Any:
    """A stored row or config value, its text fields as text (app.core.panel_text): a cache written before the
    answers were checked may hold a number where the screens write text, until that row syncs again. A number with
    a fraction is read as a Decimal, never a float (Sett writes amounts as text; a file written otherwise, by an
    older Sett or by hand, must not bring floats into money)."""
    value = json.loads(raw, parse_float=Decimal)
    return as_text(value)


def _statuses(status: str | Iterable[str] | None) -> list[str] | None:
    if status is None:
        return None
    return [status] if isinstance(status, str) else list(status)


class CacheQueries(CacheConnection):
    """What a cache holds, read: the lists and single rows the screens show, the config, the sync state."""

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Self]:
        """`with cache.snapshot(): ...` makes every read inside one read transaction, so the screen never mixes
        two syncs (a sync's commit in between is not seen until the block ends). Nesting is harmless; do not
        write inside it (`apply` needs its own transaction)."""
        conn = self._conn
        if conn.in_transaction:
            yield self
            return
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()   # takes the snapshot now
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise from_sqlite(exc, self.path, "read") from exc
        try:
            yield self
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")   # a read transaction: ends it, writes nothing

    def versions(self, table: str, ids: Sequence[str]) -> dict[str, str | None]:
        """The `updated_at` held for each of these ids (ids not cached are left out): a sync compares them with
        what the panel sent, so rows seen again in its overlap window do not count as changes."""
        if table not in TABLES:
            raise InvalidChanges(f"There is no cached table called {table!r}.")
        held: dict[str, str | None] = {}
        for batch in batches([str(key) for key in ids]):   # as row_id keeps them; a huge int would not bind
            marks = ",".join("?" * len(batch))
            held.update(self._read(f"SELECT id, updated_at FROM {table} WHERE id IN ({marks})", list(batch)))
        return held

    def stored_json(self, table: str, ids: Sequence[str]) -> dict[str, str]:
        """The JSON text each of these rows is kept as (ids not cached are left out): what a sync compares a row
        that carries no `updated_at` with, to know whether it changed."""
        if table not in TABLES:
            raise InvalidChanges(f"There is no cached table called {table!r}.")
        held: dict[str, str] = {}
        for batch in batches([str(key) for key in ids]):
            marks = ",".join("?" * len(batch))
            held.update(self._read(f"SELECT id, data FROM {table} WHERE id IN ({marks})", list(batch)))
        return held

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
        return [_loads(data) for (data,) in self._read(sql, params)]

    def _one(self, table: str, key: str) -> dict | None:
        found = self._read(f"SELECT data FROM [{table}] WHERE id = ?", [str(key)])
        return _loads(found[0][0]) if found else None

    @staticmethod
    def _status_filter(status: str | Iterable[str] | None) -> list[tuple[str, Sequence]]:
        wanted = _statuses(status)
        if wanted is None:
            return []
        return [(f"status IN ({','.join('?' * len(wanted))})" if wanted else "0", wanted)]

    def config(self, key: str, default: Any = None) -> Any:
        found = self._read("SELECT value FROM config WHERE key = ?", [key])
        if not found:
            return default
        value = _loads(found[0][0])
        return default if key in OBJECT_CONFIG and not isinstance(value, dict) else value

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
        rows = [dict(zip(INVOICE_ROW_COLUMNS, row, strict=True)) for row in self._read(sql, params)]
        for row in rows:
            # The text columns as a checked answer has them (a file written before the checks may hold a number
            # or a direction control there): one cheap look per row, a walk only for the odd one out.
            number, word = row["invoice_number"], row["status"]
            if not (type(number) is str and number.isascii() and type(word) is str and word.isascii()):
                as_text(row)
        return rows

    def orders(self, status: str | Iterable[str] | None = None) -> list[dict]:
        return self._data("orders", self._status_filter(status))

    def order(self, order_id: str) -> dict | None:
        return self._one("orders", order_id)

    def credit_transactions(self, limit: int | None = None) -> list[dict]:
        """Newest first; entries of the same second in the order their balances chain (ids are random)."""
        return in_ledger_order(self._data("credit_transactions", limit=limit))

    def notifications(self, *, unread_only: bool = False, limit: int | None = None) -> list[dict]:
        return self._data("notifications", [("read = 0", [])] if unread_only else [], limit)

    def tickets(self) -> list[dict]:
        """Support tickets, most recently changed first (a ticket opened before holds its `messages` too)."""
        return self._data("tickets")

    def ticket(self, ticket_id: str) -> dict | None:
        return self._one("tickets", ticket_id)

    def cart_items(self) -> list[dict]:
        return self._data("cart_items")

    def outbox(self) -> list[dict]:
        """The outbox's entries in order; one whose stored JSON cannot be read comes back as `{"id", "corrupt"}`
        (the outbox sets it aside with a message) instead of failing every read."""
        out = []
        for key, data in self._read("SELECT id, data FROM outbox ORDER BY position, id"):
            try:
                row = json.loads(data)
            except (TypeError, ValueError) as exc:
                row = {"id": key, "corrupt": f"its stored text is not JSON ({exc})", "raw": str(data)[:500]}
            out.append(row if isinstance(row, dict) else {"id": key, "corrupt": "it is not an object"})
        return out

    def kept_keys(self) -> list[dict]:
        """The Idempotency-Keys kept for attempts the panel may have acted on (`{id, key, action, kept_at}`), oldest
        first; a row whose stored text cannot be read is left out (its attempt then gets a new key, as before)."""
        out = []
        for (data,) in self._read("SELECT data FROM kept_keys ORDER BY kept_at, id"):
            try:
                row = json.loads(data)
            except (TypeError, ValueError):
                continue
            if isinstance(row, dict):
                out.append(row)
        return out

    def kept_keys_before(self, moment: str) -> list[str]:
        """The ids of kept keys kept before `moment` (the `kept_at` text, UTC), or with no time: past the panel's
        window for keys, to be dropped."""
        return [key for (key,) in self._read("SELECT id FROM kept_keys WHERE kept_at IS NULL OR kept_at < ?",
                                             [moment])]

    def sync_state(self, resource: str) -> dict | None:
        found = self._read("SELECT etag, server_time, last_synced_at FROM sync_state WHERE resource = ?", [resource])
        return dict(zip(SYNC_STATE_FIELDS, found[0], strict=True)) if found else None

    def sync_states(self) -> dict[str, dict]:
        found = self._read("SELECT resource, etag, server_time, last_synced_at FROM sync_state ORDER BY resource")
        return {row[0]: dict(zip(SYNC_STATE_FIELDS, row[1:], strict=True)) for row in found}
