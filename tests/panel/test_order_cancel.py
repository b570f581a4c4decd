"""Cancelling an unpaid order (POST /billing/orders/{id}/cancel) over real HTTP, on a private panel whose PayPal
is the panel's own sandbox page, so a buyer "pays at PayPal" with one form post and races are plain HTTP."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

WAIT = 60
MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


@pytest.fixture(scope="module")
def sandbox_panel(tmp_path_factory) -> PanelProcess:
    proc = PanelProcess(tmp_path_factory.mktemp("order-cancel")).start()
    Shop(admin_of(proc)).settings(paypal_enabled=True)  # no PayPal credentials: the sandbox approval page
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def shop(sandbox_panel) -> Shop:
    return Shop(admin_of(sandbox_panel))


def buy(buyer: Api, product: dict, quantity: int = 1, **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": quantity}],
            "payment_method": "paypal", **URLS, **extra}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def cancel(buyer: Api, order_id: str, key: str | None = None) -> requests.Response:
    return buyer.post(f"/billing/orders/{order_id}/cancel", headers={"Idempotency-Key": key} if key else None)


def approve_at_sandbox(payment: dict) -> requests.Response:
    """The buyer presses "Approve" on the sandbox PayPal page (a form post carrying the page's token)."""
    url, _, query = payment["checkout_url"].partition("?")
    token = query.removeprefix("token=")
    return requests.post(f"{url}/paypal/approve", data={"token": token}, allow_redirects=False, timeout=30)


def stock(shop: Shop, product: dict) -> int | None:
    return shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]


def balance(buyer: Api) -> Decimal:
    return Decimal(clone(buyer).data("GET", "/billing/credits")["balance"])


def test_cancel_undoes_the_order_in_full(shop):
    product = shop.product(pricing=MONTHLY_10, stock=5)
    coupon = shop.coupon(max_uses=1)
    buyer = shop.user(credits="4.00")
    placed = buy(buyer, product, quantity=2, coupon_code=coupon["code"])
    order, invoice = placed["order"], placed["invoice"]
    assert (invoice["credits_applied"], stock(shop, product), balance(buyer)) == ("4.00", 3, Decimal(0))

    cancelled = buyer.data("POST", f"/billing/orders/{order['id']}/cancel", expect=200)

    assert cancelled["id"] == order["id"] and cancelled["status"] == "cancelled"
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "cancelled"
    services = [buyer.data("GET", f"/billing/services/{sid}") for sid in order["service_ids"]]
    assert [s["status"] for s in services] == ["cancelled", "cancelled"]
    assert stock(shop, product) == 5
    assert balance(buyer) == Decimal("4.00")
    back = buyer.data("GET", "/billing/credits/transactions")[0]
    assert (back["type"], back["amount"], back["invoice_id"]) == ("refund", "4.00", invoice["id"])
    payment = buyer.data("GET", f"/billing/payments/{placed['payment']['id']}")
    assert payment["status"] == "cancelled"  # the pay page can no longer pay it
    assert approve_at_sandbox(placed["payment"]).status_code == 410
    # the coupon's only use is free again
    other = shop.user(credits="100.00")
    assert buy(other, product, coupon_code=coupon["code"], payment_method="credits")["order"]["coupon"]


def test_cancelling_again_answers_the_same_order_and_a_key_replays(shop):
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user(credits="3.00")
    order = buy(buyer, product)["order"]
    first = cancel(buyer, order["id"], key="cancel-1")
    again, replay = cancel(buyer, order["id"]), cancel(buyer, order["id"], key="cancel-1")
    assert first.status_code == again.status_code == replay.status_code == 200
    assert replay.json() == first.json()
    assert again.json()["data"]["status"] == first.json()["data"]["status"] == "cancelled"
    assert balance(buyer) == Decimal("3.00")  # given back once
    other_order = buy(buyer, product)["order"]
    assert_error(cancel(buyer, other_order["id"], key="cancel-1"), 409, "idempotency_conflict")


def test_another_users_order_is_not_found_and_untouched(shop):
    product = shop.product(pricing=MONTHLY_10)
    owner, stranger = shop.user(), shop.user()
    order = buy(owner, product)["order"]
    assert_error(cancel(stranger, order["id"]), 404, "not_found")
    assert_error(cancel(stranger, "no-such-order"), 404, "not_found")
    assert owner.data("GET", f"/billing/orders/{order['id']}")["status"] == "pending"


def test_paid_and_refunded_orders_cannot_be_cancelled(shop):
    product = shop.product(pricing=MONTHLY_10, stock=3)
    buyer = shop.user()
    placed = buy(buyer, product)
    assert approve_at_sandbox(placed["payment"]).status_code == 303
    error = assert_error(cancel(buyer, placed["order"]["id"]), 409, "order_not_cancellable")
    assert "paid" in error["message"]
    shop.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})
    error = assert_error(cancel(buyer, placed["order"]["id"]), 409, "order_not_cancellable")
    assert "refunded" in error["message"]
    assert stock(shop, product) == 2 and balance(buyer) == Decimal("10.00")  # the refund's, nothing more


def test_an_order_paid_in_full_by_credits_is_active_and_not_cancellable(shop):
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user(credits="10.00")
    placed = buy(buyer, product, payment_method="credits")
    assert_error(cancel(buyer, placed["order"]["id"]), 409, "order_not_cancellable")
    assert balance(buyer) == Decimal(0)


def test_ten_concurrent_cancels_give_stock_and_credits_back_once(shop):
    product = shop.product(pricing=MONTHLY_10, stock=2)
    buyer = shop.user(credits="6.00")
    order = buy(buyer, product)["order"]
    barrier = threading.Barrier(10, timeout=WAIT)

    def go(api: Api) -> requests.Response:
        barrier.wait()
        return cancel(api, order["id"])

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(go, [clone(buyer) for _ in range(10)], timeout=WAIT))
    assert [a.status_code for a in answers] == [200] * 10
    assert {a.json()["data"]["status"] for a in answers} == {"cancelled"}
    assert stock(shop, product) == 2 and balance(buyer) == Decimal("6.00")
    refunds = [t for t in buyer.data("GET", "/billing/credits/transactions") if t["type"] == "refund"]
    assert len(refunds) == 1


@pytest.mark.parametrize("attempt", range(4))
def test_a_cancel_racing_the_gateways_approval_ends_paid_or_cancelled_never_both(shop, attempt):
    product = shop.product(pricing=MONTHLY_10, stock=1)
    buyer = shop.user(credits="2.00")
    placed = buy(buyer, product)
    order_id, invoice_id = placed["order"]["id"], placed["invoice"]["id"]
    barrier = threading.Barrier(2, timeout=WAIT)

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=2) as pool:
        calls = [lambda: cancel(clone(buyer), order_id), lambda: approve_at_sandbox(placed["payment"])]
        if attempt % 2:
            calls.reverse()
        list(pool.map(run, calls, timeout=WAIT))

    order = buyer.data("GET", f"/billing/orders/{order_id}")
    invoice = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    payment = buyer.data("GET", f"/billing/payments/{placed['payment']['id']}")
    if order["status"] == "active":
        assert invoice["status"] == "paid" and payment["status"] == "succeeded"
        assert stock(shop, product) == 0 and balance(buyer) == Decimal(0)
    else:
        assert (order["status"], invoice["status"]) == ("cancelled", "cancelled")
        assert stock(shop, product) == 1
        # the 2.00 credits came back; a PayPal approval that still got through is kept as credit, never lost
        kept = Decimal("8.00") if payment["status"] == "succeeded" else Decimal(0)
        assert payment["status"] in ("succeeded", "cancelled")
        assert balance(buyer) == Decimal("2.00") + kept
        services = [buyer.data("GET", f"/billing/services/{sid}")["status"] for sid in order["service_ids"]]
        assert services == ["cancelled"]
