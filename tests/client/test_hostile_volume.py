"""A panel whose pages are each within the per-answer limit (8 MiB) but add up without end: 2,000 pages (the page
limit) of 8 MiB are 16 GiB, and a sync holds every page of a list until its one write. The answers one sync reads
are now bounded in total (`limits.MAX_SYNC_BYTES`), as are those of a call that pages through a list outside a
sync; the limit is made small here so the test reads a few hundred KB instead of gigabytes."""
from __future__ import annotations

import json
import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest

from app.api import AnswerTooLarge, PanelClient
from app.api import body as body_module
from app.api.limits import MAX_SYNC_BYTES
from app.cache import AccountCache
from app.sync import SyncEngine

from . import hostile
from .hostile import HostilePanel, raw

LIMIT = 1_000_000
INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]


def heavy_page(pages: int) -> hostile.Fault:
    """A ~340 KB page, numbered as asked and holding its own rows, of a list claiming `pages` pages (the same rows
    on every page are refused at page 2 as page 1 again, app.api.paging)."""
    def fault(handler) -> None:
        asked = int(parse_qs(urlsplit(handler.path).query).get("page", ["1"])[0])
        rows = [{**INVOICE, "id": f"inv-{(asked - 1) * 100 + n}", "note": "x" * 3000,
                 "updated_at": "2026-01-02T00:00:00Z"} for n in range(100)]
        meta = {"current_page": asked, "total_pages": pages}
        raw(200, json.dumps({"data": rows, "meta": meta}).encode())(handler)
    return fault


@pytest.fixture
def small_budget(monkeypatch):
    monkeypatch.setattr(body_module.ReadBudget.__init__, "__defaults__", (LIMIT,))


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


def rows_of(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in sorted(tables)}
    finally:
        conn.close()


def sync(panel, path, sleeps):
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client, AccountCache(path) as cache:
        result = SyncEngine(client, cache).run()
        assert client.read_budget is None        # the sync's budget ends with it
        return result


def test_pages_that_add_up_without_end_stop_the_sync_at_its_budget(panel, tmp_path, sleeps, small_budget):
    path = tmp_path / "cache.sqlite3"
    sync(panel, path, sleeps)
    before = rows_of(path)
    panel.faults["/billing/invoices"] = heavy_page(2000)
    panel.seen.clear()
    with pytest.raises(AnswerTooLarge, match="added up to more than"):
        sync(panel, path, sleeps)
    assert panel.seen.count("/billing/invoices") <= 4        # ~300 KB each: stopped past 1 MB, not at page 2,000
    assert rows_of(path) == before
    panel.faults.clear()
    sync(panel, path, sleeps)                                  # the next sync has a budget of its own


def test_a_list_read_whole_outside_a_sync_is_bounded_too(panel, sleeps, small_budget):
    panel.faults["/billing/services/svc-1/invoices"] = heavy_page(2000)
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client:
        with pytest.raises(AnswerTooLarge):
            client.service_invoices("svc-1")
        assert client.read_budget is None
        assert panel.seen.count("/billing/services/svc-1/invoices") <= 4
        panel.faults["/billing/services/svc-1/invoices"] = heavy_page(2)   # ~700 KB in all: within the budget
        assert len(client.service_invoices("svc-1")) == 200


def test_the_budget_leaves_room_for_the_largest_account_the_app_is_built_for():
    # 50,000 invoices at ~350 bytes each as sent (tests/client: a page of 100 is ~35 KB), with as many orders and
    # credit transactions in the same first sync, is ~60 MB.
    assert MAX_SYNC_BYTES >= 2 * 60 * 1024 * 1024
