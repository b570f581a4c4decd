"""A fake panel on 127.0.0.1 that answers a whole sync healthily, until a test gives one path a fault: an HTML
page, broken or wrong-shaped JSON, a gzip bomb, a body that never ends or drips, a 429 storm, a redirect.

Faults write raw HTTP, so the client meets them exactly as it would from a real server or proxy.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.api import PanelClient
from app.cache import AccountCache
from app.sync import SyncEngine

from .canned_session import Canned, CannedSession

Fault = Callable[[BaseHTTPRequestHandler], None]

HTML = b"<!doctype html><html><head><title>Sign in to the Wi-Fi</title></head><body>Captive portal</body></html>"
LIST_ROWS: dict[str, list[dict]] = {
    "/billing/categories": [{"id": "cat-1", "name": "Game servers", "slug": "games", "sort_order": 1,
                             "updated_at": "2026-01-01T00:00:00Z"}],
    "/billing/products": [{"id": "prod-1", "name": "Small", "slug": "small", "category": {"id": "cat-1"},
                           "pricing": [{"billing_cycle": "monthly", "price": "9.99"}], "sort_order": 1,
                           "updated_at": "2026-01-01T00:00:00Z"}],
    "/billing/services": [{"id": "svc-1", "product": {"id": "prod-1", "name": "Small"}, "status": "active",
                           "billing_cycle": "monthly", "recurring_amount": "9.99", "currency": "USD",
                           "next_due_date": "2026-02-01", "server": None, "order_id": "ord-1",
                           "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}],
    "/billing/invoices": [{"id": f"inv-{n}", "invoice_number": f"INV-{n}", "status": "paid",
                           "issue_date": "2026-01-01", "due_date": "2026-01-08", "paid_at": None,
                           "subtotal": "9.99", "tax_amount": "0.00", "total": "9.99", "balance_due": "0.00",
                           "currency": "USD", "order_id": "ord-1", "updated_at": "2026-01-01T00:00:00Z"}
                          for n in (1, 2)],
    "/billing/orders": [{"id": "ord-1", "order_number": "ORD-1", "status": "active", "invoice_id": "inv-1",
                         "service_ids": ["svc-1"], "created_at": "2026-01-01T00:00:00Z",
                         "updated_at": "2026-01-01T00:00:00Z"}],
    "/billing/credits/transactions": [{"id": "ct-1", "amount": "5.00", "type": "adjustment", "note": "",
                                       "invoice_id": None, "balance_after": "5.00",
                                       "created_at": "2026-01-01T00:00:00Z"}],
    "/notifications": [{"uuid": "n-1", "type": "billing", "title": "Paid", "message": "Thanks", "action_url": None,
                        "read": False, "created_at": "2026-01-01T00:00:00Z"}],
}
OBJECTS: dict[str, dict] = {
    "/settings/public": {"panel_name": "Hostile", "billing_enabled": True, "tickets_enabled": False,
                         "support_url": None},
    "/auth/me": {"id": "u-1", "email": "a@example.com", "username": "a", "first_name": "A", "last_name": "B"},
    "/billing/config": {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2},
                        "tax": {"enabled": False, "rate": "0", "inclusive": False}, "credits_enabled": True,
                        "gateways": {"stripe": {"enabled": True}}},
    "/billing/dashboard": {"active_services": 1, "pending_invoices": 0, "total_due": "0.00",
                           "next_due_date": "2026-02-01", "next_due_amount": "9.99", "credit_balance": "5.00"},
    "/billing/credits": {"enabled": True, "balance": "5.00", "currency": "USD"},
}


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def healthy_body(path: str) -> dict | None:
    if path in OBJECTS:
        return {"success": True, "data": OBJECTS[path]}
    if path in LIST_ROWS:
        return {"success": True, "data": LIST_ROWS[path],
                "meta": {"current_page": 1, "per_page": 100, "total": len(LIST_ROWS[path]), "total_pages": 1,
                         "server_time": now_text()}}
    return None


# -- faults -----------------------------------------------------------------------------------------------------
def raw(status: int, body: bytes, headers: dict[str, str] | None = None) -> Fault:
    def fault(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        # A server that hangs up after its answer says so (HTTP/1.1); without it, the client may send its next
        # request on the pooled connection before the hang-up arrives, and that request fails (seen under load).
        closing = {"Connection": "close"} if handler.close_connection else {}
        sent = {"Content-Type": "application/json", "Content-Length": str(len(body)), **closing, **(headers or {})}
        for name, value in sent.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
    return fault


def data(value: Any, meta: dict | None = None) -> Fault:
    body: dict[str, Any] = {"success": True, "data": value}
    if meta is not None:
        body["meta"] = meta
    return raw(200, json.dumps(body).encode())


def page(rows: Any, **meta: Any) -> Fault:
    return data(rows, {"current_page": 1, "total_pages": 1, "server_time": now_text(), **meta})


def text(body: str, status: int = 200, **headers: str) -> Fault:
    return raw(status, body.encode(), headers)


@cache
def _bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"0" * (1024 * 1024)
    return b"".join(packer.compress(zeros) for _ in range(256)) + packer.flush()   # 256 MiB in ~250 KB


# Packing 256 MiB takes ~1.4 s: made once as the tests are collected, not inside the request a test times (on a
# loaded machine's 2 cores it ate most of the client's 2 s deadline, and the bomb read as a timeout).
_bomb()


def gzip_bomb(handler: BaseHTTPRequestHandler) -> None:
    raw(200, _bomb(), {"Content-Encoding": "gzip"})(handler)


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A chunked body that never ends (until the client hangs up)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b" " * 65536
    try:
        opening = b'{"data": ['
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(opening), opening))
        while True:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    except OSError:
        return


def dripping(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte every 50 ms: each read succeeds, the whole never ends in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        for _ in range(100000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.05)
    except OSError:
        return


def slow(seconds: float, then: Fault) -> Fault:
    """Answer with `then` after `seconds` (within any sane deadline)."""
    def fault(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(handler)
    return fault


class HostilePanel:
    """`faults[path] = fault` (a path below /api/v1, or "*" for every path); `seen` lists the paths asked."""

    def __init__(self) -> None:
        self.faults: dict[str, Fault] = {}
        self.seen: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True   # no 40 ms delayed-ACK stall per answer

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                owner.answer(self)

            do_POST = do_DELETE = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        if length:
            handler.rfile.read(length)
        path = handler.path.split("?")[0].removeprefix("/api/v1")
        self.seen.append(path)
        fault = self.faults.get(path) or self.faults.get("*")
        if fault is not None:
            handler.close_connection = True
            fault(handler)
            return
        body = healthy_body(path)
        if body is None:
            raw(404, b'{"error": {"code": "not_found", "message": "Not found."}}')(handler)
        else:
            raw(200, json.dumps(body).encode())(handler)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture(name="panel")
def hostile_panel_fixture() -> Iterator[HostilePanel]:
    """A HostilePanel for one test (a module imports this to have it as its `panel`)."""
    server = HostilePanel()
    yield server
    server.close()


def synced(panel: HostilePanel, path, sleeps) -> Any:
    """One sync of a fresh client from `panel` into the cache at `path`; the engine's ChangeSet."""
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client, AccountCache(path) as cache:
        return SyncEngine(client, cache).run()


# -- the same healthy panel as canned answers (no sockets), for tests that change one path's answer -------------

def healthy_canned(sent) -> Canned:
    """The healthy panel's answer to the request `sent` (`healthy_body`, 200, JSON), or 404 for a path it has not."""
    healthy = healthy_body(sent.path)
    if healthy is None:
        return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
    return Canned(200, json.dumps(healthy).encode(), {"Content-Type": "application/json"})


def canned_panel(answers: dict[str, bytes]) -> CannedSession:
    """A `CannedSession` answering each path in `answers` with those bytes (200, JSON), every other path healthily
    (`healthy_body`), and a path the healthy panel has not with 404."""
    def answer(sent) -> Canned:
        if sent.path in answers:
            return Canned(200, answers[sent.path], {"Content-Type": "application/json"})
        return healthy_canned(sent)
    return CannedSession(answer)


class ListsPanel:
    """The healthy panel as canned answers, with `lists[path]` a function of the request for the lists a test
    breaks; `session` is the CannedSession a client is given."""

    def __init__(self) -> None:
        self.lists: dict = {}
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.path in self.lists:
            return self.lists[sent.path](sent)
        return healthy_canned(sent)

    def asked(self, path: str) -> int:
        return sum(1 for sent in self.session.sent if sent.path == path)


@pytest.fixture(name="panel")
def lists_panel_fixture() -> ListsPanel:
    """A ListsPanel for one test (a module imports this, and `synced_cache_fixture`, to have it as its `panel`)."""
    return ListsPanel()


@pytest.fixture(name="cache_path")
def synced_cache_fixture(panel: ListsPanel, tmp_path):
    """The cache file of one healthy sync from `panel`; the requests it sent are forgotten, for a test to count its
    own (a module imports this as its `cache_path`)."""
    path = tmp_path / "cache.sqlite3"
    canned_sync(panel.session, path)
    panel.session.sent.clear()
    return path


def one_page(rows: Any) -> bytes:
    """A list answer of one page holding `rows`."""
    return json.dumps({"data": rows, "meta": {"current_page": 1, "total_pages": 1}}).encode()


def canned_sync(session: Any, path) -> Any:
    """One sync of the cache file at `path` through the real client and sync engine, over `session`."""
    with PanelClient("http://panel.test", session=session, sleep=lambda s: None) as client, \
            AccountCache(path) as store:
        return SyncEngine(client, store).run()


def cache_tables(path, *tables: str) -> list:
    """Every row of each of `tables` in the cache file at `path`, to compare before and after a refusal."""
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables]  # noqa: S608 - our names
    finally:
        conn.close()
