"""The dashboard's figures agree with each other and with the invoice list a user opens from them: pending_invoices and
overdue_invoices count the list's open rows (every currency), total_due sums those in `currency`
(`total_due_invoices` of them), and other_currencies_due names the rest, currency by currency."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.gateways import URLS
from tests.panel.helpers import paypal_shop
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api


def open_rows(buyer, status: str = "pending,overdue") -> list[dict]:
    return buyer.data("GET", "/billing/invoices", params={"status": status, "per_page": 100})


def test_the_counts_add_up_with_invoices_in_two_currencies_one_overdue(fresh_panel):
    proc = fresh_panel()
    shop, buyer, order = paypal_shop(proc)
    buyer.data("POST", "/billing/checkout", order, expect=201)
    buyer.data("POST", "/billing/checkout", order, expect=201)
    shop.settings(currency_code="EUR", currency_symbol="€")
    buyer.data("POST", "/billing/checkout", order, expect=201)
    shop.admin.data("POST", "/admin/clock/advance", {"days": 2})  # the three order invoices are now overdue
    buyer = Api(proc).login(buyer.user["email"], USER_PASSWORD)     # the clock moved past the token's life
    buyer.data("POST", "/billing/credits/top-up", {"amount": "5.00", "payment_method": "paypal", **URLS},
               expect=201)

    board = buyer.data("GET", "/billing/dashboard")
    rows = open_rows(buyer)
    assert board["pending_invoices"] == len(rows) == 4
    assert board["overdue_invoices"] == len(open_rows(buyer, "overdue")) == 3
    own = [r for r in rows if r["currency"] == board["currency"]]
    assert board["total_due_invoices"] == len(own) == 2
    assert Decimal(board["total_due"]) == sum(Decimal(r["balance_due"]) for r in own) == Decimal("15.00")
    assert board["pending_invoices"] == board["total_due_invoices"] + sum(
        o["invoices"] for o in board["other_currencies_due"])
    assert board["other_currencies_due"] == [{"currency": "USD", "total_due": "20.00", "invoices": 2}]


def test_one_currency_counts_every_open_invoice_in_total_due(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "7.50", "setup_fee": "0.00"}])
    buyer = shop.user()
    board = buyer.data("GET", "/billing/dashboard")
    assert (board["pending_invoices"], board["total_due_invoices"], board["total_due"]) == (0, 0, "0.00")
    order = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
             **URLS}
    buyer.data("POST", "/billing/checkout", order, expect=201)
    buyer.data("POST", "/billing/checkout", order, expect=201)
    board = buyer.data("GET", "/billing/dashboard")
    assert (board["pending_invoices"], board["total_due_invoices"], board["total_due"]) == (2, 2, "15.00")
    assert board["other_currencies_due"] == []


def test_openapi_describes_total_due_invoices(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    spec = shop.admin.get("/openapi.json").json()
    board = spec["components"]["schemas"]["DashboardPublic"]
    assert "total_due_invoices" in board["required"]
    assert board["properties"]["total_due_invoices"]["type"] == "integer"
