"""A synced row's `updated_at` moves whenever a row it shows changes: SQLite triggers, one rule per (shown row,
the row that shows it), so no write path can forget it.

Clients sync incrementally by `updated_at` (`updated_since`, and the app writes a row only when its `updated_at`
differs from the cached one), so a row must count as changed whenever anything its answer shows changes, not only
its own columns. An invoice shows its payments (a pay page opened, superseded, cancelled, paid, refunded, and the
share of a payment for several invoices); a service shows its server and its cancellation request; a ticket its
messages. Starting or cancelling a gateway payment changed what the invoice showed without moving its
`updated_at`, so an incremental sync never saw it. Write paths used to stamp the parent themselves (and some
forgot); these triggers do it in the transaction that writes the child, as change_counter's do for /sync/state.

The stamp is the child row's own `updated_at` (or `created_at` for rows that never change), which its writer took
under the write lock from the panel's clock (a test clock too), and it only ever moves the parent forward.
A migration that rebuilds a table named here must create its triggers again: DROP TABLE drops them.
"""
from __future__ import annotations

from typing import NamedTuple


class Shown(NamedTuple):
    child: str                       # the table whose rows are shown inside another's answer
    parent: str                      # the synced table whose rows show them
    parents: str                     # which parent rows: a WHERE clause over `NEW`
    stamp: str                       # the moment of the change, from `NEW`
    columns: tuple[str, ...] | None  # the columns whose UPDATE counts (None: any; () : inserts only)


RULES: tuple[Shown, ...] = (
    # GET /billing/invoices/{id} lists `payments` (its own, and its share of one that paid several invoices).
    # gateway_ref, action_id and the pay page's token are not shown: writing them alone moves nothing.
    Shown("payments", "invoices",
          "id = NEW.invoice_id OR id IN (SELECT invoice_id FROM payment_allocations WHERE payment_id = NEW.id)",
          "NEW.updated_at", ("status", "amount", "reference", "method", "invoice_id", "updated_at")),
    Shown("payment_allocations", "invoices", "id = NEW.invoice_id",
          "(SELECT updated_at FROM payments WHERE id = NEW.payment_id)", None),
    # A service shows `server` and `cancellation` (its newest request that was not withdrawn).
    Shown("servers", "services", "id = NEW.service_id", "NEW.updated_at", None),
    Shown("cancellation_requests", "services", "id = NEW.service_id", "NEW.updated_at", None),
    # A ticket's detail shows its messages.
    Shown("ticket_messages", "tickets", "id = NEW.ticket_id", "NEW.created_at", ()),
)


def triggers_sql(rule: Shown) -> str:
    events = ["INSERT"] + ([] if rule.columns == () else
                           [f"UPDATE OF {', '.join(rule.columns)}" if rule.columns else "UPDATE"])
    parts = []
    for event in events:
        name = f"{rule.child}_stamps_{rule.parent}_{event.split()[0].lower()}"
        parts.append(
            f"CREATE TRIGGER {name} AFTER {event} ON {rule.child} BEGIN "
            f"UPDATE {rule.parent} SET updated_at = {rule.stamp} "
            f"WHERE ({rule.parents}) AND updated_at < {rule.stamp}; END;")
    return "\n".join(parts)


MIGRATION = "\n".join(triggers_sql(rule) for rule in RULES)
