"""Changing `currency_places` or `currency_code` once money exists: a change that would round or relabel money is
refused (409 `conflict`, naming the setting and what holds the money) and changes nothing; one that rewrites no
amount goes through, and moves every product (its prices are written anew) for syncing clients."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of

PRICE_12_99 = [{"billing_cycle": "monthly", "price": "12.99", "setup_fee": "0.00"}]
PRICE_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


@pytest.fixture
def shop(fresh_panel) -> Shop:
    return Shop(admin_of(fresh_panel()))


def settings(shop: Shop) -> dict:
    return shop.admin.data("GET", "/admin/billing/settings")


def refused(shop: Shop, field: str, **changes) -> str:
    before = settings(shop)
    error = assert_error(shop.admin.put("/admin/billing/settings", json=changes), 409, "conflict")
    assert list(error["details"]) == [field], error
    assert error["message"].startswith(f"{field}: "), error
    assert settings(shop) == before       # nothing written, the other keys of the body included
    return error["details"][field][0]


def test_lowering_places_below_a_credit_balance_is_refused_and_rounds_nothing(shop):
    buyer = shop.user(credits="10.55")
    said = refused(shop, "currency_places", currency_places=0, panel_name="Renamed")
    assert buyer.user["email"] in said and "10.55" in said and "rounded" in said, said
    said = refused(shop, "currency_places", currency_places=1)
    assert "10.55" in said, said
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.55"
    # Raising is always exact.
    assert shop.settings(currency_places=3)["currency_places"] == 3
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.550"
    assert shop.settings(currency_places=2)["currency_places"] == 2


def test_places_the_amounts_fit_are_allowed_and_move_every_product(shop):
    buyer = shop.user(credits="10.50")
    product = shop.product(pricing=PRICE_10)
    cursor = buyer.get("/billing/products", params={"per_page": 1}).json()["meta"]["server_time"]
    assert shop.settings(currency_places=1)["currency_places"] == 1
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.5"
    changed = {r["id"]: r for r in buyer.data("GET", "/billing/products", params={"updated_since": cursor})}
    assert changed[product["id"]]["pricing"][0]["price"] == "10.0"
    said = refused(shop, "currency_places", currency_places=0)      # 10.50 does not fit no places
    assert "10.50" in said or "10.5" in said, said


def test_prices_services_invoices_coupons_and_top_up_limits_hold_their_places(shop):
    product = shop.product(pricing=PRICE_12_99, name="Cent VPS")
    said = refused(shop, "currency_places", currency_places=0)
    assert "Cent VPS" in said and "12.99" in said, said
    shop.admin.data("PUT", f"/admin/billing/products/{product['id']}", {"pricing": PRICE_10})
    buyer = shop.user(credits="20.00")
    placed = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                 "billing_cycle": "monthly"}],
                                                       "payment_method": "credits"}, expect=201)
    shop.coupon(type="fixed", value="2.50")
    said = refused(shop, "currency_places", currency_places=0)
    assert "coupon" in said and "2.50" in said, said
    shop.admin.data("PUT", "/admin/billing/settings", {"top_up_min": "5.5"})
    assert "top_up_min" in refused(shop, "currency_places", currency_places=0)
    # A paid invoice may still be refunded to credits: its cents count too.
    assert placed["invoice"]["total"] == "10.00"


def test_the_currency_cannot_change_while_customers_hold_credit_or_renewing_services(shop):
    shop.product(pricing=PRICE_12_99)
    # The catalogue is the operator's own price list: with no customer money, the currency may change.
    assert shop.settings(currency_code="EUR", currency_symbol="€")["currency_code"] == "EUR"
    buyer = shop.user(credits="5.00")
    said = refused(shop, "currency_code", currency_code="USD", currency_symbol="$")
    assert "EUR" in said and "USD" in said and "1 credit balance" in said, said
    credits = buyer.data("GET", "/billing/credits")
    assert (credits["balance"], credits["currency"]) == ("5.00", "EUR")
    # The symbol alone is only how it is written.
    assert shop.settings(currency_symbol="EUR ")["currency_symbol"] == "EUR "
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "0.00"}])
    buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                             "payment_method": "credits"}, expect=201)
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"      # spent: a renewing service is left
    said = refused(shop, "currency_code", currency_code="USD")
    assert "1 service that renews" in said and "credit" not in said, said


def test_an_unpaid_invoice_keeps_its_own_currency_and_does_not_hold_the_change(shop):
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=PRICE_10)
    buyer = shop.user()
    placed = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                 "billing_cycle": "monthly"}],
                                                       "payment_method": "paypal", "use_credits": False,
                                                       "return_url": "http://127.0.0.1:9/r",
                                                       "cancel_url": "http://127.0.0.1:9/c"}, expect=201)
    assert shop.settings(currency_code="EUR", currency_symbol="€")["currency_code"] == "EUR"
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    assert (invoice["currency"], invoice["total"]) == ("USD", "10.00")
