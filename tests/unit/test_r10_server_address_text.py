"""The server address a service page shows for connecting: a port no server listens on (0, negative, past 65535,
text that is no number, from a cache written before such ports were refused) is left out rather than shown as part
of an address someone would type into a game client."""
from __future__ import annotations

import pytest

from app.core.server_links import server_address_text


@pytest.mark.parametrize(("port", "shown"), [
    (25565, "203.0.113.5:25565"), ("25565", "203.0.113.5:25565"), (1, "203.0.113.5:1"),
    (65535, "203.0.113.5:65535"), (None, "203.0.113.5"), ("", "203.0.113.5"),
    (0, "203.0.113.5"), (-1, "203.0.113.5"), (65536, "203.0.113.5"), (10**9, "203.0.113.5"),
    ("abc", "203.0.113.5"), ("9" * 5000, "203.0.113.5"), ("080", "203.0.113.5:80"), (True, "203.0.113.5"),
    (25565.5, "203.0.113.5"), ({"n": 1}, "203.0.113.5"),
])
def test_only_a_port_a_server_can_listen_on_is_shown(port, shown):
    assert server_address_text({"ip": "203.0.113.5", "port": port}) == shown


def test_an_ipv6_address_keeps_its_brackets():
    assert server_address_text({"ip": "2001:db8::1", "port": 80}) == "[2001:db8::1]:80"
    assert server_address_text({"ip": "2001:db8::1", "port": -80}) == "[2001:db8::1]"
