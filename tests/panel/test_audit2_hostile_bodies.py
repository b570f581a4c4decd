"""What a test writer throws at every operation that takes a body, taken from the panel's own OpenAPI document.

For each such operation, starting from a body it would accept, with real rows in its path: a 1 MB string and a
200 KB one in every text field, NUL and lone surrogates in every text field, numbers as strings and strings as
numbers, arrays for objects and objects for arrays, the body as a JSON array, a key named twice, 10,000 levels of
nesting, NaN, and an empty body. Every one is a clear 4xx in the contract's error shape, never a 5xx, and the database
is exactly as it was (compared table by table). Emoji and right-to-left text (no NUL) are text like any other: the
panel takes or refuses them, never with a 5xx. A Content-Length that lies is answered 4xx or the connection ends,
and the panel serves on. One private panel for the module.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
import socket
import sqlite3
from collections.abc import Iterator

import pytest
import requests

from tests.panel.gateways import URLS
from tests.support.catalogue import MONTHLY_10, Shop, buy_service
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

MB = 1_000_001
MONEY = re.compile(r"^-?\d+(\.\d+)?$")
UNICODE_NUL = "😀 שלום ‮ عربي \x00 end"
UNICODE_OK = "😀 שלום ‮ عربي end"
VOLATILE_COLUMNS = {"last_used_at"}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    """A panel with a row behind every path parameter, and the admin (who may call every operation)."""
    proc = PanelProcess(tmp_path_factory.mktemp("audit2-hostile")).start()
    admin = admin_of(proc)
    shop = Shop(admin)
    shop.settings(paypal_enabled=True, tickets_enabled=True)
    product = shop.product(pricing=MONTHLY_10)
    coupon = shop.coupon()
    admin.data("POST", f"/admin/users/{admin.user['id']}/credits", {"amount": "100.00"}, expect=201)
    service = buy_service(admin, product)
    placed = admin.data("POST", "/billing/checkout", {
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
        "use_credits": False, **URLS}, expect=201)
    ticket = admin.data("POST", "/support/tickets", {"subject": "Hi", "department": "billing", "body": "Hello"},
                        expect=201)
    key = admin.data("POST", "/account/api-keys", {"name": "k"}, expect=201)
    request = admin.data("POST", f"/billing/services/{service['id']}/cancel",
                         {"type": "end_of_period", "reason": "r"}, expect=201)
    buyer = shop.user()
    notification = admin.data("GET", "/notifications")[0]
    ids = {"order_id": placed["order"]["id"], "invoice_id": placed["invoice"]["id"], "service_id": service["id"],
           "payment_id": placed["payment"]["id"], "product_id": product["id"], "category_id": product["category"]["id"],
           "coupon_id": coupon["id"], "ticket_id": ticket["id"], "key_id": key["id"], "request_id": request["id"],
           "user_id": buyer.user["id"], "uuid": notification["uuid"], "decision": "approve"}
    item = {"product_id": product["id"], "billing_cycle": "monthly", "quantity": 1}
    bases = {
        "POST /auth/login": {"email": "nobody@hostile.test", "password": "not-the-password"},
        "POST /auth/2fa/verify": {"two_factor_token": "unknown", "code": "123456"},
        "POST /auth/refresh": {"refresh_token": "unknown"},
        "POST /auth/logout": {"refresh_token": "unknown"},
        "POST /account/2fa/enable": {"code": "123456"},
        "POST /account/2fa/disable": {"code": "123456"},
        "POST /account/api-keys": {"name": "key", "allowed_ips": ["10.0.0.0/8"], "active": True},
        "PATCH /account/api-keys/{key_id}": {"name": "key", "allowed_ips": ["10.0.0.1"], "active": True},
        "POST /billing/checkout/preview": {"items": [item], "coupon_code": coupon["code"], "use_credits": True},
        "POST /billing/coupons/validate": {"code": coupon["code"], "items": [item]},
        "POST /billing/checkout": {"items": [item], "coupon_code": coupon["code"], "use_credits": True,
                                   "payment_method": "paypal", **URLS},
        "PUT /account/billing-profile": {"company": "Co", "address_lines": ["1 Road"], "country": "DE",
                                         "tax_id": "DE123"},
        "POST /billing/invoices/{invoice_id}/pay": {"payment_method": "paypal", "use_credits": False, **URLS},
        "POST /billing/invoices/pay": {"invoice_ids": [placed["invoice"]["id"]], "payment_method": "paypal",
                                       "use_credits": False, **URLS},
        "POST /billing/services/{service_id}/cancel": {"type": "immediate", "reason": "leaving"},
        "POST /billing/credits/top-up": {"amount": "25.00", "payment_method": "paypal", **URLS},
        "POST /admin/billing/categories": {"name": "Cat", "slug": "hostile-cat", "description": "d", "sort_order": 1},
        "PUT /admin/billing/categories/{category_id}": {"name": "Cat", "description": "d", "sort_order": 1},
        "POST /admin/billing/products": {
            "category_id": product["category"]["id"], "name": "P", "slug": "hostile-p", "description": "d",
            "resources": {"memory": 1024, "disk": 1024, "cpu": 100}, "pricing_type": "fixed",
            "pricing": [{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "1.00"}], "stock": 3,
            "sort_order": 0},
        "PUT /admin/billing/products/{product_id}": {"name": "P", "description": "d", "stock": 3,
                                                     "pricing": [{"billing_cycle": "monthly", "price": "5.00"}]},
        "POST /admin/billing/coupons": {"code": "HOSTILE1", "type": "fixed", "value": "5.00", "product_ids": [],
                                        "recurring": False, "max_uses": 3, "max_uses_per_user": 1},
        "PUT /admin/billing/coupons/{coupon_id}": {"value": "5", "max_uses": 3, "active": True},
        "PUT /admin/billing/settings": {"panel_name": "Panel", "support_url": "https://help.example.com",
                                        "tax_rate": "20", "auto_suspend_days": 3, "seller_name": "Seller",
                                        "seller_address_lines": ["1 Road"]},
        "PUT /admin/license": {"billing": True},
        "POST /admin/users": {"email": "new@hostile.test", "password": "long-password-1", "first_name": "A",
                              "last_name": "B", "username": "ab", "role": "user"},
        "POST /admin/users/{user_id}/credits": {"amount": "5.00", "note": "n"},
        "POST /admin/billing/invoices/{invoice_id}/refund": {"to": "credits"},
        "POST /admin/clock/advance": {"days": 1},
        "POST /support/tickets": {"subject": "S", "department": "technical", "body": "B",
                                  "service_id": service["id"]},
        "POST /support/tickets/{ticket_id}/replies": {"body": "B"},
        "POST /admin/support/tickets/{ticket_id}/replies": {"body": "B"},
    }
    yield {"proc": proc, "admin": admin, "ids": ids, "bases": bases}
    proc.stop()


def body_operations(world) -> list[tuple[str, str, bool]]:
    spec = requests.get(world["proc"].api_url + "/openapi.json", timeout=30).json()
    found = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if "requestBody" in operation and path.startswith("/api/v1/"):
                found.append((method.upper(), path.removeprefix("/api/v1"), operation["requestBody"].get("required")))
    return found


def fingerprint(db_path) -> dict[str, str]:
    """Every table's rows, hashed (columns that a mere read moves left out)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
            out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def leaves(value, path=()) -> Iterator[tuple[tuple, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from leaves(item, path + (n,))
    yield path, value


def replaced(body, path: tuple, value):
    out = copy.deepcopy(body)
    if not path:
        return value
    target = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


def text(body) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")


def variants(base: dict, required: bool) -> Iterator[tuple[str, bytes]]:
    """(what, raw body) for every hostile body built from `base`."""
    yield "a JSON array", text([base])
    yield "a JSON string", b'"text"'
    raw = text(base)
    first = next(iter(base))
    yield "a key twice", raw.replace(b"{", b"{" + json.dumps(first).encode() + b": null, ", 1)
    yield "10,000 nested arrays", b"[" * 10_000 + b"]" * 10_000
    yield "10,000 nested objects", b'{"a": ' * 10_000 + b"1" + b"}" * 10_000
    yield "NaN", raw.replace(b"{", b'{"nan": NaN, ', 1)
    if required:
        yield "an empty body", b""
    for path, value in leaves(base):
        where = ".".join(map(str, path)) or "body"
        if isinstance(value, str):
            yield f"1 MB in {where}", text(replaced(base, path, "x" * MB))
            yield f"200 KB in {where}", text(replaced(base, path, "x" * 200_000))
            yield f"NUL in {where}", text(replaced(base, path, UNICODE_NUL))
            yield f"a lone surrogate in {where}", text(replaced(base, path, "a\ud800b"))
            if not MONEY.match(value):
                yield f"a number for {where}", text(replaced(base, path, 12345))
        elif isinstance(value, bool):
            yield f"a string for {where}", text(replaced(base, path, "true"))
        elif isinstance(value, int | float):
            yield f"a string for {where}", text(replaced(base, path, str(value)))
        elif isinstance(value, list) and path:
            yield f"an object for {where}", text(replaced(base, path, {"0": value[0] if value else 1}))
        elif isinstance(value, dict) and path:
            yield f"an array for {where}", text(replaced(base, path, [value]))


def send(world, method: str, path: str, raw: bytes) -> requests.Response:
    url = world["proc"].api_url + path.format(**world["ids"])
    return requests.request(method, url, data=raw, timeout=60, headers={
        "Authorization": f"Bearer {world['admin'].token}", "Content-Type": "application/json"})


def test_every_body_operation_has_a_base_body(world):
    missing = [f"{m} {p}" for m, p, _ in body_operations(world) if f"{m} {p}" not in world["bases"]]
    assert not missing


def test_hostile_bodies_are_clear_4xx_and_change_nothing(world):
    problems = []
    for method, path, required in body_operations(world):
        base = world["bases"][f"{method} {path}"]
        before = fingerprint(world["proc"].db_path)
        for what, raw in variants(base, bool(required)):
            answer = send(world, method, path, raw)
            try:
                body = answer.json()
                shaped = body["success"] is False and set(body["error"]) == {"code", "message", "details"}
            except (ValueError, KeyError, TypeError):
                shaped = False
            if not 400 <= answer.status_code < 500 or not shaped:
                problems.append(f"{method} {path} with {what}: {answer.status_code} {answer.text[:200]}")
        after = fingerprint(world["proc"].db_path)
        changed = [t for t in before if before[t] != after.get(t)]
        if changed:
            problems.append(f"{method} {path}: refused bodies changed {changed}")
    assert not problems, "\n".join(problems)


def test_emoji_and_right_to_left_text_is_taken_or_refused_never_a_5xx(world):
    problems = []
    for method, path, _ in body_operations(world):
        base = world["bases"][f"{method} {path}"]
        for where, value in leaves(base):
            if isinstance(value, str) and where:
                answer = send(world, method, path, text(replaced(base, where, UNICODE_OK)))
                if answer.status_code >= 500:
                    problems.append(f"{method} {path} {where}: {answer.status_code} {answer.text[:200]}")
    assert not problems, "\n".join(problems)


def raw_exchange(world, head: bytes, body: bytes, half_close: bool) -> bytes:
    with socket.create_connection(("127.0.0.1", int(world["proc"].url.rsplit(":", 1)[1])), timeout=30) as sock:
        sock.sendall(head + body)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := sock.recv(65536):  # the panel closes after its answer (Connection: close)
                chunks.append(chunk)
        except TimeoutError:
            pass
        return b"".join(chunks)


@pytest.mark.parametrize("claimed, half_close", [(10, False), (5000, True)], ids=["short", "long"])
def test_a_content_length_that_lies_is_refused_or_dropped_and_changes_nothing(world, claimed, half_close):
    before = fingerprint(world["proc"].db_path)
    body = json.dumps({"subject": "Lying", "department": "billing", "body": "B" * 100}).encode()
    head = (f"POST /api/v1/support/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            f"{world['admin'].token}\r\nContent-Type: application/json\r\nContent-Length: {claimed}\r\n"
            f"Connection: close\r\n\r\n").encode()
    answer = raw_exchange(world, head, body, half_close)
    if answer:  # a body shorter than claimed, then the end: no request, nothing to answer
        status = int(answer.split(b" ", 2)[1])
        assert 400 <= status < 500, answer[:300]
        assert b'"success":false' in answer.replace(b" ", b""), answer[:300]
    assert fingerprint(world["proc"].db_path) == before
    assert requests.get(world["proc"].api_url + "/health", timeout=30).status_code == 200
