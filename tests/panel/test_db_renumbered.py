"""Migrations after the merge of the two panel branches: change counters (3), token digests (4), the
servers/tickets migration (5), held credits of payments for several invoices (6), invoice parties (7) and the
action a payment belongs to (8). Databases at every earlier
version migrate, including one main wrote between the merges (where the servers/tickets migration was number 3),
and the triggers /sync/state reads all work."""
from __future__ import annotations

import sqlite3

from panel import db as db_module
from panel import schema
from panel.db import Database

T = "2026-01-01T00:00:00.000000Z"


def _old_database(path, migrations, monkeypatch) -> None:
    """A database as a panel knowing only `migrations` left it, with a user, a service and its server."""
    monkeypatch.setattr(db_module, "MIGRATIONS", migrations)
    old = Database(path)
    with old.write() as conn:
        conn.execute("INSERT INTO users (id, email, username, password_hash, created_at, updated_at) "
                     "VALUES ('u', 'u@x.test', 'u', 'h', ?, ?)", (T, T))
        conn.execute("INSERT INTO services (id, user_id, product_id, product_name, billing_cycle, recurring_amount, "
                     "currency, status, created_at, updated_at) VALUES ('s', 'u', 'p', 'P', 'monthly', '1.00', "
                     "'USD', 'active', ?, ?)", (T, T))
        conn.execute("INSERT INTO servers (id, service_id, user_id, name, status, resources, created_at, updated_at) "
                     "VALUES ('v', 's', 'u', 'Old', 'running', '{}', ?, ?)", (T, T))
    old.close()
    monkeypatch.undo()


def _counter(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT counter FROM change_counters WHERE scope = 'u'").fetchone()
    return row[0] if row else 0


def _assert_current_and_counting(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) == 9
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
                        "AND name = 'payments_stamps_invoices_insert'").fetchone()  # 9
    assert "credits" in [r[1] for r in conn.execute("PRAGMA table_info(payment_allocations)")]  # 6
    assert {"seller", "buyer"} <= {r[1] for r in conn.execute("PRAGMA table_info(invoices)")}  # 7
    assert tuple(conn.execute("SELECT name, status FROM servers WHERE id = 'v'").fetchone()) == ("Old", "running")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(payments)")]
    assert "checkout_token_hash" in columns and "checkout_token" not in columns
    assert "action_id" in columns  # 8
    steps = [
        "UPDATE servers SET status = 'offline' WHERE id = 'v'",  # the rebuilt table kept its triggers
        f"INSERT INTO tickets (id, ticket_number, user_id, subject, department, status, last_reply_at, created_at, "
        f"updated_at) VALUES ('t', 'TKT-1', 'u', 'Hi', 'billing', 'open', '{T}', '{T}', '{T}')",
        # A message alone (no ticket update) belongs to the ticket's owner.
        f"INSERT INTO ticket_messages (id, ticket_id, author_id, author_name, staff, body, created_at) "
        f"VALUES ('m', 't', 'u', 'U', 0, 'Hello', '{T}')",
        "UPDATE ticket_messages SET body = 'Hello!' WHERE id = 'm'",
        "UPDATE tickets SET status = 'closed' WHERE id = 't'",
    ]
    for sql in steps:
        before = _counter(conn)
        conn.execute(sql)
        assert _counter(conn) == before + 1, sql
    assert conn.execute("SELECT COUNT(*) FROM change_counters WHERE scope IS NULL").fetchone()[0] == 0


def test_databases_of_every_earlier_version_migrate(tmp_path, monkeypatch):
    for version in range(1, len(schema.MIGRATIONS)):
        path = tmp_path / f"v{version}.db"
        _old_database(path, schema.MIGRATIONS[:version], monkeypatch)
        database = Database(path)
        _assert_current_and_counting(database.conn())
        database.close()
        assert (tmp_path / f"v{version}.db.v{version}.bak").exists()


def test_a_database_main_wrote_between_the_merges_migrates(tmp_path, monkeypatch):
    # Main then numbered the servers/tickets migration 3 and had neither change counters nor token digests.
    path = tmp_path / "main.db"
    _old_database(path, [*schema.MIGRATIONS[:2], schema.SERVERS_TICKETS], monkeypatch)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO payments (id, invoice_id, user_id, method, amount, status, checkout_token, created_at, "
                 "updated_at) VALUES ('p', 'i', 'u', 'stripe', '1.00', 'pending', 'tok', ?, ?)", (T, T))
    conn.commit()
    conn.close()

    database = Database(path)
    conn = database.conn()
    _assert_current_and_counting(conn)
    assert conn.execute("SELECT checkout_token_hash FROM payments WHERE id = 'p'").fetchone()[0] != "tok"
    database.close()
