"""An open invoice raised before `currency_code` changed is due in its own currency, so the panel's places now
(those of the new currency) are not its places: its amounts keep the text they were written with, in the list,
the detail, its order and the dashboard's other currencies, while an open invoice in the panel's currency follows
the places (tests/panel/test_r10b_open_amounts.py)."""
from __future__ import annotations

from tests.panel.helpers import paypal_shop
from tests.panel.test_r10b_open_amounts import PRICE_5, by_paypal


def test_an_open_invoice_in_the_old_currency_keeps_its_places_after_the_currency_changes(fresh_panel):
    shop, buyer, _ = paypal_shop(fresh_panel())
    product = shop.product(pricing=PRICE_5)
    unpaid = by_paypal(buyer, product)                   # 6.00 USD
    assert (unpaid["invoice"]["currency"], unpaid["invoice"]["total"]) == ("USD", "6.00")

    shop.settings(currency_code="KWD", currency_places=3)     # a currency of three places, as the panel's now
    invoice = buyer.data("GET", f"/billing/invoices/{unpaid['invoice']['id']}")
    assert (invoice["currency"], invoice["total"], invoice["balance_due"]) == ("USD", "6.00", "6.00")
    assert [line["amount"] for line in invoice["lines"]] == ["5.00", "1.00"]
    (row,) = [r for r in buyer.data("GET", "/billing/invoices") if r["id"] == invoice["id"]]
    assert (row["total"], row["balance_due"]) == ("6.00", "6.00")
    assert buyer.data("GET", f"/billing/orders/{unpaid['order']['id']}")["total"] == "6.00"
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert dashboard["total_due"] == "0.000"
    assert [(o["currency"], o["total_due"]) for o in dashboard["other_currencies_due"]] == [("USD", "6.00")]
