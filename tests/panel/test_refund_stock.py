"""Stock and admin refunds, as docs/api.md decides: stock counts units sold, so only an order that never became a
sale (an unpaid one cancelled) gives its units back. A refunded order or renewal ends its services and leaves the
count alone, as a cancelled or terminated service does; the operator raises stock when there is room again."""
from __future__ import annotations

from tests.panel.test_lifecycle import Clocked, days_until_raised, renewals
from tests.support.catalogue import buy

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


def stock(admin, product: dict) -> int | None:
    return admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"]


def test_a_refunded_renewal_and_then_its_refunded_order_leave_the_stock_as_sold(fresh_panel):
    world = Clocked(fresh_panel)
    product = world.shop.product(pricing=MONTHLY_10, stock=4)
    buyer = world.shop.user(credits="100.00")
    placed = buy(buyer, product["id"])
    service = buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")
    world.advance(days_until_raised(service, 7), buyer)
    [renewal] = renewals(buyer)
    assert renewal["status"] == "paid"  # credits pay it when it is raised
    assert stock(world.admin, product) == 3

    world.admin.data("POST", f"/admin/billing/invoices/{renewal['id']}/refund", {"to": "credits"})
    assert buyer.data("GET", f"/billing/services/{service['id']}")["status"] == "cancelled"
    assert stock(world.admin, product) == 3

    world.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})
    assert buyer.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "refunded"
    assert stock(world.admin, product) == 3


def test_unlimited_stock_stays_unlimited_through_a_refund(shop):
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user(credits="100.00")
    placed = buy(buyer, product["id"])
    shop.admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})
    assert stock(shop.admin, product) is None
