"""An ETag is sent back as If-None-Match, where `*` matches whatever the panel has and a comma separates several
tags (RFC 9110): a panel (or a proxy before it) that answered a list with `ETag: *`, or with two tags, had Sett
send them back, and every later request of that list was answered 304 ("unchanged") by any server that keeps
HTTP's rules, so the list never synced again. Neither is an entity tag, and neither is kept now: the next request
asks without one. Canned answers through the real client, sync engine and cache."""
from __future__ import annotations

import json

import pytest

from app.api import PanelClient
from app.cache import AccountCache, CacheChanges
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession

INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]


class Panel:
    """Answers the invoices list with `etag`; an If-None-Match of `*` or naming that tag is answered 304, as HTTP
    says. Every /sync/state answer is a new version, so each poll syncs."""

    def __init__(self, etag: str) -> None:
        self.etag = etag
        self.status = "paid"
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.path == "/billing/invoices":
            asked = [tag.strip() for tag in sent.headers.get("If-None-Match", "").split(",") if tag.strip()]
            if "*" in asked or self.etag in asked:
                return Canned(304, b"", {"ETag": self.etag})
            value = {"data": [{**INVOICE, "status": self.status,
                               "updated_at": f"2026-03-0{1 if self.status == 'paid' else 2}T00:00:00Z"}],
                     "meta": {"current_page": 1, "total_pages": 1, "server_time": hostile.now_text()}}
            return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json", "ETag": self.etag})
        if sent.path == "/sync/state":
            value = {"data": {"version": hostile.now_text(), "server_time": hostile.now_text()}}
        else:
            value = hostile.healthy_body(sent.path)
        if value is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json"})


def sync(panel: Panel, path):
    with PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None) as client, \
            AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


@pytest.mark.parametrize("etag", ["*", '"a", "b"', 'W/"a",W/"b"', " * "])
def test_a_wildcard_or_a_list_of_tags_is_not_kept_and_the_list_keeps_syncing(tmp_path, etag):
    path = tmp_path / "cache.sqlite3"
    panel = Panel(etag)
    sync(panel, path)
    with AccountCache(path) as cache:
        assert cache.sync_state("invoices")["etag"] is None
    panel.status = "refunded"
    assert sync(panel, path).counts.get("invoices") == 1
    with AccountCache(path) as cache:
        assert cache.invoice("inv-1")["status"] == "refunded"


@pytest.mark.parametrize("etag", ['"v1"', 'W/"v1"', '"*"', "v1-bare"])
def test_a_tag_is_still_kept_and_sent_back(tmp_path, etag):
    path = tmp_path / "cache.sqlite3"
    panel = Panel(etag)
    sync(panel, path)
    panel.session.sent.clear()
    sync(panel, path)
    (asked,) = [s.headers.get("If-None-Match") for s in panel.session.sent if s.path == "/billing/invoices"]
    assert asked == etag


@pytest.mark.parametrize("etag", ["*", 'W/"a",W/"b"'])
def test_such_a_tag_a_cache_kept_before_is_not_sent(tmp_path, etag):
    path = tmp_path / "cache.sqlite3"
    panel = Panel('"v1"')
    sync(panel, path)
    with AccountCache(path) as cache:             # as an earlier Sett kept it
        cache.apply(CacheChanges(sync_state={"invoices": {**cache.sync_state("invoices"), "etag": etag}}))
    panel.status = "refunded"
    panel.session.sent.clear()
    sync(panel, path)
    assert all(s.headers.get("If-None-Match") in (None, '"v1"') for s in panel.session.sent)
    with AccountCache(path) as cache:
        assert cache.invoice("inv-1")["status"] == "refunded"
