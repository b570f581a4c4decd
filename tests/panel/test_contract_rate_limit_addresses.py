"""The rate limit per address ("429 with Retry-After ... Clients honour Retry-After") holds for IPv6 clients too.

Without a credential the panel had accepted, a client was limited per exact address. Over IPv6 one host or home
line holds a whole /64, 2^64 addresses, so a client could take a fresh allowance with every request (and add a row
to the limiter's table each time). An IPv6 client is now limited by its /64; IPv4 addresses, also those mapped into
IPv6 by a dual-stack socket, stay one address each.
"""
from __future__ import annotations

from starlette.requests import Request

from panel.app import _client_key
from panel.ratelimit import RateLimiter


def _key(host: str, authorization: str | None = None) -> str:
    headers = [(b"authorization", authorization.encode())] if authorization else []
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "client": (host, 40000)})
    return _client_key(request, RateLimiter(10))


def test_addresses_of_one_ipv6_64_share_one_allowance():
    assert _key("2001:db8:1:2::1") == _key("2001:db8:1:2:ffff:ffff:ffff:ffff") == _key("2001:db8:1:2::abcd")
    assert _key("2001:db8:1:2::1") != _key("2001:db8:1:3::1")


def test_ipv4_addresses_stay_one_each():
    assert _key("192.0.2.1") != _key("192.0.2.2")
    assert _key("::ffff:192.0.2.1") == _key("192.0.2.1")


def test_a_credential_the_panel_never_accepted_counts_against_the_address():
    assert _key("2001:db8::1", "Bearer made-up") == _key("2001:db8::2")
