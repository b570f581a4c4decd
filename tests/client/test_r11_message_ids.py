"""A ticket's messages and an invoice's payments that a panel sends with an id twice are kept once, as a list's rows
listed twice are (tests/client/test_r6_hostile_answers.py, `one_per_id`): the copy changed last, in the place of
the first. Before, a ticket's message sent twice was kept as sent, shown twice in its conversation and counted
twice, read by a sync, opened, or answered to a new ticket or a closing; an invoice's payment was listed twice on
its page and in the payments exported. Canned answers through the real client, sync engine and cache (no sockets)."""
from __future__ import annotations

import json

import pytest

from app.api import PanelClient
from app.api.once import nested_once, one_per_id
from app.cache import AccountCache

from . import hostile
from .canned_session import Canned, CannedSession

LATER = "2026-03-01T00:00:00Z"
TICKET = {"id": "t-1", "ticket_number": "TKT-1", "subject": "Help", "status": "open", "department": "billing",
          "related": {"invoice_id": None, "service_id": None}, "created_at": LATER, "updated_at": LATER}
HELLO = {"id": "m-1", "author": {"name": "Me", "staff": False}, "body": "Hello", "created_at": LATER}
ANSWER = {"id": "m-2", "author": {"name": "Staff", "staff": True}, "body": "How can we help?",
          "created_at": "2026-03-01T00:05:00Z"}
INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": LATER}
PAID = {"id": "pay-1", "method": "stripe", "amount": "9.99", "status": "succeeded", "created_at": LATER}


def body(value) -> Canned:
    return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json"})


def page(rows) -> Canned:
    return body({"data": rows, "meta": {"current_page": 1, "total_pages": 1, "server_time": hostile.now_text()}})


class Panel:
    """hostile.py's healthy panel with tickets on, and `answers[path]` for the paths a test gives."""

    def __init__(self) -> None:
        self.answers: dict[str, Canned] = {
            "/settings/public": body({"data": {**hostile.OBJECTS["/settings/public"], "tickets_enabled": True}}),
            "/support/tickets": page([TICKET]),
        }
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.path in self.answers:
            return self.answers[sent.path]
        healthy = hostile.healthy_body(sent.path)
        if healthy is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return body(healthy)


def synced_ticket(panel: Panel, tmp_path) -> dict:
    path = tmp_path / "cache.sqlite3"
    hostile.canned_sync(panel.session, path)
    with AccountCache(path) as cache:
        return cache.ticket("t-1")


def client(panel: Panel) -> PanelClient:
    return PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None)


# -- a ticket's conversation ---------------------------------------------------------------------------------------
def test_a_message_sent_twice_in_a_synced_ticket_is_kept_once(tmp_path):
    panel = Panel()
    panel.answers["/support/tickets/t-1"] = body({"data": {**TICKET, "messages": [HELLO, ANSWER, HELLO]}})
    ticket = synced_ticket(panel, tmp_path)
    assert [m["id"] for m in ticket["messages"]] == ["m-1", "m-2"]
    assert ticket["messages"][0]["body"] == "Hello"


def test_a_message_id_sent_once_as_a_number_and_once_as_text_is_one_message(tmp_path):
    panel = Panel()
    numbered = {**HELLO, "id": 7}
    panel.answers["/support/tickets/t-1"] = body({"data": {**TICKET, "messages": [numbered, {**HELLO, "id": "7"}]}})
    ticket = synced_ticket(panel, tmp_path)
    assert [m["id"] for m in ticket["messages"]] == ["7"]


def test_copies_of_a_message_that_differ_keep_the_one_changed_last_in_the_place_of_the_first(tmp_path):
    panel = Panel()
    edited = {**HELLO, "body": "Hello, again", "updated_at": "2026-03-02T00:00:00Z"}
    first = {**HELLO, "updated_at": "2026-03-01T00:00:00Z"}
    panel.answers["/support/tickets/t-1"] = body({"data": {**TICKET, "messages": [edited, ANSWER, first]}})
    ticket = synced_ticket(panel, tmp_path)
    assert [(m["id"], m["body"]) for m in ticket["messages"]] == [("m-1", "Hello, again"), ("m-2", ANSWER["body"])]


def test_a_ticket_list_row_carrying_its_messages_keeps_each_once(tmp_path):
    panel = Panel()
    panel.answers["/support/tickets"] = page([{**TICKET, "messages": [HELLO, HELLO, ANSWER]}])
    panel.answers["/support/tickets/t-1"] = body({"data": {**TICKET, "messages": [HELLO, ANSWER, ANSWER]}})
    ticket = synced_ticket(panel, tmp_path)
    assert [m["id"] for m in ticket["messages"]] == ["m-1", "m-2"]


@pytest.mark.parametrize("call", ["ticket", "open_ticket", "close_ticket"])
def test_every_answer_holding_a_conversation_keeps_each_message_once(call):
    panel = Panel()
    detail = body({"data": {**TICKET, "messages": [HELLO, HELLO, ANSWER, HELLO]}})
    panel.answers["/support/tickets/t-1"] = detail
    panel.answers["/support/tickets/t-1/close"] = detail
    panel.answers["/support/tickets"] = detail       # the POST that opens one
    with client(panel) as c:
        got = {"ticket": lambda: c.ticket("t-1"),
               "open_ticket": lambda: c.open_ticket(subject="Help", department="billing", body="Hello", key="k-1"),
               "close_ticket": lambda: c.close_ticket("t-1")}[call]()
    assert [m["id"] for m in got["messages"]] == ["m-1", "m-2"]


# -- an invoice's payments -----------------------------------------------------------------------------------------
def test_a_payment_listed_twice_on_an_invoice_is_kept_once_and_payments_without_ids_are_left_alone():
    panel = Panel()
    anonymous = {"method": "credits", "amount": "1.00", "status": "succeeded"}
    panel.answers["/billing/invoices/inv-1"] = body({"data": {**INVOICE, "payments": [PAID, anonymous, PAID,
                                                                                       anonymous]}})
    with client(panel) as c:
        invoice = c.invoice("inv-1")
    assert invoice["payments"] == [PAID, anonymous, anonymous]


def test_a_synced_invoice_list_row_keeps_each_payment_once(tmp_path):
    panel = Panel()
    panel.answers["/billing/invoices"] = page([{**INVOICE, "payments": [PAID, PAID]}])
    path = tmp_path / "cache.sqlite3"
    hostile.canned_sync(panel.session, path)
    with AccountCache(path) as cache:
        assert [p["id"] for p in cache.invoice("inv-1")["payments"]] == ["pay-1"]


def test_a_payments_answer_keeps_each_payment_of_its_invoices_once():
    panel = Panel()
    invoice = {**INVOICE, "status": "paid", "payments": [PAID, PAID]}
    panel.answers["/billing/invoices/inv-1/pay"] = body({"data": {
        "payment": {"id": "pay-1", "status": "paid", "invoice_id": "inv-1"}, "invoice": invoice}})
    with client(panel) as c:
        got = c.pay_invoice("inv-1", payment_method="credits", key="k-2")
    assert [p["id"] for p in got["invoice"]["payments"]] == ["pay-1"]


# -- the rule itself -----------------------------------------------------------------------------------------------
def test_one_per_id_leaves_a_list_without_repeats_as_it_is():
    rows = [{"id": 1}, {"id": 2}, {"name": "no id"}, {"name": "no id"}]
    assert one_per_id(rows) is rows


def test_nested_once_changes_only_the_lists_that_repeat_an_id():
    record = {"messages": [HELLO, ANSWER], "payments": [PAID, PAID], "lines": [{"amount": "1"}, {"amount": "1"}]}
    messages = record["messages"]
    nested_once(record)
    assert record["messages"] is messages
    assert record["payments"] == [PAID]
    assert len(record["lines"]) == 2       # two lines alike are two lines


# -- a product's prices, by billing cycle --------------------------------------------------------------------------
PRODUCT = hostile.LIST_ROWS["/billing/products"][0]
MONTHLY = {"billing_cycle": "monthly", "price": "9.99"}


def synced_products(panel: Panel, tmp_path):
    path = tmp_path / "cache.sqlite3"
    hostile.canned_sync(panel.session, path)
    with AccountCache(path) as cache:
        return cache.products()


def test_a_price_listed_twice_for_one_cycle_is_kept_once(tmp_path):
    panel = Panel()
    yearly = {"billing_cycle": "annually", "price": "99.00"}
    panel.answers["/billing/products"] = page([{**PRODUCT, "pricing": [MONTHLY, yearly, {**MONTHLY, "price": "9.990"}],
                                                "updated_at": LATER}])
    [product] = synced_products(panel, tmp_path)
    assert [row["billing_cycle"] for row in product["pricing"]] == ["monthly", "annually"]


@pytest.mark.parametrize("other", [{"price": "19.99"}, {"setup_fee": "5.00"}])
def test_two_different_prices_for_one_cycle_are_refused_in_words_and_change_nothing(tmp_path, other):
    from app.api import BadAnswer
    from app.session.wording import explain

    panel = Panel()
    path = tmp_path / "cache.sqlite3"
    hostile.canned_sync(panel.session, path)
    before = hostile.cache_tables(path, "products", "sync_state")
    panel.answers["/billing/products"] = page([{**PRODUCT, "pricing": [MONTHLY, {**MONTHLY, **other}],
                                                "updated_at": LATER}])
    with pytest.raises(BadAnswer) as caught:
        hostile.canned_sync(panel.session, path)
    assert hostile.cache_tables(path, "products", "sync_state") == before
    assert "monthly" in str(caught.value) and "twice" in str(caught.value)
    assert explain(caught.value)[0] == "The panel sent an answer Sett does not understand."
