"""An ETag is kept (and sent back as If-None-Match) only when a header can carry it back: a panel that sends a
huge or garbled one gets the next request without it, instead of having every later request of that list
refused by its own server (431) for the size of a header Sett would keep sending."""
from __future__ import annotations

import pytest

from app.api import PanelClient
from app.api.limits import MAX_ETAG

from .canned_session import Canned, CannedSession, data

ROWS = b'{"data": [], "meta": {"current_page": 1, "total_pages": 1}}'


def ask(etag: str) -> tuple[str | None, str | None, list]:
    def answer(sent):
        if sent.path == "/sync/state":
            return data({"version": "v1", "server_time": "2026-12-05T10:00:00Z"}, ETag=etag)
        return Canned(200, ROWS, {"Content-Type": "application/json", "ETag": etag})

    session = CannedSession(answer)
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None) as client:
        _state, state_etag = client.sync_state()
        page = client.synced_list("invoices")
    return state_etag, page.etag, session.sent


@pytest.mark.parametrize("etag", ['"v1"', 'W/"5f3c-9a1"', '"' + "a" * (MAX_ETAG - 2) + '"'])
def test_an_ordinary_etag_is_kept(etag):
    state_etag, page_etag, _sent = ask(etag)
    assert state_etag == etag and page_etag == etag


@pytest.mark.parametrize("etag", ['"' + "a" * MAX_ETAG + '"', '"' + "x" * 1_000_000 + '"', '"caf\u00e9"',
                                  '"a b"', ""])
def test_an_etag_a_header_cannot_carry_back_is_not_kept(etag):
    state_etag, page_etag, _sent = ask(etag)
    assert state_etag is None and page_etag is None


def test_the_next_poll_then_asks_without_one():
    state_etag, _page, _sent = ask('"' + "x" * 100_000 + '"')
    session = CannedSession(lambda sent: data({"version": "v1", "server_time": "2026-12-05T10:00:00Z"}))
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None) as client:
        client.sync_state(etag=state_etag)
    assert "If-None-Match" not in session.sent[0].headers
