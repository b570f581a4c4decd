"""What the gateway tests share: where the pay pages send the buyer back, and buying, paying and refunding.

The return and cancel URLs are loopback addresses where nothing listens: that is where the client's web view
would close, so a browser stops there and the tests read the truth over the API.
"""
from __future__ import annotations

import requests

from tests.support.panel import Api

RETURN_URL = "http://127.0.0.1:9/return"
CANCEL_URL = "http://127.0.0.1:9/cancel"
URLS = {"return_url": RETURN_URL, "cancel_url": CANCEL_URL}


def buy(buyer: Api, product: dict, method: str, use_credits: bool = True) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": method,
            "use_credits": use_credits, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def top_up(buyer: Api, amount: str, method: str = "stripe") -> dict:
    return buyer.data("POST", "/billing/credits/top-up", {"amount": amount, "payment_method": method, **URLS},
                      expect=201)


def pay_at_paypal(browser: requests.Session, payment: dict) -> None:
    """Pay page -> PayPal's approve link -> back to the panel, which captures -> the client's return_url."""
    url, expected = payment["checkout_url"], (303, 302, 303)
    for status in expected:
        response = browser.get(url, allow_redirects=False, timeout=30)
        assert response.status_code == status, response.text
        url = response.headers["location"]
    assert url == f"{RETURN_URL}?payment={payment['id']}"


def refund(admin: Api, invoice_id: str, to: str) -> requests.Response:
    return admin.post(f"/admin/billing/invoices/{invoice_id}/refund", {"to": to})


def invoice_of(buyer: Api, invoice_id: str) -> dict:
    return buyer.data("GET", f"/billing/invoices/{invoice_id}")


def balance(buyer: Api) -> str:
    return buyer.data("GET", "/billing/credits")["balance"]
