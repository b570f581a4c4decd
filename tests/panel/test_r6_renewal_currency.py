"""A service renews in the currency it was bought in. An order left unpaid across a currency change, paid in its
own currency afterwards (USD), made a service whose renewals were raised in the new one at the same figure:
10.00 USD a month became 10.00 EUR. Its renewals are now in USD (paid through a gateway; credits, in EUR, take
none), and the dashboard's next_due_* (in its own currency) leaves them out as it leaves out their invoices."""
from __future__ import annotations

from tests.panel.gateways import URLS
from tests.panel.helpers import paypal_shop
from tests.panel.test_order_cancel import approve_at_sandbox
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api


def test_a_service_bought_in_dollars_renews_in_dollars_after_the_switch_to_euros(fresh_panel):
    proc = fresh_panel()
    shop, buyer, order = paypal_shop(proc)
    dollars = buyer.data("POST", "/billing/checkout", order, expect=201)
    shop.settings(currency_code="EUR", currency_symbol="€")
    payment = buyer.data("POST", f"/billing/invoices/{dollars['invoice']['id']}/pay",
                         {"payment_method": "paypal", **URLS})
    assert approve_at_sandbox(payment).status_code == 303
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "50.00"}, expect=201)
    key = buyer.data("POST", "/account/api-keys", {"name": "renewals"}, expect=201)["key"]
    (service,) = buyer.data("GET", "/billing/services")
    assert (service["currency"], service["recurring_amount"]) == ("USD", "10.00")
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert (dashboard["next_due_date"], dashboard["next_due_amount"]) == (None, None)  # not "10.00" EUR

    shop.admin.data("POST", "/admin/clock/advance", {"days": 26})  # past the day its renewal is raised
    buyer = Api(proc, token=key)
    (renewal,) = [i for i in buyer.data("GET", "/billing/invoices") if i["kind"] == "renewal"]
    assert (renewal["currency"], renewal["total"], renewal["credits_applied"], renewal["status"]) == \
        ("USD", "10.00", "0.00", "pending")
    assert buyer.data("GET", "/billing/credits")["balance"] == "50.00"  # EUR credits never paid USD
    note = next(n for n in buyer.data("GET", "/notifications") if n["title"] == "Invoice raised")
    assert "10.00 USD" in note["message"] and "€" not in note["message"]
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert dashboard["other_currencies_due"] == [{"currency": "USD", "total_due": "10.00", "invoices": 1}]


def test_a_service_in_the_panels_currency_still_renews_from_credits(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user(credits="20.00")
    buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                             "payment_method": "credits"}, expect=201)
    key = buyer.data("POST", "/account/api-keys", {"name": "renewals"}, expect=201)["key"]
    shop.admin.data("POST", "/admin/clock/advance", {"days": 26})
    buyer = Api(proc, token=key)
    renewal = next(i for i in buyer.data("GET", "/billing/invoices") if i["kind"] == "renewal")
    assert (renewal["currency"], renewal["status"], renewal["credits_applied"]) == ("USD", "paid", "10.00")
