"""A panel (or a proxy in front of it) that sets cookies: the API authenticates with a bearer, so none is kept.
Before, the client's session kept every Set-Cookie and sent them back with each request: 90 cookies of 3 KB in
one answer made every later request of that client too large for the server (431, "does not look like a billing
panel") for as long as the client lived, and new cookie names on each answer grew the jar without end."""
from __future__ import annotations

import json

import pytest

from app.api import PanelClient

from . import hostile
from .hostile import HostilePanel


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


def cookie_storm(handler) -> None:
    body = json.dumps({"data": hostile.OBJECTS["/billing/credits"]}).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Connection", "close")
    for n in range(90):
        handler.send_header("Set-Cookie", f"c{len(cookie_storm.sent)}_{n}={'x' * 3000}; Path=/")
    handler.end_headers()
    handler.wfile.write(body)
    cookie_storm.sent.append(handler.headers.get("Cookie"))


cookie_storm.sent = []


def test_cookies_a_panel_sets_are_never_kept_or_sent_back(panel, sleeps):
    cookie_storm.sent.clear()
    panel.faults["/billing/credits"] = cookie_storm
    with PanelClient(panel.url, sleep=sleeps) as client:
        for _ in range(3):
            assert client.credits() == hostile.OBJECTS["/billing/credits"]
        assert len(client._session.cookies) == 0
    assert cookie_storm.sent == [None, None, None]
