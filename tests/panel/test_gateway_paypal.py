"""Paying with PayPal on a panel without PayPal credentials: its own sandbox approval page, in a real browser.

The page must say it is a sandbox (no real money moves). Approving pays the invoice and provisions the service;
cancelling leaves the order and its invoice waiting to be paid. The browser stops where the page sends the buyer
back to the client; the tests then read the truth over the API.
"""
from __future__ import annotations

import pytest
import requests

from tests.panel.gateways import CANCEL_URL, RETURN_URL
from tests.support.catalogue import Shop
from tests.support.panel import Api
from tests.support.screenshots import screenshot_path

WAIT = 30.0  # seconds; generous for a slow machine, and every wait ends as soon as its condition holds


# the panel, its shop and the web browser: tests/panel/conftest.py
@pytest.fixture(scope="module")
def sandbox_shop(gateway_shop) -> Shop:
    gateway_shop.settings(paypal_enabled=True)  # without credentials: the panel's own sandbox page
    return gateway_shop


@pytest.fixture(scope="module")
def vps(sandbox_shop) -> dict:
    return sandbox_shop.product(name="PayPal VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])


@pytest.fixture
def buyer(sandbox_shop) -> Api:
    return sandbox_shop.user()


def buy(user: Api, product: dict) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "return_url": RETURN_URL, "cancel_url": CANCEL_URL}
    bought = user.data("POST", "/billing/checkout", body, expect=201)
    assert bought["payment"]["status"] == "requires_action" and bought["payment"]["checkout_url"]
    return bought


def get(user: Api, path: str) -> dict:
    return user.data("GET", path, expect=200)


def test_sandbox_page_says_what_it_is_and_approving_pays(buyer, vps, web_browser, tmp_path):
    bought = buy(buyer, vps)
    payment_id, invoice = bought["payment"]["id"], bought["invoice"]
    assert web_browser.load(bought["payment"]["checkout_url"]), web_browser.describe()
    text = web_browser.body_text()
    assert "PayPal sandbox" in text and "without moving real money" in text
    assert invoice["invoice_number"] in text and "PayPal VPS (Monthly)" in text
    assert web_browser.text("#amount") == "$10.00 USD"
    assert web_browser.text("#approve") == "Approve payment"
    web_browser.screenshot(screenshot_path("pay-page-paypal-sandbox.png", tmp_path))

    web_browser.click("#approve")
    assert web_browser.wait_for_stop(WAIT) == f"{RETURN_URL}?payment={payment_id}"

    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "succeeded"
    paid = get(buyer, f"/billing/invoices/{invoice['id']}")
    assert (paid["status"], paid["amount_paid"], paid["balance_due"]) == ("paid", "10.00", "0.00")
    assert [(p["method"], p["status"]) for p in paid["payments"]] == [("paypal", "succeeded")]
    order = get(buyer, f"/billing/orders/{bought['order']['id']}")
    assert order["status"] == "active" and len(order["service_ids"]) == 1
    service = get(buyer, f"/billing/services/{order['service_ids'][0]}")
    assert service["status"] == "active" and service["server"]

    # The link is spent: opening it again goes straight back to the client, paying nothing more.
    again = requests.get(bought["payment"]["checkout_url"], timeout=30, allow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == f"{RETURN_URL}?payment={payment_id}"
    assert get(buyer, f"/billing/invoices/{invoice['id']}")["amount_paid"] == "10.00"


def test_cancelling_leaves_the_order_waiting_and_the_invoice_payable(buyer, vps, web_browser):
    bought = buy(buyer, vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    assert web_browser.load(bought["payment"]["checkout_url"]), web_browser.describe()
    web_browser.click("#cancel")
    assert web_browser.wait_for_stop(WAIT) == f"{CANCEL_URL}?payment={payment_id}"

    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "cancelled"
    assert get(buyer, f"/billing/orders/{bought['order']['id']}")["status"] == "pending"
    invoice = get(buyer, f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["balance_due"]) == ("pending", "10.00")

    again = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay",
                       {"payment_method": "paypal", "return_url": RETURN_URL, "cancel_url": CANCEL_URL})["payment"]
    assert again["status"] == "requires_action"
    assert web_browser.load(again["checkout_url"]), web_browser.describe()
    web_browser.stop_at(RETURN_URL, CANCEL_URL)
    web_browser.click("#approve")
    assert web_browser.wait_for_stop(WAIT) == f"{RETURN_URL}?payment={again['id']}"
    assert get(buyer, f"/billing/invoices/{invoice_id}")["status"] == "paid"


def test_paypal_webhook_is_refused_without_configuration(gateway_panel):
    response = requests.post(f"{gateway_panel.url}/api/billing/webhooks/paypal", timeout=30,
                             json={"id": "WH-1", "event_type": "PAYMENT.CAPTURE.COMPLETED",
                                   "resource": {"custom_id": "anything"}})
    assert response.status_code == 400
    assert "not configured" in response.json()["error"]["message"]
