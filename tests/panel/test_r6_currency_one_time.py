"""A one_time service never renews, so it does not hold the panel's currency: the refusal of a new currency code
named it "1 service that renews" and an operator who had sold one-off migrations could never switch."""
from __future__ import annotations

from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of


def test_a_one_time_service_does_not_hold_the_currency_but_a_monthly_one_does(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    once = shop.product(pricing=[{"billing_cycle": "one_time", "price": "30.00", "setup_fee": "0.00"}])
    monthly = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user(credits="40.00")
    for product, cycle in ((once, "one_time"), (monthly, "monthly")):
        buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": cycle}],
                                                 "payment_method": "credits"}, expect=201)
    services = buyer.data("GET", "/billing/services")
    assert sorted((s["billing_cycle"], s["status"]) for s in services) == [("monthly", "active"),
                                                                          ("one_time", "active")]

    error = assert_error(shop.admin.put("/admin/billing/settings", {"currency_code": "EUR"}), 409, "conflict")
    assert "1 service that renews" in error["message"], error  # the monthly one only

    # once the monthly one has ended, the one_time service alone lets the currency change
    monthly_service = next(s for s in services if s["billing_cycle"] == "monthly")
    buyer.data("POST", f"/billing/services/{monthly_service['id']}/cancel",
               {"type": "immediate", "reason": "moving"}, expect=201)
    (request,) = shop.admin.data("GET", "/admin/billing/cancellations")
    shop.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")
    assert shop.admin.data("PUT", "/admin/billing/settings", {"currency_code": "EUR"})["currency_code"] == "EUR"
