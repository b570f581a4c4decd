"""A JSON body on /api/v1 is parsed once: the JSON guard's parse is the one the route reads (FastAPI used to parse
it a second time). Driven in-process through the ASGI app, counting json.loads calls on the body's bytes."""
from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest
from fastapi.routing import APIRoute

from panel.app import create_app
from panel.routes import ALL_ROUTERS
from panel.server import open_panel
from panel.state import ServerOptions


@pytest.fixture
def app(tmp_path):
    return create_app(open_panel(str(tmp_path / "panel.sqlite3"), ServerOptions(jobs_interval=0)))


def call(app, method: str, path: str, body: bytes, content_type: str | None = "application/json") -> tuple[int, dict]:
    headers = [(b"host", b"127.0.0.1:8000"), (b"content-length", str(len(body)).encode())]
    if content_type:
        headers.append((b"content-type", content_type.encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers,
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
    sent = [{"type": "http.request", "body": body, "more_body": False}]
    out: list[dict] = []

    async def receive():
        return sent.pop(0) if sent else {"type": "http.disconnect"}

    async def send(message):
        out.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in out if m["type"] == "http.response.start")
    text = b"".join(m.get("body", b"") for m in out if m["type"] == "http.response.body")
    return status, json.loads(text) if text else {}


@pytest.fixture
def parses(monkeypatch) -> list[bytes]:
    """Every json.loads of request bytes from now on (the panel's own JSON columns are str, not bytes)."""
    seen: list[bytes] = []
    real = json.loads

    def counting(s, *args, **kwargs):
        if isinstance(s, bytes | bytearray):
            seen.append(bytes(s))
        return real(s, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    return seen


def test_a_body_is_parsed_once_and_the_route_reads_it(app, parses):
    body = b'{"email": "nobody@example.com", "password": "wrong password"}'
    status, answer = call(app, "POST", "/api/v1/auth/login", body)
    assert status == 401, answer  # the route read the email and password the guard parsed
    assert parses.count(body) == 1


def test_a_body_without_content_type_is_parsed_once_too(app, parses):
    body = b'{"email": "nobody@example.com", "password": "wrong password"}'
    assert call(app, "POST", "/api/v1/auth/login", body, content_type=None)[0] == 401
    assert parses.count(body) == 1


def test_what_the_guard_cannot_parse_is_still_fastapis_422(app, parses):
    status, answer = call(app, "POST", "/api/v1/auth/login", b'{"email": ')
    assert status == 422 and answer["error"]["code"] == "validation_error" and "body" in answer["error"]["details"]
    status, answer = call(app, "POST", "/api/v1/auth/login", b"   ")
    assert status == 422 and answer["error"]["code"] == "validation_error"
    status, answer = call(app, "POST", "/api/v1/auth/login", b'{"email": "a@b.c", "email": "d@e.f"}')
    assert status == 422 and "twice" in answer["error"]["message"]


def test_every_api_route_reads_the_guards_parse():
    """A router made without JsonRoute would still work (FastAPI parses again); this keeps them all on it."""
    def routes(router):
        for route in router.routes:
            if isinstance(route, APIRoute):
                yield route
            elif hasattr(route, "original_router"):  # an included router
                yield from routes(route.original_router)

    plain = [route.path for router in ALL_ROUTERS for route in routes(router)
             if type(route).__name__ != "JsonRoute"]
    assert plain == []


def test_a_json_number_is_read_as_the_decimal_it_writes_never_a_float(app):
    """A top-up of 10.0000000000000000001 has more places than the currency; as a float it was taken as 10.00."""
    from panel.json_guard import _read

    refusal, parsed = _read(b'{"amount": 10.0000000000000000001, "n": 3, "small": 0.1, "big": 1E1}')
    assert refusal is None
    assert parsed == {"amount": Decimal("10.0000000000000000001"), "n": 3, "small": Decimal("0.1"), "big": Decimal(10)}
    assert type(parsed["n"]) is int and type(parsed["small"]) is Decimal
