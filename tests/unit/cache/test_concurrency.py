"""The UI thread and a sync worker each open the same account's file, often at the same moment."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from app.cache import AccountCache, CacheChanges, Migration, schema

from . import samples


@pytest.fixture(autouse=True)
def only_the_first_step(monkeypatch):
    """These tests exercise the migration machinery with a made-up step 2 on top of the first real one."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])



def _together(count, work):
    """Run work(i) on `count` threads released at the same instant; return what each raised (None if nothing)."""
    barrier = threading.Barrier(count)
    outcome: list[BaseException | None] = [None] * count

    def run(index):
        barrier.wait()
        try:
            work(index)
        except BaseException as exc:   # reported to the test below
            outcome[index] = exc

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


def test_two_threads_creating_the_same_new_cache_both_succeed(cache_path):
    def open_and_write(index):
        with AccountCache(cache_path) as cache:
            cache.apply(CacheChanges(upserts={"categories": [samples.category(index)]}))

    assert _together(2, open_and_write) == [None, None]
    with AccountCache(cache_path) as cache:
        assert sorted(row["id"] for row in cache.categories()) == ["cat-0", "cat-1"]


def test_two_threads_opening_an_old_file_upgrade_it_once(cache_path, monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])     # a file of the first step's version
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1)]}))
    runs = []

    def slow_step(db):
        runs.append(1)
        time.sleep(0.2)
        db["invoices"].add_column("note", str)

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, Migration(2, "notes", slow_step)])

    def open_and_read(index):
        with AccountCache(cache_path) as cache:
            assert cache.version == 2
            assert [row["id"] for row in cache.invoices()] == ["inv-1"]

    assert _together(2, open_and_read) == [None, None]
    assert runs == [1]
    backup = sqlite3.connect(cache_path.with_name("cache.sqlite3.v1.bak"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()


def test_writers_on_two_threads_wait_for_each_other_instead_of_failing(cache_path):
    AccountCache(cache_path).close()

    def write_many(index):
        with AccountCache(cache_path) as cache:
            for batch in range(20):
                rows = [samples.invoice(index * 1000 + batch * 10 + n) for n in range(10)]
                cache.apply(CacheChanges(upserts={"invoices": rows}))
                cache.invoice_rows(limit=5)

    assert _together(3, write_many) == [None, None, None]
    with AccountCache(cache_path) as cache:
        assert len(cache.invoice_rows()) == 600


def test_many_threads_opening_a_new_cache_at_once_all_succeed(tmp_path):
    """The UI and a sync worker open a brand-new account's cache together; none may be told it is locked."""
    import threading

    from app.cache import AccountCache

    for round_ in range(15):
        path = tmp_path / f"round{round_}" / "cache.sqlite3"
        barrier = threading.Barrier(6)
        errors: list[BaseException] = []

        def open_it(path=path, barrier=barrier, errors=errors) -> None:
            barrier.wait()
            try:
                AccountCache(path).close()
            except BaseException as exc:  # noqa: BLE001 - the test reports whatever went wrong
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
