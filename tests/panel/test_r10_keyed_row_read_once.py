"""A keyed action reads the row its path names once (docs/api.md, "Idempotency-Key").

The row a keyed request names is looked up before its key (routes/once.run_once's `named`, owned.py), and the action
then looked it up again, in the same write transaction: two SELECTs of one row per request. Now the action is handed
the row `named` read. Driven in-process through the ASGI app over the demo data, counting the statements that look the
row up by its id and owner (sqlite3's trace callback).
"""
from __future__ import annotations

import asyncio
import json
import re
import uuid

import pytest

from panel.app import create_app
from panel.seed import seed_demo
from panel.server import open_panel
from panel.state import ServerOptions

EMAIL, PASSWORD = "demo@sett.test", "demo-password"


class InProcess:
    def __init__(self, tmp_path) -> None:
        self.panel = open_panel(str(tmp_path / "panel.sqlite3"), ServerOptions(jobs_interval=0))
        seed_demo(self.panel.db)
        self.app = create_app(self.panel)
        self.statements: list[str] = []
        real = self.panel.db.conn

        def traced():
            conn = real()
            conn.set_trace_callback(self.statements.append)
            return conn

        self.panel.db.conn = traced  # every connection the routes take, whatever thread they run in
        self.token = self.call("POST", "/auth/login", {"email": EMAIL, "password": PASSWORD})[1]["data"][
            "access_token"]
        self.user_id = self.call("GET", "/auth/me")[1]["data"]["id"]

    def call(self, method: str, path: str, body: dict | None = None, key: str | None = None) -> tuple[int, dict]:
        raw = json.dumps(body).encode() if body is not None else b""
        headers = [(b"host", b"127.0.0.1:8000"), (b"content-length", str(len(raw)).encode()),
                   (b"content-type", b"application/json")]
        if getattr(self, "token", None):
            headers.append((b"authorization", f"Bearer {self.token}".encode()))
        if key:
            headers.append((b"idempotency-key", key.encode()))
        full, _, query = ("/api/v1" + path).partition("?")
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": full, "raw_path": full.encode(), "query_string": query.encode(),
                 "root_path": "",
                 "headers": headers, "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
        sent = [{"type": "http.request", "body": raw, "more_body": False}]
        out: list[dict] = []

        async def receive():
            return sent.pop(0) if sent else {"type": "http.disconnect"}

        async def send(message):
            out.append(message)

        asyncio.run(self.app(scope, receive, send))
        status = next(m["status"] for m in out if m["type"] == "http.response.start")
        text = b"".join(m.get("body", b"") for m in out if m["type"] == "http.response.body")
        return status, json.loads(text) if text else {}

    def rows(self, path: str, **query) -> list[dict]:
        return self.call("GET", path + "?per_page=100" + "".join(f"&{k}={v}" for k, v in query.items()))[1]["data"]

    def lookups(self, method: str, path: str, body: dict | None, table: str, row_id: str) -> tuple[int, int]:
        """The answer's status, and how many statements read `table`'s row `row_id` by its id and owner."""
        self.statements.clear()
        status, answer = self.call(method, path, body, key=f"r10-{uuid.uuid4().hex}")
        pattern = re.compile(rf"^SELECT .* FROM {table} WHERE id = '{re.escape(row_id)}' AND user_id = "
                             rf"'{re.escape(self.user_id)}'")
        return status, sum(1 for s in self.statements if pattern.match(s))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> InProcess:
    return InProcess(tmp_path_factory.mktemp("keyed-once"))


def test_a_reply_reads_its_ticket_once(demo):
    ticket = demo.rows("/support/tickets")[0]
    status, reads = demo.lookups("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "Any news?"},
                                 "tickets", ticket["id"])
    assert status == 201
    assert reads == 1


def test_a_cancellation_request_reads_its_service_once(demo):
    service = next(s for s in demo.rows("/billing/services", status="active") if s["cancellation"] is None)
    status, reads = demo.lookups("POST", f"/billing/services/{service['id']}/cancel",
                                 {"type": "end_of_period", "reason": "Moving on"}, "services", service["id"])
    assert status == 201
    assert reads == 1


def test_paying_an_invoice_reads_it_once(demo):
    invoice = demo.rows("/billing/invoices", status="pending,overdue")[0]
    body = {"payment_method": "paypal", "use_credits": False, "return_url": "http://127.0.0.1:9/r",
            "cancel_url": "http://127.0.0.1:9/c"}
    status, reads = demo.lookups("POST", f"/billing/invoices/{invoice['id']}/pay", body, "invoices", invoice["id"])
    assert status in (200, 422), status  # 422 if the demo's PayPal is off; the lookup comes first either way
    assert reads == 1


def test_paying_several_reads_each_once(demo):
    invoice = demo.rows("/billing/invoices", status="pending,overdue")[0]
    status, reads = demo.lookups("POST", "/billing/invoices/pay",
                                 {"invoice_ids": [invoice["id"]], "payment_method": "credits"}, "invoices",
                                 invoice["id"])
    assert status in (200, 409, 422), status
    assert reads == 1


def test_cancelling_an_order_or_a_top_up_reads_it_once(demo):
    order = demo.rows("/billing/orders")[0]
    status, reads = demo.lookups("POST", f"/billing/orders/{order['id']}/cancel", None, "orders", order["id"])
    assert status in (200, 409), status
    assert reads == 1
    invoice = demo.rows("/billing/invoices")[0]  # the demo has no top-up: refused, after the same lookup
    status, reads = demo.lookups("POST", f"/billing/invoices/{invoice['id']}/cancel", None, "invoices",
                                 invoice["id"])
    assert status in (200, 409), status
    assert reads == 1


def test_a_new_ticket_checks_its_invoice_once(demo):
    invoice = demo.rows("/billing/invoices")[0]
    body = {"subject": "About this invoice", "department": "billing", "body": "Hello", "invoice_id": invoice["id"]}
    status, reads = demo.lookups("POST", "/support/tickets", body, "invoices", invoice["id"])
    assert status == 201
    assert reads == 1
