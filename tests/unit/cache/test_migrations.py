"""Upgrading an older cache file: a backup first, every step in one transaction, a failed step changes nothing."""
from __future__ import annotations

import sqlite3

import pytest

from app.cache import AccountCache, CacheChanges, CacheError, Migration, latest_version, schema

from . import samples
from .crash import run_and_die


@pytest.fixture(autouse=True)
def only_the_first_step(monkeypatch):
    """These tests exercise the migration machinery with a made-up step 2 on top of the first real one."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])



def _columns(path, table):
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def _scalar(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _add_invoice_notes(db):
    db["invoices"].add_column("note", str)
    db.execute("UPDATE invoices SET note = 'migrated'")


@pytest.fixture(autouse=True)
def first_step_only(monkeypatch):
    """These tests add steps after the first one; the real later steps have tests of their own."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])


@pytest.fixture
def with_v2(monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, Migration(2, "invoice notes", _add_invoice_notes)])
    assert latest_version() == 2


@pytest.fixture
def v1_file(cache_path):
    assert latest_version() == 1
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1), samples.invoice(2)]},
                                 sync_state={"invoices": {"etag": '"abc"'}}))
    return cache_path


def test_a_new_file_needs_no_backup(cache_path):
    AccountCache(cache_path).close()
    assert sorted(p.name for p in cache_path.parent.iterdir()) == ["cache.sqlite3"]


def test_v0_to_v1_backs_up_the_old_file_first(cache_path):
    cache_path.parent.mkdir(parents=True)
    old = sqlite3.connect(cache_path)
    old.execute("CREATE TABLE notes (text TEXT)")
    old.execute("INSERT INTO notes VALUES ('kept')")
    old.commit()
    old.close()

    with AccountCache(cache_path) as cache:
        assert cache.backup == cache_path.with_name("cache.sqlite3.v0.bak")
        assert cache.version == 1
        assert cache.invoices() == []

    assert _scalar(cache.backup, "SELECT text FROM notes") == "kept"
    assert _scalar(cache.backup, "SELECT count(*) FROM sqlite_master WHERE name = 'invoices'") == 0
    assert _scalar(cache.backup, "PRAGMA journal_mode") == "delete"     # one self-contained file
    assert _scalar(cache_path, "SELECT text FROM notes") == "kept"


def test_v1_to_v2_backs_up_then_upgrades_keeping_the_rows(v1_file, with_v2):
    with AccountCache(v1_file) as cache:
        assert cache.version == 2
        assert cache.backup == v1_file.with_name("cache.sqlite3.v1.bak")
        assert [row["id"] for row in cache.invoices()] == ["inv-2", "inv-1"]
        assert cache.sync_state("invoices")["etag"] == '"abc"'

    assert "note" in _columns(v1_file, "invoices")
    assert _scalar(v1_file, "SELECT count(*) FROM invoices WHERE note = 'migrated'") == 2
    assert _scalar(cache.backup, "PRAGMA user_version") == 1
    assert "note" not in _columns(cache.backup, "invoices")
    assert _scalar(cache.backup, "SELECT count(*) FROM invoices") == 2

    backup_written = cache.backup.stat().st_mtime_ns
    with AccountCache(v1_file) as again:      # already current: no second backup
        assert again.backup is None
    assert cache.backup.stat().st_mtime_ns == backup_written


def test_the_backup_includes_rows_still_in_the_write_ahead_log(v1_file, with_v2):
    run_and_die(f"""
        from app.cache import AccountCache, CacheChanges, schema
        from tests.unit.cache import samples
        del schema.MIGRATIONS[1:]     # the file stays at version 1, as in this test's process
        cache = AccountCache({str(v1_file)!r})
        cache.apply(CacheChanges(upserts={{"invoices": [samples.invoice(3)]}}))
    """)
    assert v1_file.with_name("cache.sqlite3-wal").stat().st_size > 0

    with AccountCache(v1_file) as cache:
        assert cache.version == 2

    assert _scalar(cache.backup, "SELECT count(*) FROM invoices") == 3


def test_a_failing_step_leaves_the_file_at_its_old_version(v1_file, monkeypatch):
    def broken(db):
        _add_invoice_notes(db)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, Migration(2, "broken", broken)])

    with pytest.raises(CacheError, match="from version 1 to 2: disk on fire. It was left at version 1"):
        AccountCache(v1_file)

    assert _scalar(v1_file, "PRAGMA user_version") == 1
    assert "note" not in _columns(v1_file, "invoices")
    assert v1_file.with_name("cache.sqlite3.v1.bak").exists()
    monkeypatch.undo()
    with AccountCache(v1_file) as cache:
        assert len(cache.invoices()) == 2


def test_a_v0_file_runs_every_step_in_order(cache_path, with_v2):
    with AccountCache(cache_path) as cache:
        assert cache.version == 2
    assert "note" in _columns(cache_path, "invoices")


def test_migration_steps_must_be_numbered_in_order(monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, Migration(3, "skips 2", _add_invoice_notes)])
    with pytest.raises(RuntimeError, match="expected 2"):
        latest_version()
