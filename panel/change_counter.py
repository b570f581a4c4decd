"""What `GET /sync/state` reads: counters that SQLite triggers move in the same transaction as the rows they watch.

One counter per user (their orders, invoices, services, payments, credits, notifications, keys, profile) and one
`global` counter (catalogue and settings, which include the billing config). Triggers rather than calls in the
write paths: a write path added later cannot forget to move the version, and the bump commits or rolls back with
the change itself. A new user-readable table gets its triggers from `triggers_sql` in its own migration, e.g.
`triggers_sql("tickets", "user_id")`, or from `triggers_through` when its rows belong to a user through a parent
row (a ticket's messages). A migration that rebuilds a watched table must create its triggers again: DROP TABLE
drops them.

The version is `<epoch>-<global>-<user>`: the epoch is random per database, so a database rebuilt from scratch
never repeats a version a client may have cached.
"""
from __future__ import annotations

import sqlite3

GLOBAL = "global"

# table -> the column naming whose data it is (None: everyone's), and for UPDATE the columns that count
# (None: any). A key's last_used_at and a user's password or login bookkeeping are not data the user syncs.
WATCHED: dict[str, tuple[str | None, tuple[str, ...] | None]] = {
    "users": ("id", ("email", "username", "first_name", "last_name", "credit_balance", "totp_secret", "role")),
    "api_keys": ("user_id", ("name", "active", "allowed_ips")),
    "orders": ("user_id", None),
    "services": ("user_id", None),
    "servers": ("user_id", None),
    "cancellation_requests": ("user_id", None),
    "invoices": ("user_id", None),
    "payments": ("user_id", None),
    "credit_transactions": ("user_id", None),
    "notifications": ("user_id", None),
    "categories": (None, None),
    "products": (None, None),
    "settings": (None, None),
}


def _bump(scope_sql: str) -> str:
    return (f"INSERT INTO change_counters (scope, counter) {scope_sql} "
            "ON CONFLICT(scope) DO UPDATE SET counter = counter + 1;")


def triggers_sql(table: str, owner: str | None, update_of: tuple[str, ...] | None = None) -> str:
    """AFTER INSERT/UPDATE/DELETE triggers on `table` that move its owner's counter (or the global one)."""
    return _triggers(table, lambda row: f"VALUES ({row}.{owner}, 1)" if owner else f"VALUES ('{GLOBAL}', 1)",
                     update_of)


def triggers_through(table: str, parent_key: str, parent: str, owner: str = "user_id") -> str:
    """Triggers on `table` whose rows belong to the owner of the `parent` row their `parent_key` names."""
    # A SELECT, not a subquery in VALUES: with the parent gone (a cascading delete) nothing is bumped, rather
    # than a NULL scope. The WHERE also keeps SQLite from reading ON CONFLICT as a join's ON.
    return _triggers(table, lambda row: f"SELECT {owner}, 1 FROM {parent} WHERE id = {row}.{parent_key}", None)


def _triggers(table: str, scope_of, update_of: tuple[str, ...] | None) -> str:
    parts = []
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        scope = scope_of(row)
        what = f"UPDATE OF {', '.join(update_of)}" if event == "UPDATE" and update_of else event
        parts.append(f"CREATE TRIGGER {table}_{event.lower()}_counts AFTER {what} ON {table} "
                     f"BEGIN {_bump(scope)} END;")
    return "\n".join(parts)


MIGRATION = "\n".join([
    "CREATE TABLE change_counters (scope TEXT PRIMARY KEY, counter INTEGER NOT NULL);",
    "INSERT INTO meta (key, value) VALUES ('sync_epoch', lower(hex(randomblob(6)))) "
    "ON CONFLICT(key) DO NOTHING;",
    *(triggers_sql(table, owner, cols) for table, (owner, cols) in WATCHED.items()),
])


def version(conn: sqlite3.Connection, user_id: str) -> str:
    rows = dict(conn.execute("SELECT scope, counter FROM change_counters WHERE scope IN (?, ?)",
                             (GLOBAL, user_id)).fetchall())
    epoch = conn.execute("SELECT value FROM meta WHERE key = 'sync_epoch'").fetchone()[0]
    return f"{epoch}-{rows.get(GLOBAL, 0)}-{rows.get(user_id, 0)}"
