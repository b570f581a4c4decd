"""Idempotency keys belong to their user (docs/api.md: "per user"): on every POST that takes one, a key another user
already used runs afresh for this user and never answers with the first user's response (their order, invoice,
payment, ticket or message), whether it names the caller's own row or the other user's (404, as without a key). The
first user's replay still answers their own first response with one effect, and their key with another body is 409
`idempotency_conflict`. One private panel with PayPal's sandbox on, so invoices stay payable between requests."""
from __future__ import annotations

import uuid

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("r8-keys")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, tickets_enabled=True)
    yield shop
    proc.stop()


@pytest.fixture(scope="module")
def product(shop):
    return shop.product(pricing=MONTHLY_10)


def unpaid(buyer, product) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "use_credits": False, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def keyed(api, path: str, body, key: str):
    return api.post(path, body, headers={"Idempotency-Key": key})


def two_users(shop, product) -> tuple:
    return shop.user(credits="50.00"), shop.user(credits="50.00")


def ids_in(answer) -> set[str]:
    """Every id anywhere in an answer."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in ("id", "uuid") and isinstance(v, str):
                    found.add(v)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(answer.json())
    return found


def check(first, again, other, theirs_a, theirs_b):
    """`first`/`again`: user A's answer and replay; `other`: B's answer to the same key on B's own row."""
    assert first.status_code in (200, 201), first.text
    assert again.status_code == first.status_code and again.json() == first.json()
    assert other.status_code == first.status_code, other.text
    assert not ids_in(other) & (ids_in(first) - theirs_a - theirs_b), "B got A's answer"


def test_checkout(shop, product):
    a, b = two_users(shop, product)
    key = f"r8-{uuid.uuid4()}"
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
    first = keyed(a, "/billing/checkout", body, key)
    other = keyed(b, "/billing/checkout", body, key)
    again = keyed(a, "/billing/checkout", body, key)
    check(first, again, other, {product["id"], product["category"]["id"]}, set())
    assert other.json()["data"]["order"]["id"] != first.json()["data"]["order"]["id"]
    assert len(a.data("GET", "/billing/orders")) == len(b.data("GET", "/billing/orders")) == 1
    changed = {**body, "items": [{**body["items"][0], "quantity": 2}]}
    assert_error(keyed(a, "/billing/checkout", changed, key), 409, "idempotency_conflict")


def test_paying_one_invoice(shop, product):
    a, b = two_users(shop, product)
    mine, theirs = unpaid(a, product), unpaid(b, product)
    key = f"r8-{uuid.uuid4()}"
    body = {"payment_method": "paypal", "use_credits": False, **URLS}
    first = keyed(a, f"/billing/invoices/{mine['invoice']['id']}/pay", body, key)
    assert_error(keyed(b, f"/billing/invoices/{mine['invoice']['id']}/pay", body, key), 404, "not_found")
    other = keyed(b, f"/billing/invoices/{theirs['invoice']['id']}/pay", body, key)
    again = keyed(a, f"/billing/invoices/{mine['invoice']['id']}/pay", body, key)
    check(first, again, other, {mine["invoice"]["id"]}, {theirs["invoice"]["id"]})
    assert other.json()["data"]["payment"]["invoice_ids"] == [theirs["invoice"]["id"]]
    # one new payment each (beside the checkout's, which it superseded)
    assert len(a.data("GET", f"/billing/invoices/{mine['invoice']['id']}")["payments"]) == 2
    assert_error(keyed(a, f"/billing/invoices/{mine['invoice']['id']}/pay", {**body, "payment_method": "credits"},
                       key), 409, "idempotency_conflict")


def test_paying_several_invoices(shop, product):
    a, b = two_users(shop, product)
    mine, theirs = unpaid(a, product), unpaid(b, product)
    key = f"r8-{uuid.uuid4()}"

    def body(bought):
        return {"invoice_ids": [bought["invoice"]["id"]], "payment_method": "paypal", "use_credits": False, **URLS}
    first = keyed(a, "/billing/invoices/pay", body(mine), key)
    refused = keyed(b, "/billing/invoices/pay", body(mine), key)   # not B's invoice: as without a key
    assert_error(refused, 422, "validation_error")
    assert list(refused.json()["error"]["details"]) == ["invoice_ids.0"]
    other = keyed(b, "/billing/invoices/pay", body(theirs), key)
    again = keyed(a, "/billing/invoices/pay", body(mine), key)
    check(first, again, other, {mine["invoice"]["id"]}, {theirs["invoice"]["id"]})
    assert other.json()["data"]["payment"]["invoice_ids"] == [theirs["invoice"]["id"]]
    assert_error(keyed(a, "/billing/invoices/pay", {**body(mine), "use_credits": True}, key), 409,
                 "idempotency_conflict")


def test_cancelling_an_unpaid_order(shop, product):
    a, b = two_users(shop, product)
    mine, theirs = unpaid(a, product), unpaid(b, product)
    key = f"r8-{uuid.uuid4()}"
    first = keyed(a, f"/billing/orders/{mine['order']['id']}/cancel", None, key)
    assert_error(keyed(b, f"/billing/orders/{mine['order']['id']}/cancel", None, key), 404, "not_found")
    other = keyed(b, f"/billing/orders/{theirs['order']['id']}/cancel", None, key)
    again = keyed(a, f"/billing/orders/{mine['order']['id']}/cancel", None, key)
    check(first, again, other, {mine["order"]["id"]}, {theirs["order"]["id"]})
    assert other.json()["data"]["id"] == theirs["order"]["id"] and other.json()["data"]["status"] == "cancelled"
    # A's key on B's order is not found, the same as on none at all, before the key is looked at: it tells nothing
    # of B's, and a key's state never decides whether a row is there (docs/api.md, Idempotency-Key; b67c847).
    assert_error(keyed(a, f"/billing/orders/{theirs['order']['id']}/cancel", None, key), 404, "not_found")
    assert_error(keyed(a, f"/billing/orders/{uuid.uuid4()}/cancel", None, key), 404, "not_found")
    assert b.data("GET", f"/billing/orders/{theirs['order']['id']}") == other.json()["data"]


def test_asking_to_cancel_a_service(shop, product):
    a, b = two_users(shop, product)
    mine = buy(a, product["id"])["order"]["service_ids"][0]
    theirs = buy(b, product["id"])["order"]["service_ids"][0]
    key = f"r8-{uuid.uuid4()}"
    body = {"type": "end_of_period", "reason": "moving"}
    first = keyed(a, f"/billing/services/{mine}/cancel", body, key)
    assert_error(keyed(b, f"/billing/services/{mine}/cancel", body, key), 404, "not_found")
    other = keyed(b, f"/billing/services/{theirs}/cancel", body, key)
    again = keyed(a, f"/billing/services/{mine}/cancel", body, key)
    check(first, again, other, {mine}, {theirs})
    assert other.json()["data"]["id"] != first.json()["data"]["id"]
    assert b.data("GET", f"/billing/services/{theirs}")["cancellation"]["id"] == other.json()["data"]["id"]
    assert_error(keyed(a, f"/billing/services/{mine}/cancel", {**body, "reason": "other"}, key), 409,
                 "idempotency_conflict")


def test_opening_a_ticket_and_replying(shop, product):
    a, b = two_users(shop, product)
    key = f"r8-{uuid.uuid4()}"
    body = {"subject": "Same words", "department": "billing", "body": "Hello"}
    first = keyed(a, "/support/tickets", body, key)
    other = keyed(b, "/support/tickets", body, key)
    again = keyed(a, "/support/tickets", body, key)
    check(first, again, other, set(), set())
    assert len(a.data("GET", "/support/tickets")) == len(b.data("GET", "/support/tickets")) == 1
    mine, theirs = first.json()["data"]["id"], other.json()["data"]["id"]

    key = f"r8-{uuid.uuid4()}"
    first = keyed(a, f"/support/tickets/{mine}/replies", {"body": "more"}, key)
    assert_error(keyed(b, f"/support/tickets/{mine}/replies", {"body": "more"}, key), 404, "not_found")
    other = keyed(b, f"/support/tickets/{theirs}/replies", {"body": "more"}, key)
    again = keyed(a, f"/support/tickets/{mine}/replies", {"body": "more"}, key)
    check(first, again, other, {mine}, {theirs})
    assert len(a.data("GET", f"/support/tickets/{mine}")["messages"]) == 2
    assert len(b.data("GET", f"/support/tickets/{theirs}")["messages"]) == 2
    assert_error(keyed(a, f"/support/tickets/{mine}/replies", {"body": "else"}, key), 409, "idempotency_conflict")


def test_topping_up_and_cancelling_the_top_up(shop, product):
    a, b = two_users(shop, product)
    key = f"r8-{uuid.uuid4()}"
    body = {"amount": "10.00", "payment_method": "paypal", **URLS}
    first = keyed(a, "/billing/credits/top-up", body, key)
    other = keyed(b, "/billing/credits/top-up", body, key)
    again = keyed(a, "/billing/credits/top-up", body, key)
    check(first, again, other, set(), set())
    mine, theirs = first.json()["data"]["invoice"]["id"], other.json()["data"]["invoice"]["id"]
    assert mine != theirs

    key = f"r8-{uuid.uuid4()}"
    first = keyed(a, f"/billing/invoices/{mine}/cancel", None, key)
    assert_error(keyed(b, f"/billing/invoices/{mine}/cancel", None, key), 404, "not_found")
    other = keyed(b, f"/billing/invoices/{theirs}/cancel", None, key)
    again = keyed(a, f"/billing/invoices/{mine}/cancel", None, key)
    check(first, again, other, {mine}, {theirs})
    assert other.json()["data"]["id"] == theirs and other.json()["data"]["status"] == "cancelled"
