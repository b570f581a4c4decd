"""The panel's database file: WAL, foreign keys, migrations with a copy kept first, refusal of what it cannot use."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from panel import db as db_module
from panel.db import Database, DatabaseError


def test_a_new_database_is_wal_with_foreign_keys_at_the_latest_schema(tmp_path):
    database = Database(tmp_path / "panel.db")
    conn = database.conn()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(db_module.MIGRATIONS)
    database.close()


def test_migrating_a_database_that_holds_data_keeps_a_copy_first(tmp_path, monkeypatch):
    path = tmp_path / "panel.db"
    database = Database(path)
    with database.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
    database.close()
    version = len(db_module.MIGRATIONS)
    monkeypatch.setattr(db_module, "MIGRATIONS", [*db_module.MIGRATIONS, "ALTER TABLE meta ADD COLUMN note TEXT;"])

    migrated = Database(path)

    conn = migrated.conn()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version + 1
    assert tuple(conn.execute("SELECT value, note FROM meta WHERE key = 'kept'").fetchone()) == ("yes", None)
    backup = sqlite3.connect(tmp_path / f"panel.db.v{version}.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    assert backup.execute("SELECT value FROM meta WHERE key = 'kept'").fetchone() == ("yes",)
    backup.close()
    migrated.close()


def test_a_failed_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "panel.db"
    Database(path).close()
    version = len(db_module.MIGRATIONS)
    monkeypatch.setattr(db_module, "MIGRATIONS", [*db_module.MIGRATIONS, "CREATE TABLE fine (x); SELECT nonsense("])

    with pytest.raises(DatabaseError, match="cannot migrate"):
        Database(path)

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fine'").fetchone()[0] == 0
    conn.close()


def test_a_write_that_fails_leaves_no_trace(tmp_path):
    database = Database(tmp_path / "panel.db")
    with pytest.raises(RuntimeError), database.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('half', 'done')")
        raise RuntimeError("crash mid-way")
    assert database.conn().execute("SELECT COUNT(*) FROM meta WHERE key = 'half'").fetchone()[0] == 0
    database.close()


def test_writers_take_the_write_lock_in_arrival_order():
    # SQLite's busy handler let late writers overtake early ones; the panel's own queue must not.
    lock = db_module.FifoLock()
    lock.acquire()
    order: list[int] = []
    threads = []
    for n in range(8):
        def writer(n=n) -> None:
            lock.acquire()
            order.append(n)
            lock.release()
        thread = threading.Thread(target=writer)
        thread.start()
        threads.append(thread)
        while len(lock._waiters) < n + 1:  # each writer is queued before the next arrives
            time.sleep(0.001)
    lock.release()
    for thread in threads:
        thread.join(10)
    assert order == list(range(8))
    lock.acquire()  # free again once the queue drained
    lock.release()
