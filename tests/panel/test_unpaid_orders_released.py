"""Orders left unpaid are cancelled by the lifecycle jobs after `unpaid_order_cancel_days` when an operator sets it,
so they do not hold limited stock, applied credits and coupon uses for good; 0, the default, keeps them waiting."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.panel.test_lifecycle import Clocked, titles

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


def place_unpaid(world: Clocked, product: dict, buyer, **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            **URLS, **extra}
    placed = buyer.data("POST", "/billing/checkout", body, expect=201)
    assert placed["payment"]["status"] == "requires_action"
    return placed


def stock(world: Clocked, product: dict) -> int | None:
    return world.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]


def test_an_order_left_unpaid_is_cancelled_after_the_set_days_with_everything_returned(fresh_panel):
    world = Clocked(fresh_panel, paypal_enabled=True)
    assert world.admin.data("GET", "/admin/billing/settings")["unpaid_order_cancel_days"] == 0
    world.shop.settings(unpaid_order_cancel_days=14)
    product = world.shop.product(pricing=MONTHLY_10, stock=1)
    coupon = world.shop.coupon(max_uses=1)
    buyer = world.shop.user(credits="3.00")
    placed = place_unpaid(world, product, buyer, coupon_code=coupon["code"])
    order_id, invoice_id = placed["order"]["id"], placed["invoice"]["id"]
    assert stock(world, product) == 0

    jobs = world.advance(13, buyer)["jobs"]
    assert jobs["unpaid_orders_cancelled"] == 0
    assert buyer.data("GET", f"/billing/orders/{order_id}")["status"] == "pending"
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "overdue"

    jobs = world.advance(1, buyer)["jobs"]
    assert jobs["unpaid_orders_cancelled"] == 1
    assert buyer.data("GET", f"/billing/orders/{order_id}")["status"] == "cancelled"
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "cancelled"
    assert buyer.data("GET", f"/billing/payments/{placed['payment']['id']}")["status"] == "cancelled"
    assert stock(world, product) == 1
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == Decimal("3.00")
    assert "Order cancelled" in titles(buyer)
    # The coupon's single use is free again, and the product can be bought.
    other = world.shop.user(credits="20.00")
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits",
            "coupon_code": coupon["code"]}
    assert other.data("POST", "/billing/checkout", body, expect=201)["order"]["status"] == "active"
    # Cancelling it again answers the cancelled order, as for a buyer's cancel.
    assert buyer.data("POST", f"/billing/orders/{order_id}/cancel", expect=200)["status"] == "cancelled"
    assert world.advance(1, buyer)["jobs"]["unpaid_orders_cancelled"] == 0


def test_zero_days_keeps_unpaid_orders_and_paid_orders_are_never_touched(fresh_panel):
    world = Clocked(fresh_panel, paypal_enabled=True)   # the default: 0
    product = world.shop.product(pricing=MONTHLY_10, stock=5)
    buyer = world.shop.user(credits="10.00")
    waiting = place_unpaid(world, product, buyer, use_credits=False)
    paid = buyer.data("POST", "/billing/checkout", {
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"},
        expect=201)

    assert world.advance(40, buyer)["jobs"]["unpaid_orders_cancelled"] == 0
    assert buyer.data("GET", f"/billing/orders/{waiting['order']['id']}")["status"] == "pending"
    assert buyer.data("GET", f"/billing/orders/{paid['order']['id']}")["status"] == "active"
    assert stock(world, product) == 3


def test_the_setting_is_a_whole_number_of_days(fresh_panel):
    world = Clocked(fresh_panel)
    for bad in ("7", 7.0, True, -1, 3651):
        assert_error(world.admin.put("/admin/billing/settings", {"unpaid_order_cancel_days": bad}), 422,
                     "validation_error", "unpaid_order_cancel_days")
    assert world.shop.settings(unpaid_order_cancel_days=30)["unpaid_order_cancel_days"] == 30
