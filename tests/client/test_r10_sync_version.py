"""The change check (`GET /sync/state`) lets a poll stop at one request when the panel's `version` is the one the
cache holds. A version that is no text, or text with nothing in it ("", spaces, only direction controls, which
Sett strips from a panel's text), names no version: kept, it matched itself on every later poll, and a panel that
kept sending it was never synced again, whatever changed. Such a check now gives way to the full sync and nothing
of it is kept, so the next poll syncs too. Canned answers through the real client, sync engine and cache."""
from __future__ import annotations

import json

import pytest

from app.api import PanelClient
from app.cache import AccountCache
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession

INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]


class Panel:
    def __init__(self, version) -> None:
        self.version = version
        self.status = "paid"
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.path == "/sync/state":
            value = {"data": {"version": self.version, "server_time": hostile.now_text()}}
        elif sent.path == "/billing/invoices":
            stamp = "2026-03-01T00:00:00Z" if self.status == "paid" else "2026-03-02T00:00:00Z"
            value = {"data": [{**INVOICE, "status": self.status, "updated_at": stamp}],
                     "meta": {"current_page": 1, "total_pages": 1, "server_time": hostile.now_text()}}
        else:
            value = hostile.healthy_body(sent.path)
        if value is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json"})


def sync(panel: Panel, path):
    with PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None) as client, \
            AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


@pytest.mark.parametrize("version", ["", "   ", "\u202e", "\u2066\u2069", True, {"v": 1}, [1]])
def test_a_version_that_names_none_is_never_kept_and_every_poll_syncs(tmp_path, version):
    path = tmp_path / "cache.sqlite3"
    panel = Panel(version)
    sync(panel, path)
    with AccountCache(path) as cache:
        assert not cache.config("sync_version")
    panel.status = "refunded"                       # the panel changed; its version says the same nothing
    changes = sync(panel, path)
    assert changes.counts.get("invoices") == 1
    with AccountCache(path) as cache:
        assert cache.invoice("inv-1")["status"] == "refunded"


@pytest.mark.parametrize("version", ["v7", 7, "7-1-2"])
def test_a_version_that_is_one_still_ends_an_unchanged_poll_at_one_request(tmp_path, version):
    path = tmp_path / "cache.sqlite3"
    panel = Panel(version)
    sync(panel, path)
    panel.session.sent.clear()
    assert sync(panel, path).requests == 1
    assert [s.path for s in panel.session.sent] == ["/sync/state"]
