"""An id is what names a record to the panel (it goes into the path of every read and action on it): one of only
spaces or other white space names nothing, and was kept as a row's id (read back as `/billing/invoices/%20`). It
is refused like an empty one now, by name, the cache as it was. Canned answers through the real client, sync
engine and cache (no sockets)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.api import BadAnswer, PanelClient
from app.cache import AccountCache
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": "2026-03-01T00:00:00Z"}


def panel(invoices: list | None = None) -> CannedSession:
    def answer(sent) -> Canned:
        if sent.path == "/billing/invoices" and invoices is not None:
            value = {"data": invoices, "meta": {"current_page": 1, "total_pages": 1}}
        else:
            value = hostile.healthy_body(sent.path)
        if value is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json"})
    return CannedSession(answer)


def sync(session, path):
    with PanelClient("http://panel.test", session=session, sleep=lambda s: None) as client, \
            AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("invoices", "sync_state")]  # noqa: S608
    finally:
        conn.close()


@pytest.mark.parametrize("ident", [" ", "   ", "\u00a0", "\u3000"])
def test_an_id_of_white_space_is_refused_by_name_and_changes_nothing(tmp_path, ident):
    path = tmp_path / "cache.sqlite3"
    sync(panel(), path)
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        sync(panel([{**INVOICE, "id": ident}]), path)
    assert caught.value.field == "[0].id"
    assert dump(path) == before


@pytest.mark.parametrize("ident", ["inv 1", "7", "a-b_c.d"])
def test_an_id_with_text_in_it_is_kept(tmp_path, ident):
    path = tmp_path / "cache.sqlite3"
    sync(panel([{**INVOICE, "id": ident}]), path)
    with AccountCache(path) as cache:
        assert cache.invoice(ident) is not None
