"""Ids are text. The contract sends string UUIDs, but a BadgerPanel-like panel may send JSON numbers: every id (a
row's own, and every reference to another row) is kept as its digits, so an invoice's id 12 and a service's
`invoice_id` "12" are one invoice to every comparison, cache key and Qt signal (Signal(str) refuses an int). Before,
a row's own `id` became a cache key, but the row kept the number: `invoice_id == "12"` failed, and a page emitting
it raised. A true/false, a fraction or an object as an id names nothing and is refused in words, the cache as it
was. Canned answers through the real client, sync engine and cache."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.api import BadAnswer, Conflict, PanelClient
from app.api import validate as validate_module
from app.api.envelope import error_from
from app.cache import AccountCache, CacheChanges
from app.core.panel_text import ID_FIELDS, ID_LISTS
from app.session.data import load_account_data
from app.sync.engine import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession
from .test_r6_hostile_answers import body, now_text, rows

LATER = "2026-03-01T00:00:00Z"
ROWS = {
    "/billing/categories": [{"id": 1, "name": "Games", "slug": "games", "sort_order": 1, "updated_at": LATER}],
    "/billing/products": [{"id": 2, "name": "Small", "slug": "small", "category": {"id": 1, "name": "Games"},
                           "category_id": 1, "pricing": [{"billing_cycle": "monthly", "price": "9.99"}],
                           "updated_at": LATER}],
    "/billing/services": [{"id": 3, "product": {"id": 2, "name": "Small"}, "status": "active",
                           "billing_cycle": "monthly", "recurring_amount": "9.99", "currency": "USD",
                           "next_due_date": "2026-04-01", "order_id": 5,
                           "server": {"id": 30, "name": "srv", "status": "running"}, "updated_at": LATER}],
    "/billing/invoices": [{"id": 12, "invoice_number": "INV-12", "status": "pending", "issue_date": "2026-03-01",
                           "due_date": "2026-03-08", "subtotal": "9.99", "tax_amount": "0.00", "total": "9.99",
                           "balance_due": "9.99", "currency": "USD", "order_id": 5, "service_id": 3,
                           "updated_at": LATER}],
    "/billing/orders": [{"id": 5, "order_number": "ORD-5", "status": "pending", "invoice_id": 12,
                         "service_ids": [3], "items": [{"product_id": 2, "service_id": 3, "quantity": 1}],
                         "created_at": LATER, "updated_at": LATER}],
    "/billing/credits/transactions": [{"id": 7, "amount": "-1.00", "type": "payment", "invoice_id": 12,
                                       "balance_after": "4.00", "created_at": LATER}],
    "/notifications": [{"uuid": 8, "type": "billing", "title": "Due", "message": "Pay", "read": False,
                        "created_at": LATER}],
    "/support/tickets": [{"id": 9, "ticket_number": "TKT-9", "subject": "Help", "status": "open",
                          "department": "billing", "related": {"invoice_id": 12, "service_id": None},
                          "created_at": LATER, "updated_at": LATER}],
}
DETAILS = {
    "/billing/invoices/12": {**ROWS["/billing/invoices"][0],
                             "lines": [{"description": "Small", "service_id": 3, "quantity": 1,
                                        "unit_price": "9.99", "amount": "9.99"}],
                             "payments": [{"id": 40, "method": "credits", "amount": "1.00", "status": "succeeded",
                                           "created_at": LATER}]},
    "/support/tickets/9": {**ROWS["/support/tickets"][0],
                           "messages": [{"id": 90, "ticket_id": 9, "author": {"name": "A", "staff": False},
                                         "body": "Help", "created_at": LATER}]},
}
ID_PATHS = [("categories", "id"), ("products", "id"), ("products", "category.id"), ("products", "category_id"),
            ("services", "id"), ("services", "product.id"), ("services", "order_id"), ("services", "server.id"),
            ("orders", "id"), ("orders", "invoice_id"), ("orders", "service_ids.0"), ("orders", "items.0.product_id"),
            ("orders", "items.0.service_id"), ("credit_transactions", "id"), ("credit_transactions", "invoice_id"),
            ("notifications", "uuid"), ("tickets", "id"), ("tickets", "related.invoice_id")]


class Panel:
    def __init__(self) -> None:
        self.answers: dict = {}
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        got = self.answers.get(sent.path)
        if got is not None:
            return got(sent) if callable(got) else got
        if sent.path == "/sync/state":
            return body({"data": {"version": now_text(), "server_time": now_text()}})
        if sent.path == "/settings/public":
            return body({"data": {**hostile.OBJECTS["/settings/public"], "tickets_enabled": True}})
        if sent.path in ROWS:
            return rows(ROWS[sent.path])
        if sent.path in DETAILS:
            return body({"data": DETAILS[sent.path]})
        healthy = hostile.healthy_body(sent.path)
        return body(healthy) if healthy is not None else body({"error": {"code": "not_found"}}, 404)


@pytest.fixture
def panel() -> Panel:
    return Panel()


def client(panel: Panel) -> PanelClient:
    return PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None, max_retries=0)


def sync(panel: Panel, path) -> None:
    with client(panel) as api, AccountCache(path) as cache:
        SyncEngine(api, cache).run()


def at(row: dict, where: str):
    value = row
    for part in where.split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    return value


def test_a_sync_keeps_every_id_sent_as_a_number_as_its_text(panel, tmp_path):
    sync(panel, tmp_path / "c.sqlite3")
    with AccountCache(tmp_path / "c.sqlite3") as cache:
        data = load_account_data("a", cache)
        for table, where in ID_PATHS:
            value = at(getattr(data, table)[0], where)
            assert type(value) is str, f"{table}.{where} is {value!r}"
        invoice = cache.invoice("12")
        assert invoice["id"] == "12" and invoice["order_id"] == "5" and invoice["service_id"] == "3"
        ticket = cache.ticket("9")
        assert [(m["id"], m["ticket_id"]) for m in ticket["messages"]] == [("90", "9")]
    # Rows that name each other find each other by text, as every screen compares them.
    (service,), (order,), (row,) = data.services, data.orders, data.invoices
    assert service["order_id"] == order["id"] and order["invoice_id"] == row["id"]
    assert service["id"] in order["service_ids"] and data.products[0]["category"]["id"] == data.categories[0]["id"]
    assert data.credit_transactions[0]["invoice_id"] == row["id"]
    assert "12" in data.payable_ids


def test_an_invoices_detail_names_its_lines_services_and_payments_by_text(panel):
    with client(panel) as api:
        invoice = api.invoice("12")
    assert invoice["lines"][0]["service_id"] == "3" and invoice["payments"][0]["id"] == "40"
    assert (invoice["id"], invoice["order_id"]) == ("12", "5")


def call_answers(panel: Panel, path: str, value, status: int = 200) -> None:
    panel.answers[path] = body({"data": value}, status)


@pytest.mark.parametrize(("path", "call", "wanted"), [
    ("/billing/payments/4", lambda c: c.payment("4"),
     {"id": "4", "invoice_id": "12", "order_id": "5", "invoice_ids": ["12", "13"]}),
    ("/billing/orders/5", lambda c: c.order("5"), {"id": "5", "invoice_id": "12", "service_ids": ["3"]}),
    ("/billing/services/3", lambda c: c.service("3"), {"id": "3", "order_id": "5"}),
    ("/auth/me", lambda c: c.me(), {"id": "1"}),
    ("/billing/services/3/cancel", lambda c: c.request_cancellation("3", type="immediate", reason="r", key="k"),
     {"id": "60"}),
    ("/support/tickets/9/replies", lambda c: c.reply_ticket("9", "Hi", key="k"), {"id": "90", "ticket_id": "9"}),
])
def test_the_typed_calls_answer_ids_as_text(panel, path, call, wanted):
    numbers = {key: ([int(v) for v in value] if isinstance(value, list) else int(value))
               for key, value in wanted.items()}
    extra = {"status": "pending"} if path.startswith("/billing/payments") else {}
    if path.endswith("/replies"):
        extra = {"body": "Hi", "author": {"name": "A", "staff": False}}
    call_answers(panel, path, {**numbers, **extra}, 201 if path.endswith(("/cancel", "/replies")) else 200)
    with client(panel) as api:
        got = call(api)
    assert {key: got[key] for key in wanted} == wanted


def test_a_started_payment_and_its_order_and_invoice_name_each_other_by_text(panel):
    call_answers(panel, "/billing/checkout", {
        "payment": {"id": 4, "method": "credits", "status": "paid", "invoice_ids": [12]},
        "order": {"id": 5, "invoice_id": 12, "service_ids": [3]}, "invoice": {"id": 12, "order_id": 5}}, 201)
    with client(panel) as api:
        started = api.checkout([{"product_id": "2", "billing_cycle": "monthly"}], coupon_code=None,
                               use_credits=True, payment_method="credits", return_url=None, cancel_url=None, key="k")
    assert started["payment"]["id"] == "4" and started["payment"]["invoice_ids"] == ["12"]
    assert started["order"]["invoice_id"] == started["invoice"]["id"] == "12"


def test_a_preview_names_its_out_of_stock_products_and_lines_by_text(panel):
    call_answers(panel, "/billing/checkout/preview", {"total": "1.00", "due_now": "1.00", "out_of_stock": [2],
                                                      "lines": [{"product_id": 2, "amount": "1.00"}]})
    with client(panel) as api:
        preview = api.preview_checkout([{"product_id": "2", "billing_cycle": "monthly"}])
    assert preview["out_of_stock"] == ["2"] and preview["lines"][0]["product_id"] == "2"


def test_a_login_answers_its_user_with_an_id_as_text_and_refuses_a_user_it_cannot_read(panel):
    pair = {"access_token": "a" * 20, "refresh_token": "r" * 20, "token_type": "Bearer", "expires_in": 900}
    call_answers(panel, "/auth/login", {**pair, "user": {"id": 1, "email": "a@example.com"}})
    with client(panel) as api:
        assert api.login("a@example.com", "pw").user["id"] == "1"
    call_answers(panel, "/auth/login", {**pair, "user": {"id": {"$oid": "1"}, "email": "a@example.com"}})
    with client(panel) as api, pytest.raises(BadAnswer) as caught:
        api.login("a@example.com", "pw")
    assert "login.id" in str(caught.value)
    assert api.credentials is None                      # refused: the pair was not taken either


def test_ids_named_in_a_refusal_are_text_and_what_is_no_id_is_left_out():
    raw = json.dumps({"error": {"code": "out_of_stock", "message": "Sold out.",
                                "details": {"product_ids": [2, "p-3", True, 1.5, None]}}}).encode()
    error = error_from(409, raw, {})
    assert isinstance(error, Conflict) and error.details["product_ids"] == ["2", "p-3"]


BAD_IDS = [True, False, Decimal("1.5"), 1.5, {"id": 1}, [1], "", ".."]


@pytest.mark.parametrize("bad", BAD_IDS, ids=repr)
@pytest.mark.parametrize(("path", "where"), [
    ("/billing/invoices", "id"), ("/billing/services", "order_id"), ("/billing/orders", "invoice_id"),
    ("/notifications", "uuid"), ("/billing/credits/transactions", "invoice_id"), ("/billing/products", "category_id"),
])
def test_an_id_that_is_no_text_and_no_whole_number_is_refused_and_nothing_changes(panel, tmp_path, bad, path,
                                                                                    where):
    cache_path = tmp_path / "c.sqlite3"
    sync(panel, cache_path)
    with AccountCache(cache_path) as cache:
        before = load_account_data("a", cache)
    changed = {**ROWS[path][0], where: bad, "updated_at": "2026-03-02T00:00:00Z"}
    panel.answers[path] = lambda sent, row=changed: Canned(
        200, json.dumps({"data": [row], "meta": {"current_page": 1, "total_pages": 1, "server_time": now_text()}},
                        default=str).encode().replace(b'"1.5"', b"1.5"), {"Content-Type": "application/json"})
    with pytest.raises(BadAnswer) as caught:
        sync(panel, cache_path)
    assert where in str(caught.value) and "Traceback" not in str(caught.value)
    if not isinstance(bad, str):      # what it got, in words: never a Python type's name
        assert any(words in str(caught.value) for words in ("true/false", "a number with a fraction", "an object",
                                                            "a list")), str(caught.value)
    with AccountCache(cache_path) as cache:
        after = load_account_data("a", cache)
    assert (after.invoices, after.services, after.orders, after.notifications, after.products) == (
        before.invoices, before.services, before.orders, before.notifications, before.products)


@pytest.mark.parametrize("bad", [True, 1.5, {"a": 1}, None])
def test_an_id_list_holding_something_that_is_no_id_is_refused(panel, bad):
    call_answers(panel, "/billing/orders/5", {"id": 5, "service_ids": [3, bad]})
    with client(panel) as api, pytest.raises(BadAnswer) as caught:
        api.order("5")
    assert "service_ids" in str(caught.value)


def test_a_payment_whose_id_is_true_is_refused(panel):
    call_answers(panel, "/billing/payments/4", {"id": True, "status": "succeeded"})
    with client(panel) as api, pytest.raises(BadAnswer) as caught:
        api.payment("4")
    assert "payment.id" in str(caught.value)


def test_a_cache_written_before_holds_ids_as_numbers_and_is_read_as_text(tmp_path):
    path = tmp_path / "c.sqlite3"
    with AccountCache(path) as cache:
        cache.apply(CacheChanges(upserts={
            "services": [{"id": 3, "order_id": 5, "product": {"id": 2, "name": "Small"}, "updated_at": LATER}],
            "orders": [{"id": 5, "invoice_id": 12, "service_ids": [3], "updated_at": LATER}],
            "notifications": [{"uuid": 8, "title": "x", "read": False, "created_at": LATER}]}))
        (service,), (order,), (note,) = cache.services(), cache.orders(), cache.notifications()
    assert (service["id"], service["order_id"], service["product"]["id"]) == ("3", "5", "2")
    assert (order["id"], order["invoice_id"], order["service_ids"]) == ("5", "12", ["3"])
    assert note["uuid"] == "8"


def test_every_id_a_schema_reads_is_one_the_cache_reads_as_text():
    _texts, _lists, ids, id_lists = validate_module._keys()
    assert ids <= ID_FIELDS
    assert id_lists <= ID_LISTS | {"out_of_stock"}     # a preview's, never cached
