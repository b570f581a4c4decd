"""Cancelling an unpaid card order against localstripe: the cancel rejects the PaymentIntent at Stripe, and a card
payment racing the cancel (Stripe's own confirm and its signed webhook) ends paid or cancelled, never both."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
import requests
import stripe

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.panel.test_gateway_stripe import intent_of, localstripe, wait_for
from tests.support.panel import Api

WAIT = 60


@pytest.fixture(scope="module")
def product(gateway_shop) -> dict:
    return gateway_shop.product(name="Cancel VPS", stock=3,
                                pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])


def buy_by_card(buyer: Api, product: dict) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "stripe",
            **URLS}
    placed = buyer.data("POST", "/billing/checkout", body, expect=201)
    assert requests.get(placed["payment"]["checkout_url"], timeout=30).status_code == 200  # opens the intent
    return placed


def card_on(client: stripe.StripeClient, intent_id: str) -> None:
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": token.card.id})


def balance(buyer: Api) -> Decimal:
    return Decimal(clone(buyer).data("GET", "/billing/credits")["balance"])


def test_cancelling_rejects_the_payment_intent_at_stripe(gateway_panel, gateway_shop, product):
    buyer = gateway_shop.user(credits="1.00")
    placed = buy_by_card(buyer, product)
    intent_id = intent_of(gateway_panel, placed["payment"]["id"])
    client = localstripe(gateway_panel)
    card_on(client, intent_id)
    buyer.data("POST", f"/billing/orders/{placed['order']['id']}/cancel", expect=200)

    assert client.v1.payment_intents.retrieve(intent_id).status == "canceled"
    with pytest.raises(stripe.StripeError):
        client.v1.payment_intents.confirm(intent_id)
    assert balance(buyer) == Decimal("1.00")
    assert buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")["status"] == "cancelled"


@pytest.mark.parametrize("attempt", range(3))
def test_a_cancel_racing_a_card_payment_and_its_webhook_ends_one_way(gateway_panel, gateway_shop, product, attempt):
    buyer = gateway_shop.user()
    placed = buy_by_card(buyer, product)
    stock_before = gateway_shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]
    intent_id = intent_of(gateway_panel, placed["payment"]["id"])
    client = localstripe(gateway_panel)
    card_on(client, intent_id)
    barrier = threading.Barrier(2, timeout=WAIT)

    def confirm_at_stripe():
        barrier.wait()
        try:
            return client.v1.payment_intents.confirm(intent_id).status
        except stripe.StripeError:
            return "refused"

    def cancel():
        barrier.wait()
        return clone(buyer).post(f"/billing/orders/{placed['order']['id']}/cancel")

    with ThreadPoolExecutor(max_workers=2) as pool:
        stripe_said, cancelled = pool.submit(confirm_at_stripe), pool.submit(cancel)
        stripe_said, cancelled = stripe_said.result(WAIT), cancelled.result(WAIT)

    order_path = f"/billing/orders/{placed['order']['id']}"
    if stripe_said == "succeeded":  # Stripe took the money: wait until its webhook has been counted
        wait_for(lambda: (buyer.data("GET", order_path)["status"], balance(buyer)),
                 lambda seen: seen[0] == "active" or seen[1] == Decimal("10.00"), what="the webhook")
    order = buyer.data("GET", order_path)
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    stock = gateway_shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]
    if order["status"] == "active":
        assert cancelled.status_code == 409 and stripe_said == "succeeded"
        assert_error(cancelled, 409, "order_not_cancellable")
        assert invoice["status"] == "paid" and stock == stock_before and balance(buyer) == Decimal(0)
    else:
        assert cancelled.status_code == 200
        assert (order["status"], invoice["status"], stock) == ("cancelled", "cancelled", stock_before + 1)
        # money Stripe took for the cancelled invoice is kept as credit, once; otherwise nothing was taken
        assert balance(buyer) == (Decimal("10.00") if stripe_said == "succeeded" else Decimal(0))
