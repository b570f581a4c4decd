"""The cache's tables, as a list of migration steps; `PRAGMA user_version` records how many have run.

A step is never edited once released: a later change to the tables is a new step appended to MIGRATIONS.
Each table keeps the panel's row whole in `data` (JSON) and copies out only the columns that views sort and
filter on, so a new panel field needs no migration. Money columns hold the panel's decimal strings; the
`*_minor` columns hold the same amount as an integer of minor units, for exact sorting.

No foreign keys between cached tables: the panel is the authority on how rows relate, and a partial sync
may well bring a product before its category.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database  # imported by the cache when it first writes: see CacheConnection._db

__all__ = ["MIGRATIONS", "Migration", "latest_version"]


@dataclass(frozen=True)
class Migration:
    version: int                         # the user_version the file has once this step has run
    description: str
    run: Callable[[Database], None]      # called inside the migration's transaction


def _create(db: Database, table: str, columns: dict, *, pk: str = "id", indexes: tuple = ()) -> None:
    not_null = {pk} | ({"data", "value"} & set(columns))
    db[table].create(columns, pk=pk, not_null=not_null)
    for index in indexes:
        db[table].create_index(list(index))


def _v1_initial_tables(db: Database) -> None:
    _create(db, "config", {"key": str, "value": str}, pk="key")
    _create(db, "categories", {"id": str, "name": str, "slug": str, "sort_order": int, "updated_at": str,
                               "data": str}, indexes=(("sort_order", "name"),))
    _create(db, "products", {"id": str, "category_id": str, "name": str, "slug": str, "sort_order": int,
                             "updated_at": str, "data": str},
            indexes=(("sort_order", "name"), ("category_id", "sort_order", "name")))
    _create(db, "services", {"id": str, "status": str, "product_id": str, "product_name": str,
                             "billing_cycle": str, "next_due_date": str, "order_id": str, "created_at": str,
                             "updated_at": str, "data": str},
            indexes=(("status",), ("next_due_date",), ("created_at",)))
    _create(db, "invoices", {"id": str, "invoice_number": str, "status": str, "kind": str, "issue_date": str,
                             "due_date": str, "paid_at": str, "currency": str, "total": str, "total_minor": int,
                             "balance_due": str, "balance_due_minor": int, "order_id": str, "service_id": str,
                             "has_detail": int, "updated_at": str, "data": str},
            indexes=(("status",), ("due_date",), ("service_id",)))
    # The invoice list's order, covering every column `invoice_rows` reads: a table of tens of thousands of
    # invoices loads from this index alone, without visiting the rows (and their JSON).
    db.execute("CREATE INDEX idx_invoices_list ON invoices (issue_date DESC, invoice_number DESC, id, status, "
               "kind, due_date, paid_at, currency, total, total_minor, balance_due, balance_due_minor, "
               "has_detail, updated_at)")
    _create(db, "orders", {"id": str, "order_number": str, "status": str, "invoice_id": str, "created_at": str,
                           "updated_at": str, "data": str},
            indexes=(("status",), ("created_at", "order_number")))
    _create(db, "credit_transactions", {"id": str, "type": str, "amount": str, "invoice_id": str,
                                        "created_at": str, "updated_at": str, "data": str},
            indexes=(("created_at",),))
    # Keyed by the notification's `uuid` (the panel's only identifier for them), stored in `id` like the rest.
    _create(db, "notifications", {"id": str, "type": str, "read": int, "created_at": str, "updated_at": str,
                                  "data": str},
            indexes=(("created_at",), ("read",)))
    _create(db, "sync_state", {"resource": str, "etag": str, "server_time": str, "last_synced_at": str},
            pk="resource")
    # Reserved for the store: the offline cart. Its shape is the store's to settle in a later step.
    _create(db, "cart_items", {"id": str, "product_id": str, "position": int, "created_at": str, "data": str},
            indexes=(("position",),))


def _v2_tickets(db: Database) -> None:
    # Support tickets (issue 20): the list row, or once opened (or changed in a sync) the detail with `messages`.
    _create(db, "tickets", {"id": str, "ticket_number": str, "subject": str, "status": str, "department": str,
                            "invoice_id": str, "service_id": str, "last_reply_at": str, "created_at": str,
                            "has_detail": int, "updated_at": str, "data": str},
            indexes=(("updated_at",), ("status",)))


def _v3_outbox(db: Database) -> None:
    # Actions queued while the panel could not be reached (app.core.outbox): the Idempotency-Key is the id, the
    # entry whole in `data`; replayed in `position` order.
    _create(db, "outbox", {"id": str, "position": int, "kind": str, "status": str, "queued_at": str, "data": str},
            indexes=(("position",),))


def _v4_kept_keys(db: Database) -> None:
    # Idempotency-Keys of attempts the panel may have acted on (a payment, a top-up, cancelling an order...; see
    # app.session.operations.kept_keys): kept across a restart so the next attempt repeats the same one. The id is
    # a digest of what the attempt asked, the key and its action in `data`; pruned by `kept_at`.
    _create(db, "kept_keys", {"id": str, "kept_at": str, "data": str}, indexes=(("kept_at",),))


MIGRATIONS: list[Migration] = [
    Migration(1, "initial tables", _v1_initial_tables),
    Migration(2, "support tickets", _v2_tickets),
    Migration(3, "the outbox", _v3_outbox),
    Migration(4, "kept idempotency keys", _v4_kept_keys),
]


def latest_version(migrations: list[Migration] | None = None) -> int:
    steps = MIGRATIONS if migrations is None else migrations
    for index, step in enumerate(steps):
        if step.version != index + 1:
            raise RuntimeError(f"migration {index} produces version {step.version}, expected {index + 1}")
    return len(steps)
