"""Exactly once under a real race: two requests released together by a barrier, over HTTP, against one private panel.

The same Idempotency-Key sent twice at once, on every POST that takes one, makes one order / payment / invoice /
request / ticket / message, and both answers are the same answer. Different keys racing for the last unit of stock,
the last use of a coupon, or a balance that covers one purchase: exactly one wins, the other gets the contract's
refusal, and the balance never goes below zero. Each race runs several times.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.support.catalogue import MONTHLY_10, Shop, buy_service
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

WAIT = 60
ROUNDS = 3


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Shop:
    proc = PanelProcess(tmp_path_factory.mktemp("audit2-races")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, tickets_enabled=True)  # PayPal with no credentials: the sandbox page
    yield shop
    proc.stop()


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(pricing=MONTHLY_10)


@pytest.fixture(scope="module")
def rivals(shop) -> tuple[Api, Api]:
    """Two buyers with credits enough for every race they run against each other."""
    return shop.user(credits="1000.00"), shop.user(credits="1000.00")


def pair(first: Callable[[], requests.Response],
         second: Callable[[], requests.Response]) -> tuple[requests.Response, requests.Response]:
    barrier = threading.Barrier(2, timeout=WAIT)

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(run, first), pool.submit(run, second)]
        a, b = (f.result(timeout=WAIT) for f in futures)
    return a, b


def twice_with_one_key(user: Api, method: str, path: str, body=None) -> tuple[requests.Response, requests.Response]:
    key = {"Idempotency-Key": f"race-{uuid.uuid4()}"}
    one, two = clone(user), clone(user)
    return pair(lambda: one.request(method, path, json=body, headers=key),
                lambda: two.request(method, path, json=body, headers=key))


def same_answer(a: requests.Response, b: requests.Response, status: int) -> dict:
    assert (a.status_code, b.status_code) == (status, status), (a.text, b.text)
    assert a.json() == b.json()
    return a.json()["data"]


def count(user: Api, path: str, **params) -> int:
    return clone(user).get(path, params={"per_page": 1, **params}).json()["meta"]["total"]


def paypal_order(user: Api, product: dict, **extra) -> dict:
    return user.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                                   "payment_method": "paypal", **URLS, **extra}, expect=201)


def payments_of(user: Api, invoice_id: str) -> list[dict]:
    return clone(user).data("GET", f"/billing/invoices/{invoice_id}")["payments"]


def test_one_checkout_key_sent_twice_at_once_makes_one_order(shop, product):
    buyer = shop.user()
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal", **URLS}
    for n in range(ROUNDS):
        data = same_answer(*twice_with_one_key(buyer, "POST", "/billing/checkout", body), 201)
        assert data["payment"]["status"] == "requires_action"
        assert (count(buyer, "/billing/orders"), count(buyer, "/billing/invoices")) == (n + 1, n + 1)


def test_one_key_paying_an_invoice_twice_at_once_starts_one_payment(shop, product):
    buyer = shop.user()
    for _ in range(ROUNDS):
        invoice = paypal_order(buyer, product)["invoice"]
        before = len(payments_of(buyer, invoice["id"]))
        data = same_answer(*twice_with_one_key(buyer, "POST", f"/billing/invoices/{invoice['id']}/pay",
                                               {"payment_method": "paypal", **URLS}), 200)
        after = payments_of(buyer, invoice["id"])
        assert len(after) == before + 1 and after[-1]["id"] == data["payment"]["id"]


def test_one_key_paying_several_twice_at_once_starts_one_payment(shop, product):
    buyer = shop.user()
    for _ in range(ROUNDS):
        ids = [paypal_order(buyer, product)["invoice"]["id"] for _ in range(2)]
        data = same_answer(*twice_with_one_key(buyer, "POST", "/billing/invoices/pay",
                                               {"invoice_ids": ids, "payment_method": "paypal", **URLS}), 200)
        for invoice_id in ids:
            gateway = [p for p in payments_of(buyer, invoice_id) if p["method"] == "paypal"]
            # the checkout's own payment (now superseded) and the one shared payment
            assert [p["status"] for p in gateway] == ["cancelled", "pending"]
            assert gateway[-1]["id"] == data["payment"]["id"]


def test_one_top_up_key_sent_twice_at_once_raises_one_invoice(shop):
    buyer = shop.user()
    for n in range(ROUNDS):
        same_answer(*twice_with_one_key(buyer, "POST", "/billing/credits/top-up",
                                        {"amount": "25.00", "payment_method": "paypal", **URLS}), 201)
        assert count(buyer, "/billing/invoices") == n + 1


def test_one_key_cancelling_an_order_twice_at_once_returns_credits_once(shop, product):
    buyer = shop.user(credits="4.00")
    for n in range(ROUNDS):
        placed = paypal_order(buyer, product)  # takes 4.00 of credits, the rest at PayPal
        assert placed["invoice"]["credits_applied"] == "4.00"
        data = same_answer(*twice_with_one_key(buyer, "POST", f"/billing/orders/{placed['order']['id']}/cancel"), 200)
        assert data["status"] == "cancelled"
        assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"
        refunds = [t for t in buyer.data("GET", "/billing/credits/transactions", params={"per_page": 100})
                   if t["type"] == "refund"]
        assert len(refunds) == n + 1


def test_one_key_requesting_a_cancellation_twice_at_once_makes_one_request(shop, product):
    buyer = shop.user(credits=str(10 * ROUNDS))
    for _ in range(ROUNDS):
        service = buy_service(buyer, product)
        data = same_answer(*twice_with_one_key(buyer, "POST", f"/billing/services/{service['id']}/cancel",
                                               {"type": "end_of_period", "reason": "racing"}), 201)
        assert buyer.data("GET", f"/billing/services/{service['id']}")["cancellation"]["id"] == data["id"]
        made = [r["id"] for r in shop.admin.data("GET", "/admin/billing/cancellations", params={"per_page": 100})
                if r["service_id"] == service["id"]]
        assert made == [data["id"]]


def test_one_key_opening_a_ticket_twice_at_once_opens_one(shop):
    buyer = shop.user()
    for n in range(ROUNDS):
        same_answer(*twice_with_one_key(buyer, "POST", "/support/tickets",
                                        {"subject": f"Race {n}", "department": "billing", "body": "Hello"}), 201)
        assert count(buyer, "/support/tickets") == n + 1


def test_one_key_replying_twice_at_once_writes_one_message(shop):
    buyer = shop.user()
    ticket = buyer.data("POST", "/support/tickets", {"subject": "Replies", "department": "sales", "body": "Hi"},
                        expect=201)
    for n in range(ROUNDS):
        data = same_answer(*twice_with_one_key(buyer, "POST", f"/support/tickets/{ticket['id']}/replies",
                                               {"body": f"Reply {n}"}), 201)
        messages = buyer.data("GET", f"/support/tickets/{ticket['id']}")["messages"]
        assert len(messages) == n + 2 and messages[-1]["id"] == data["id"]


def two_buyers_at_once(first: Api, second: Api, body: dict) -> list[requests.Response]:
    a, b = clone(first), clone(second)
    return list(pair(lambda: a.post("/billing/checkout", body, headers={"Idempotency-Key": str(uuid.uuid4())}),
                     lambda: b.post("/billing/checkout", body, headers={"Idempotency-Key": str(uuid.uuid4())})))


def winner_and_loser(answers: list[requests.Response], status: int, code: str) -> None:
    answers = sorted(answers, key=lambda r: r.status_code)
    assert answers[0].status_code == 201, answers[0].text
    assert_error(answers[1], status, code)


def test_two_buyers_for_the_last_unit_one_gets_it_the_other_out_of_stock(shop, rivals):
    for _ in range(ROUNDS):
        last = shop.product(pricing=MONTHLY_10, stock=1)
        body = {"items": [{"product_id": last["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
        winner_and_loser(two_buyers_at_once(*rivals, body),
                         409, "out_of_stock")
        assert shop.admin.data("GET", f"/admin/billing/products/{last['id']}")["stock"] == 0


def test_two_buyers_for_a_coupons_last_use_one_gets_it(shop, product, rivals):
    for _ in range(ROUNDS):
        coupon = shop.coupon(max_uses=1)
        body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits",
                "coupon_code": coupon["code"]}
        winner_and_loser(two_buyers_at_once(*rivals, body),
                         422, "coupon_invalid")
        [used] = [c for c in shop.admin.data("GET", "/admin/billing/coupons", params={"per_page": 100})
                  if c["id"] == coupon["id"]]
        assert used["uses"] == 1


def test_two_checkouts_on_credits_that_cover_one_buy_one_and_never_go_negative(shop, product):
    buyer = shop.user()
    for n in range(ROUNDS):
        shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "10.00"}, expect=201)
        body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
        winner_and_loser(two_buyers_at_once(buyer, buyer, body), 409, "insufficient_credits")
        assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
        ledger = buyer.data("GET", "/billing/credits/transactions", params={"per_page": 100})
        assert all(Decimal(t["balance_after"]) >= 0 for t in ledger)
        assert [t["type"] for t in ledger] == ["payment", "adjustment"] * (n + 1)
        assert count(buyer, "/billing/orders") == n + 1
