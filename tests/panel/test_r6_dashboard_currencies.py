"""The dashboard's total_due is in its `currency`: an invoice raised before the panel's currency changed stays due in
its own, and was added to it one for one (10.00 USD + 10.00 EUR shown as 20.00 EUR). It is listed apart instead, so
the figures still agree with the invoice list, currency by currency."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.gateways import URLS
from tests.panel.helpers import paypal_shop
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of


def test_total_due_counts_only_its_own_currency_and_lists_the_others(fresh_panel):
    shop, buyer, order = paypal_shop(fresh_panel())
    buyer.data("POST", "/billing/checkout", order, expect=201)
    buyer.data("POST", "/billing/checkout", order, expect=201)
    shop.settings(currency_code="EUR", currency_symbol="€")
    buyer.data("POST", "/billing/checkout", order, expect=201)
    buyer.data("POST", "/billing/credits/top-up", {"amount": "5.00", "payment_method": "paypal", **URLS},
               expect=201)

    dashboard = buyer.data("GET", "/billing/dashboard")
    listed = buyer.data("GET", "/billing/invoices")
    by_currency: dict[str, Decimal] = {}
    for invoice in listed:
        by_currency[invoice["currency"]] = by_currency.get(invoice["currency"], Decimal(0)) + \
            Decimal(invoice["balance_due"])
    assert by_currency == {"EUR": Decimal("15.00"), "USD": Decimal("20.00")}
    assert (dashboard["currency"], dashboard["total_due"]) == ("EUR", "15.00")  # was 35.00
    assert dashboard["other_currencies_due"] == [{"currency": "USD", "total_due": "20.00", "invoices": 2}]
    assert dashboard["pending_invoices"] == 4


def test_one_currency_lists_no_others(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    buyer = shop.user()
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert (dashboard["total_due"], dashboard["other_currencies_due"]) == ("0.00", [])
