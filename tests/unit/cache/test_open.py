"""Opening an account's cache: a new file, a file from a newer Sett, a damaged file, and rebuilding."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from app.cache import AccountCache, CacheChanges, CacheDamaged, CacheError, CacheTooNew, latest_version

from . import samples
from .crash import ROOT, run_and_die


def _snapshot(path):
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def test_a_new_cache_creates_its_folders_in_wal_mode(cache_path):
    assert not cache_path.parent.exists()
    with AccountCache(cache_path) as cache:
        assert cache.version == latest_version()
        conn = cache._db.conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert cache.invoices() == [] and cache.config("billing_config") is None
    check = sqlite3.connect(cache_path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert check.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    check.close()
    assert cache.backup is None
    assert sorted(os.listdir(cache_path.parent)) == ["cache.sqlite3"]


def test_rows_survive_closing_and_reopening(cache_path):
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1)]}))
    with AccountCache(cache_path) as cache:
        assert cache.invoice("inv-1") == samples.invoice(1)
        assert cache.backup is None


def test_a_file_from_a_newer_sett_is_refused_and_left_unchanged(cache_path):
    AccountCache(cache_path).close()
    raw = sqlite3.connect(cache_path)
    raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
    raw.commit()
    raw.close()
    before = _snapshot(cache_path)

    with pytest.raises(CacheTooNew, match="newer version of Sett") as caught:
        AccountCache(cache_path)

    assert str(cache_path) in str(caught.value)
    assert _snapshot(cache_path) == before    # same bytes, same mtime, no backup or -wal/-shm left behind


def test_a_newer_file_with_an_unsaved_log_is_refused_without_touching_the_file(cache_path):
    AccountCache(cache_path).close()
    # A newer Sett that crashed: its upgrade sits in the write-ahead log, not yet in the main file.
    run_and_die(f"""
        import sqlite3
        conn = sqlite3.connect({str(cache_path)!r})
        conn.execute("PRAGMA user_version = {latest_version() + 5}")
        conn.commit()
    """)
    assert os.path.getsize(str(cache_path) + "-wal") > 0
    main_bytes = cache_path.read_bytes()

    with pytest.raises(CacheTooNew):
        AccountCache(cache_path)

    assert cache_path.read_bytes() == main_bytes


def test_random_bytes_are_refused_as_damaged_and_left_untouched(cache_path):
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(os.urandom(8192))
    before = _snapshot(cache_path)

    with pytest.raises(CacheDamaged, match="The cache for this account is damaged"):
        AccountCache(cache_path)

    assert _snapshot(cache_path) == before


def test_a_truncated_database_is_refused_as_damaged_and_left_untouched(cache_path):
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(n) for n in range(500)]}))
    whole = cache_path.read_bytes()
    cache_path.write_bytes(whole[: len(whole) // 2])
    before = _snapshot(cache_path)

    with pytest.raises(CacheDamaged, match="damaged"):
        AccountCache(cache_path)

    assert _snapshot(cache_path) == before


def test_a_garbled_schema_page_is_refused_as_damaged(cache_path):
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"categories": [samples.category(1)]}))
    data = bytearray(cache_path.read_bytes())
    data[100:4096] = os.urandom(3996)
    cache_path.write_bytes(bytes(data))
    before = _snapshot(cache_path)

    with pytest.raises(CacheDamaged):
        AccountCache(cache_path)

    assert _snapshot(cache_path) == before


def test_damage_found_while_reading_is_reported_as_damage(cache_path):
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(n) for n in range(500)]}))
    data = bytearray(cache_path.read_bytes())
    data[len(data) // 2: -4096] = os.urandom(len(data) - 4096 - len(data) // 2)
    cache_path.write_bytes(bytes(data))

    with pytest.raises(CacheDamaged, match="rebuilt"), AccountCache(cache_path) as cache:
        cache.invoices()


def test_rebuild_moves_the_damaged_file_aside_and_starts_afresh(cache_path):
    cache_path.parent.mkdir(parents=True)
    garbage = os.urandom(4096)
    cache_path.write_bytes(garbage)

    with AccountCache.rebuild(cache_path) as cache:
        assert cache.damaged_copy.name.startswith("cache.sqlite3.damaged-")
        assert cache.damaged_copy.read_bytes() == garbage
        cache.apply(CacheChanges(upserts={"categories": [samples.category(1)]}))
        assert cache.categories() == [samples.category(1)]

    with AccountCache.rebuild(cache_path) as again:   # a second rebuild in the same second keeps both copies
        assert again.damaged_copy != cache.damaged_copy
        assert cache.damaged_copy.read_bytes() == garbage
        assert again.categories() == []


def test_a_folder_where_the_file_should_be_is_a_cache_error(cache_path):
    cache_path.mkdir(parents=True)
    with pytest.raises(CacheError, match="folder"):
        AccountCache(cache_path)


def test_each_thread_opens_its_own_instance_and_sees_the_others_writes(cache):
    def sync_worker():
        with AccountCache(cache.path) as own:
            own.apply(CacheChanges(upserts={"services": [samples.service(1)]}))

    worker = threading.Thread(target=sync_worker)
    worker.start()
    worker.join()
    assert [row["id"] for row in cache.services()] == ["svc-1"]

    errors = []

    def borrow_the_ui_threads_instance():
        try:
            cache.services()
        except CacheError as exc:
            errors.append(exc)

    stray = threading.Thread(target=borrow_the_ui_threads_instance)
    stray.start()
    stray.join()
    assert len(errors) == 1   # sharing one instance across threads is refused, not silently allowed


def test_closing_twice_is_harmless_and_a_closed_cache_refuses_reads(cache_path):
    cache = AccountCache(cache_path)
    cache.close()
    cache.close()
    with pytest.raises(CacheError):
        cache.invoices()


def test_the_cache_package_never_imports_qt():
    code = "import sys, app.cache; sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
