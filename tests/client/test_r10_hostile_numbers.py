"""A JSON number no panel sends is refused as what it is: an answer Sett does not understand, naming the number,
with the cache as it was. A whole number of thousands of digits (JSON sets no length) was read as "something
that is not JSON", so the account said its address was no billing panel at all, as 1e400 or a 200-digit
fraction already is not. Canned answers through the real client, sync engine and cache (no sockets)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.api import BadAnswer, PanelClient
from app.api.envelope import parse_body
from app.cache import AccountCache
from app.session.wording import explain
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": "2026-03-01T00:00:00Z"}


def sync(session, path):
    with PanelClient("http://panel.test", session=session, sleep=lambda s: None) as client, \
            AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()     # noqa: S608 - our names
                for t in ("invoices", "config", "sync_state")]
    finally:
        conn.close()


def panel(invoices: bytes | None = None) -> CannedSession:
    def answer(sent) -> Canned:
        if sent.path == "/billing/invoices" and invoices is not None:
            return Canned(200, invoices, {"Content-Type": "application/json"})
        healthy = hostile.healthy_body(sent.path)
        if healthy is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, json.dumps(healthy).encode(), {"Content-Type": "application/json"})
    return CannedSession(answer)


def listing(field: str, number: str) -> bytes:
    row = json.dumps(INVOICE)[:-1] + f', "{field}": {number}' + "}"
    return ('{"data": [' + row + '], "meta": {"current_page": 1, "total_pages": 1}}').encode()


@pytest.mark.parametrize(("field", "number"), [
    ("total", "9" * 5000),          # past Python's 4,300 digits for reading an int
    ("total", "-" + "1" * 4400),
    ("id", "7" * 4400),
])
def test_a_whole_number_no_panel_sends_is_refused_by_name_and_changes_nothing(tmp_path, field, number):
    path = tmp_path / "cache.sqlite3"
    sync(panel(), path)
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        sync(panel(listing(field, number)), path)
    assert dump(path) == before
    assert "sent the number" in str(caught.value) and "not JSON" not in str(caught.value)
    headline, _ = explain(caught.value)
    assert headline == "The panel sent an answer Sett does not understand."


def test_whole_numbers_a_panel_does_send_are_read_as_ever():
    parsed = parse_body(b'{"data": {"id": ' + b"7" * 200 + b', "count": -12, "amount": 12.99, "n": 0}}')
    assert parsed["data"]["id"] == int("7" * 200) and parsed["data"]["count"] == -12
    assert str(parsed["data"]["amount"]) == "12.99" and parsed["data"]["n"] == 0
