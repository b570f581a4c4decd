"""Stock and admin refunds: a refunded order gives back the stock it took, as a cancelled unpaid order does (the
sale is undone either way); a refunded renewal ends its service but undoes no sale, so the stock stays."""
from __future__ import annotations

from tests.panel.conftest import admin_of
from tests.panel.test_lifecycle import Clocked, days_until_raised, renewals
from tests.support.catalogue import buy

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


def stock(shop, product: dict) -> int | None:
    return shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]


def order_of(buyer, product: dict, quantity: int) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": quantity}],
            "payment_method": "credits"}
    placed = buyer.data("POST", "/billing/checkout", body, expect=201)
    assert placed["payment"]["status"] == "paid"
    return placed


def test_refunding_an_order_returns_the_stock_it_took(shop):
    product = shop.product(pricing=MONTHLY_10, stock=5)
    buyer = shop.user(credits="100.00")
    placed = order_of(buyer, product, quantity=2)
    assert stock(shop, product) == 3
    before = buyer.data("GET", f"/billing/products/{product['id']}")["updated_at"]

    shop.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})

    assert stock(shop, product) == 5
    after = buyer.data("GET", f"/billing/products/{product['id']}")
    assert after["stock"] == 5 and after["in_stock"] and after["updated_at"] > before  # synced clients see it
    assert buyer.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "refunded"


def test_refunding_an_order_that_sold_out_the_product_puts_it_back_on_sale(shop):
    product = shop.product(pricing=MONTHLY_10, stock=1)
    buyer = shop.user(credits="100.00")
    placed = order_of(buyer, product, quantity=1)
    assert buyer.data("GET", f"/billing/products/{product['id']}")["in_stock"] is False

    shop.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})

    assert order_of(shop.user(credits="100.00"), product, quantity=1)["order"]["status"] == "active"
    assert stock(shop, product) == 0


def test_unlimited_stock_stays_unlimited_after_a_refund(shop):
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user(credits="100.00")
    placed = order_of(buyer, product, quantity=3)
    shop.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})
    assert stock(shop, product) is None


def test_refunding_a_renewal_ends_the_service_and_leaves_the_stock(fresh_panel):
    world = Clocked(fresh_panel)
    product = world.shop.product(pricing=MONTHLY_10, stock=4)
    buyer = world.shop.user(credits="100.00")
    placed = buy(buyer, product["id"])
    service = buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")
    world.advance(days_until_raised(service, 7), buyer)
    [renewal] = renewals(buyer)
    assert renewal["status"] == "paid"  # credits pay it when it is raised
    assert stock(world.shop, product) == 3

    world.admin.data("POST", f"/admin/billing/invoices/{renewal['id']}/refund", {"to": "credits"})

    assert buyer.data("GET", f"/billing/services/{service['id']}")["status"] == "cancelled"
    assert stock(world.shop, product) == 3
    # Refunding the order afterwards undoes the sale: the unit comes back, once.
    admin_of(world.proc).data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})
    assert stock(world.shop, product) == 4
