"""Migration 3 rebuilds `servers` (its status CHECK grows to the contract's five): rows of an older panel survive."""
from __future__ import annotations

import sqlite3

import pytest

from panel import db as db_module
from panel.db import Database


def test_servers_of_a_version_2_database_keep_their_rows_and_gain_address_columns(tmp_path, monkeypatch):
    path = tmp_path / "panel.db"
    monkeypatch.setattr(db_module, "MIGRATIONS", db_module.MIGRATIONS[:2])
    old = Database(path)
    with old.write() as conn:
        conn.execute("INSERT INTO users (id, email, username, password_hash, created_at, updated_at) "
                     "VALUES ('u', 'u@x.test', 'u', 'h', 't', 't')")
        conn.execute("INSERT INTO services (id, user_id, product_id, product_name, billing_cycle, recurring_amount, "
                     "currency, status, created_at, updated_at) VALUES ('s', 'u', 'p', 'P', 'monthly', '1.00', "
                     "'USD', 'active', 't', 't')")
        conn.execute("INSERT INTO servers (id, service_id, user_id, name, status, resources, created_at, updated_at) "
                     "VALUES ('v', 's', 'u', 'Old server', 'suspended', '{}', 't', 't')")
    old.close()
    monkeypatch.undo()

    conn = Database(path).conn()
    row = conn.execute("SELECT name, status, ip, port, node FROM servers WHERE id = 'v'").fetchone()
    assert tuple(row) == ("Old server", "suspended", None, None, "")
    conn.execute("UPDATE servers SET status = 'offline' WHERE id = 'v'")  # a status the old CHECK refused
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE servers SET status = 'exploded' WHERE id = 'v'")
