"""What many of the panel's HTTP tests check or need: the contract's error answer, a login for another thread, and
the shop the currency tests start from."""
from __future__ import annotations

from tests.panel.gateways import URLS
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api


def assert_error(response, status: int, code: str, what: str = "") -> dict:
    """`response` is the contract's error with this status and code (and a message); returns its `error`."""
    assert response.status_code == status, f"{what} {response.status_code} {response.text}".lstrip()
    body = response.json()
    assert body["success"] is False and set(body["error"]) == {"code", "message", "details"}, f"{what} {body}"
    assert body["error"]["code"] == code, f"{what} {body}"
    assert isinstance(body["error"]["message"], str) and body["error"]["message"], f"{what} {body}"
    return body["error"]


def clone(api: Api) -> Api:
    """The same login on a fresh requests.Session, for use in one thread."""
    twin = Api(api.panel, token=api.token)
    twin.user = api.user
    return twin


def paid_with_credits(buyer: Api, product: dict) -> dict:
    """A monthly order of `product`, paid at once from the buyer's credits."""
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def paypal_shop(proc) -> tuple[Shop, Api, dict]:
    """A shop taking PayPal (the panel's sandbox) with one $10.00 monthly product, a buyer, and the body of an order
    of it paid by PayPal: the start of the tests that change the panel's currency under open invoices."""
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    order = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
             **URLS}
    return shop, shop.user(), order
