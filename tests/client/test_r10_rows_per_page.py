"""A page holds the rows asked for (the contract lets a page hold at most 100): a panel that answers one page with
hundreds of thousands of small rows (6 MB, within the answer limit) cost a sync 36 s of checking and writing, and
2,000 such pages were hours. A page of more than `limits.MAX_PAGE_ROWS` rows is now refused before any row is
checked, and one read of a list stops past `limits.MAX_LIST_ROWS` rows (what 2,000 full pages hold, as many as
the cache keeps of a table), both in words, the cache unchanged. Canned answers through the real client, sync
engine and cache (no sockets)."""
from __future__ import annotations

import json
import sqlite3
import time
from urllib.parse import parse_qs

import pytest

from app.api import BadAnswer, PanelClient, TooManyPages
from app.api import paging as paging_module
from app.api.limits import MAX_LIST_ROWS, MAX_PAGE_ROWS, MAX_PAGES
from app.cache import AccountCache
from app.cache.apply import MAX_CACHED_ROWS
from app.session.wording import explain
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession

PATH = "/billing/credits/transactions"


def transactions(numbers) -> list[dict]:
    return [{"id": f"ct-{n}", "amount": "1.00", "type": "adjustment", "balance_after": "1.00",
             "created_at": "2026-01-01T00:00:00Z"} for n in numbers]


class Panel:
    def __init__(self) -> None:
        self.page = None       # a function of the page number asked, or None for hostile.py's healthy list
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.path == PATH and self.page is not None:
            value = self.page(int(parse_qs(sent.query).get("page", ["1"])[0]))
        else:
            value = hostile.healthy_body(sent.path)
        if value is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, json.dumps(value, separators=(",", ":")).encode(), {"Content-Type": "application/json"})

    def asked(self) -> int:
        return sum(1 for sent in self.session.sent if sent.path == PATH)


def sync(panel: Panel, path):
    with PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None) as client, \
            AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()     # noqa: S608 - our names
                for t in ("credit_transactions", "sync_state")]
    finally:
        conn.close()


@pytest.fixture
def synced(tmp_path):
    panel, path = Panel(), tmp_path / "cache.sqlite3"
    sync(panel, path)
    panel.session.sent.clear()
    return panel, path


def test_the_bounds_are_what_the_contract_and_the_cache_allow():
    assert MAX_PAGE_ROWS >= 10 * 100                 # ten times the most a page may hold
    assert MAX_LIST_ROWS == MAX_PAGES * 100 == MAX_CACHED_ROWS


def test_a_page_of_a_hundred_thousand_small_rows_is_refused_before_they_are_checked(synced):
    panel, path = synced
    panel.page = lambda number: {"data": [{"id": str(n)} for n in range(100_000)],
                                 "meta": {"current_page": 1, "total_pages": 1}}
    before = dump(path)
    started = time.monotonic()
    with pytest.raises(BadAnswer) as caught:
        sync(panel, path)
    assert time.monotonic() - started < 5            # 36 s for 400,000 rows before
    assert dump(path) == before
    assert caught.value.field == "data" and "100000" in str(caught.value).replace(",", "")
    assert explain(caught.value)[0] == "The panel sent an answer Sett does not understand."


def test_a_page_of_as_many_rows_as_the_bound_is_read(synced):
    panel, path = synced
    panel.page = lambda number: {"data": transactions(range(MAX_PAGE_ROWS)),
                                 "meta": {"current_page": 1, "total_pages": 1}}
    sync(panel, path)
    with AccountCache(path) as cache:
        assert len(cache.credit_transactions()) == MAX_PAGE_ROWS


def test_a_list_past_its_rows_stops_in_words_and_changes_nothing(synced, monkeypatch):
    monkeypatch.setattr(paging_module, "MAX_LIST_ROWS", 250)     # 2,000 pages of full pages, made small
    panel, path = synced
    panel.page = lambda number: {"data": transactions(range(number * 100, number * 100 + 100)),
                                 "meta": {"current_page": number, "total_pages": 2000}}
    before = dump(path)
    with pytest.raises(TooManyPages) as caught:
        sync(panel, path)
    assert panel.asked() == 3
    assert dump(path) == before
    assert "250" in str(caught.value)
