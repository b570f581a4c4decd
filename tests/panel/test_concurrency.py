"""Concurrent buyers over real HTTP: stock, credits, coupon uses, idempotency keys and staff credit changes.

Each scenario fires 10 to 30 requests at once from as many threads, each with its own requests.Session, released
together by a barrier against a private panel. Everything is bounded: request timeouts, barrier timeouts, and
result timeouts.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests

from tests.panel.conftest import admin_of
from tests.panel.helpers import clone
from tests.support.catalogue import Shop
from tests.support.panel import Api

WAIT = 60  # seconds any one scenario may take to come back


@pytest.fixture
def shop(fresh_panel) -> Shop:
    return Shop(admin_of(fresh_panel()))


def at_once(calls: list[Callable[[], requests.Response]]) -> list[requests.Response]:
    """Run every call on its own thread, all released together; answers in call order."""
    barrier = threading.Barrier(len(calls), timeout=WAIT)

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, call) for call in calls]
        return [f.result(timeout=WAIT) for f in futures]


class Watch:
    """Polls a reading on its own session while a storm runs, keeping every value it saw."""

    def __init__(self, read: Callable[[], object]) -> None:
        self.read, self.seen, self.stop = read, [], threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.is_set():
            self.seen.append(self.read())
            self.stop.wait(0.005)

    def __enter__(self) -> Watch:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(WAIT)


def make_users(shop: Shop, n: int, credits: str) -> list[Api]:
    """n buyers with credits, made a few at a time (password hashing is the slow part of the setup)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda _: Shop(clone(shop.admin)).user(credits=credits), range(n), timeout=WAIT))


def checkout(user: Api, product: dict, **extra) -> Callable[[], requests.Response]:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits",
            **extra}
    return lambda: user.post("/billing/checkout", body)


def codes(responses: list[requests.Response]) -> Counter:
    return Counter((r.status_code, None if r.status_code < 400 else r.json()["error"]["code"]) for r in responses)


def orders_of(user: Api) -> list[dict]:
    return clone(user).data("GET", "/billing/orders", params={"per_page": 100})


def balance(user: Api) -> Decimal:
    return Decimal(clone(user).data("GET", "/billing/credits")["balance"])


def test_thirty_buyers_never_take_more_than_five_in_stock(shop):
    product = shop.product(stock=5)
    buyers = make_users(shop, 30, "10.00")
    watcher = clone(buyers[0])
    with Watch(lambda: watcher.data("GET", f"/billing/products/{product['id']}")["stock"]) as watch:
        answers = at_once([checkout(clone(b), product) for b in buyers])
    assert codes(answers) == {(201, None): 5, (409, "out_of_stock"): 25}
    assert watch.seen and min(watch.seen) >= 0
    after = shop.admin.data("GET", f"/billing/products/{product['id']}")
    assert (after["stock"], after["in_stock"]) == (0, False)
    winners = [b for b, r in zip(buyers, answers, strict=True) if r.status_code == 201]
    assert sum(len(orders_of(b)) for b in buyers) == 5
    assert {balance(b) for b in winners} == {Decimal("0.00")}
    assert {balance(b) for b in buyers if b not in winners} == {Decimal("10.00")}
    assert len({r.json()["data"]["order"]["id"] for r in answers if r.status_code == 201}) == 5


def test_fifteen_checkouts_on_credits_for_three_buy_exactly_three(shop):
    product = shop.product()
    user = shop.user(credits="30.00")
    watcher = clone(user)
    with Watch(lambda: Decimal(watcher.data("GET", "/billing/credits")["balance"])) as watch:
        answers = at_once([checkout(clone(user), product) for _ in range(15)])
    assert codes(answers) == {(201, None): 3, (409, "insufficient_credits"): 12}
    assert watch.seen and min(watch.seen) >= 0
    assert clone(user).data("GET", "/billing/credits")["balance"] == "0.00"
    assert len(orders_of(user)) == 3
    history = clone(user).data("GET", "/billing/credits/transactions", params={"per_page": 100})[::-1]
    assert [(t["type"], t["amount"]) for t in history] == [("adjustment", "30.00")] + [("payment", "-10.00")] * 3
    running = Decimal(0)
    for tx in history:
        running += Decimal(tx["amount"])
        assert Decimal(tx["balance_after"]) == running >= 0
    assert len({tx["invoice_id"] for tx in history[1:]}) == 3


def test_a_coupon_for_four_is_used_four_times_by_twenty_buyers(shop):
    product = shop.product()
    coupon = shop.coupon(max_uses=4)
    buyers = make_users(shop, 20, "10.00")
    answers = at_once([checkout(clone(b), product, coupon_code=coupon["code"]) for b in buyers])
    assert codes(answers) == {(201, None): 4, (422, "coupon_invalid"): 16}
    assert all("used up" in r.json()["error"]["message"] for r in answers if r.status_code == 422)
    placed = [o for b in buyers for o in orders_of(b)]
    assert len(placed) == 4 and all(o["coupon"] == {"code": coupon["code"]} for o in placed)
    assert all(o["discount"] == "1.00" for o in placed)
    late = shop.user(credits="10.00")
    r = late.post("/billing/coupons/validate", {"code": coupon["code"],
                                                "items": [{"product_id": product["id"], "billing_cycle": "monthly"}]})
    assert r.json()["data"]["valid"] is False


def test_a_once_per_user_coupon_fired_ten_times_by_one_user_is_used_once(shop):
    product = shop.product()
    coupon = shop.coupon(max_uses_per_user=1)
    user = shop.user(credits="100.00")
    answers = at_once([checkout(clone(user), product, coupon_code=coupon["code"]) for _ in range(10)])
    assert codes(answers) == {(201, None): 1, (422, "coupon_invalid"): 9}
    [order] = orders_of(user)
    assert order["coupon"] == {"code": coupon["code"]}
    assert balance(user) == Decimal("91.00")


def test_one_idempotency_key_from_ten_threads_makes_one_order(shop):
    product = shop.product()
    user = shop.user(credits="100.00")
    key = {"Idempotency-Key": "concurrent-key-1"}
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}

    def send(api: Api) -> Callable[[], requests.Response]:
        return lambda: api.post("/billing/checkout", body, headers=key)

    answers = at_once([send(clone(user)) for _ in range(10)])
    assert codes(answers) == {(201, None): 10}
    assert len({r.json()["data"]["order"]["id"] for r in answers}) == 1
    assert len({r.json()["data"]["invoice"]["id"] for r in answers}) == 1
    assert len(orders_of(user)) == 1
    assert balance(user) == Decimal("90.00")
    changed = clone(user).post("/billing/checkout", {**body, "items": body["items"] * 2}, headers=key)
    assert changed.status_code == 409 and changed.json()["error"]["code"] == "idempotency_conflict"
    assert len(orders_of(user)) == 1


def test_fifty_staff_credit_adjustments_at_once_all_count(shop):
    user = shop.user(credits="5.00")
    path = f"/admin/users/{user.user['id']}/credits"

    def twice(api: Api) -> Callable[[], list[requests.Response]]:
        return lambda: [api.post(path, {"amount": "1", "note": "bonus"}) for _ in range(2)]

    answers = [r for pair in at_once([twice(clone(shop.admin)) for _ in range(25)]) for r in pair]
    assert Counter(r.status_code for r in answers) == {201: 50}
    assert balance(user) == Decimal("55.00")
    history = clone(user).data("GET", "/billing/credits/transactions", params={"per_page": 100})
    assert len(history) == 51
    after = sorted(Decimal(t["balance_after"]) for t in history)
    assert after == [Decimal(5 + n) for n in range(51)]


def test_jobs_and_payments_racing_on_one_invoice_raise_it_once_and_charge_once(shop):
    user = shop.user(credits="10.00")
    product = shop.product()
    checkout(user, product)()
    shop.settings(renewal_days_before=60)  # brings the first renewal into today's window
    runs = at_once([(lambda api=clone(shop.admin): api.post("/admin/billing/jobs/run")) for _ in range(10)])
    assert [r.status_code for r in runs] == [200] * 10
    assert sum(r.json()["data"]["renewals"] for r in runs) == 1
    [invoice] = clone(user).data("GET", "/billing/invoices", params={"status": "pending"})
    shop.admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "30.00"}, expect=201)

    pays = at_once([(lambda api=clone(user): api.post(f"/billing/invoices/{invoice['id']}/pay",
                                                      {"payment_method": "credits"})) for _ in range(10)])
    assert codes(pays) == {(200, None): 1, (409, "invoice_not_payable"): 9}
    assert balance(user) == Decimal("20.00")
    paid = clone(user).data("GET", f"/billing/invoices/{invoice['id']}")
    assert (paid["status"], paid["amount_paid"], len(paid["payments"])) == ("paid", "10.00", 1)
