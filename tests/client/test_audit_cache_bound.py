"""A panel that sends new rows at every poll (new notifications, new credit transactions, made-up invoices): each
sync is bounded, but before nothing bounded the table, and the cache file grew for as long as Sett ran. A synced
table now keeps at most `MAX_CACHED_ROWS` rows: the newest in the panel's own order, unpaid invoices first."""
from __future__ import annotations

import itertools
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from app.cache import AccountCache, CacheChanges
from app.cache import apply as cache_apply

from . import hostile
from .hostile import HostilePanel, page

LIMIT = 30
REAL_BOUND = cache_apply.MAX_CACHED_ROWS
REAL_NOTIFICATIONS = cache_apply.MAX_CACHED_NOTIFICATIONS
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _small_bound(monkeypatch):
    monkeypatch.setattr(cache_apply, "MAX_CACHED_ROWS", LIMIT)
    monkeypatch.setattr(cache_apply, "MAX_CACHED_NOTIFICATIONS", LIMIT)


def _stamp(n: int) -> str:
    return (START + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _count(path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def test_new_rows_at_every_poll_never_grow_a_table_past_its_bound(panel, tmp_path):
    counter = itertools.count()

    def fresh_notifications(handler) -> None:
        rows = []
        for _ in range(20):
            n = next(counter)
            rows.append({"uuid": f"n-{n}", "type": "billing", "title": f"Spam {n}", "message": "m",
                         "action_url": None, "read": False, "created_at": _stamp(n)})
        page(rows)(handler)

    panel.faults["/notifications"] = fresh_notifications
    path = tmp_path / "cache.sqlite3"
    for _ in range(6):
        hostile.synced(panel, path, sleeps=lambda _s: None)
        assert _count(path, "notifications") <= LIMIT

    assert _count(path, "notifications") == LIMIT
    with AccountCache(path) as cache:
        kept = [row["uuid"] for row in cache.notifications()]
    assert kept == [f"n-{n}" for n in range(119, 119 - LIMIT, -1)]      # the newest, newest first
    assert _count(path, "invoices") == len(hostile.LIST_ROWS["/billing/invoices"])   # other tables untouched


def test_unpaid_invoices_are_kept_before_paid_ones(tmp_path):
    def invoice(n: int, status: str) -> dict:
        return {"id": f"inv-{n}", "invoice_number": f"INV-{n:04d}", "status": status,
                "issue_date": f"2026-01-{1 + n % 28:02d}", "due_date": "2026-02-01", "total": "1.00",
                "balance_due": "1.00" if status != "paid" else "0.00",
                "currency": "EUR", "updated_at": _stamp(n)}

    with AccountCache(tmp_path / "c.sqlite3") as cache:
        old_due = [invoice(n, "overdue") for n in range(5)]           # the oldest issue dates
        cache.apply(CacheChanges(upserts={"invoices": old_due}))
        cache.apply(CacheChanges(upserts={"invoices": [invoice(n, "paid") for n in range(5, 60)]}))
        rows = cache.invoice_rows()
    assert len(rows) == LIMIT
    assert {r["id"] for r in old_due} <= {r["id"] for r in rows}


def test_the_cart_and_the_outbox_are_never_dropped(tmp_path):
    with AccountCache(tmp_path / "c.sqlite3") as cache:
        cache.apply(CacheChanges(upserts={"outbox": [{"id": f"k-{n}", "position": n, "kind": "mark_read",
                                                      "status": "queued"} for n in range(LIMIT + 5)]}))
        assert len(cache.outbox()) == LIMIT + 5


def test_the_real_bound_holds_a_whole_list():
    """No real account loses a row: a whole list (the most pages a sync reads, 100 rows each) fits."""
    from app.api import limits
    from app.sync.engine import PER_PAGE

    assert limits.MAX_PAGES * PER_PAGE <= REAL_BOUND


def test_notifications_keep_fewer_rows_than_the_other_tables(tmp_path, monkeypatch):
    """Only the newest notifications matter, and they are read whole at every change."""
    monkeypatch.setattr(cache_apply, "MAX_CACHED_ROWS", 1_000)
    monkeypatch.setattr(cache_apply, "MAX_CACHED_NOTIFICATIONS", 10)
    assert REAL_NOTIFICATIONS < REAL_BOUND
    rows = [{"uuid": f"n-{n}", "type": "billing", "title": "t", "message": "m", "read": False,
             "created_at": _stamp(n)} for n in range(25)]
    transactions = [{"id": f"c-{n}", "amount": "1.00", "type": "adjustment", "created_at": _stamp(n)}
                    for n in range(25)]
    with AccountCache(tmp_path / "c.sqlite3") as cache:
        cache.apply(CacheChanges(upserts={"notifications": rows, "credit_transactions": transactions}))
        assert [r["uuid"] for r in cache.notifications()] == [f"n-{n}" for n in range(24, 14, -1)]
        assert len(cache.credit_transactions()) == 25
