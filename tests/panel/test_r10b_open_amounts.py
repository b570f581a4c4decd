"""After `currency_places` changes, what is still open is written with the currency's places now (panel/billing/
shown.py): a renewing service's `recurring_amount`, an unpaid invoice's amounts, lines and balance, an order
waiting for its invoice, the dashboard's figures. Going 2 -> 3 -> 2 left an open invoice showing `5.000` while the
currency said 2 places. Only the text changes (`5.000` -> `5.00`), never a value: an amount with more places than
the currency has now keeps its text. Paid invoices, their orders and payments are documents and keep theirs."""
from __future__ import annotations

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import paypal_shop
from tests.support.catalogue import buy_service

PRICE_5 = [{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "1.00"}]
MONEY = ("subtotal", "discount", "tax_amount", "total", "amount_paid", "credits_applied", "balance_due")


@pytest.fixture
def world(fresh_panel):
    shop, buyer, _ = paypal_shop(fresh_panel())
    return shop, buyer, shop.product(pricing=PRICE_5)


def by_paypal(buyer, *products) -> dict:
    items = [{"product_id": p["id"], "billing_cycle": "monthly"} for p in products]
    return buyer.data("POST", "/billing/checkout", {"items": items, "payment_method": "paypal", **URLS}, expect=201)


def places(text: str) -> int:
    return len(text.partition(".")[2])


def test_an_open_invoice_and_its_order_follow_the_places_there_and_back(world):
    shop, buyer, product = world
    shop.settings(currency_places=3)
    unpaid = by_paypal(buyer, product)               # raised at 3 places: 6.000
    assert unpaid["invoice"]["total"] == "6.000"
    payer = shop.user(credits="100")
    paid = buy_service(payer, product)               # paid at 3 places: a document
    paid_invoice = payer.data("GET", f"/billing/invoices/{payer.data('GET', '/billing/invoices')[0]['id']}")
    assert paid_invoice["status"] == "paid" and paid_invoice["total"] == "6.000"
    cursor = buyer.get("/billing/invoices", params={"per_page": 1}).json()["meta"]["server_time"]

    shop.settings(currency_places=2)
    invoice = buyer.data("GET", f"/billing/invoices/{unpaid['invoice']['id']}")
    assert {k: invoice[k] for k in MONEY} == {"subtotal": "6.00", "discount": "0.00", "tax_amount": "0.00",
                                              "total": "6.00", "amount_paid": "0.00", "credits_applied": "0.00",
                                              "balance_due": "6.00"}
    assert [(line["unit_price"], line["amount"]) for line in invoice["lines"]] == [("5.00", "5.00"),
                                                                                  ("1.00", "1.00")]
    (row,) = [r for r in buyer.data("GET", "/billing/invoices") if r["id"] == invoice["id"]]
    assert (row["total"], row["balance_due"]) == ("6.00", "6.00")
    order = buyer.data("GET", f"/billing/orders/{unpaid['order']['id']}")
    item = order["items"][0]
    assert (order["status"], order["total"], item["unit_price"], item["setup_fee"], item["amount"]) == (
        "pending", "6.00", "5.00", "1.00", "6.00")
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert (dashboard["total_due"], dashboard["credit_balance"]) == ("6.00", "0.00")
    # A syncing client sees them again: their text changed.
    assert invoice["id"] in {r["id"] for r in buyer.data("GET", "/billing/invoices",
                                                         params={"updated_since": cursor})}
    assert order["id"] in {r["id"] for r in buyer.data("GET", "/billing/orders", params={"updated_since": cursor})}

    # The paid invoice and its order keep the text they were written with; the service renews, so it follows.
    kept = payer.data("GET", f"/billing/invoices/{paid_invoice['id']}")
    assert (kept["total"], kept["amount_paid"], kept["lines"][0]["amount"]) == ("6.000", "6.000", "5.000")
    assert [p["amount"] for p in kept["payments"]] == ["6.000"]
    assert payer.data("GET", f"/billing/orders/{kept['order_id']}")["total"] == "6.000"
    assert payer.data("GET", f"/billing/services/{paid['id']}")["recurring_amount"] == "5.00"
    assert [s["recurring_amount"] for s in payer.data("GET", "/billing/services")] == ["5.00"]

    # Raised again, the open records follow; the documents still keep their text.
    shop.settings(currency_places=3)
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["balance_due"] == "6.000"
    assert buyer.data("GET", "/billing/dashboard")["total_due"] == "6.000"
    assert payer.data("GET", f"/billing/services/{paid['id']}")["recurring_amount"] == "5.000"
    assert payer.data("GET", f"/billing/invoices/{paid_invoice['id']}")["total"] == "6.000"


def test_an_amount_with_more_places_than_the_currency_now_has_is_never_rounded(world):
    shop, buyer, _ = world
    shop.settings(currency_places=3)
    # Setup fees of 1.335 and 0.665: lines no service renews at, beside prices that fit two places.
    one = shop.product(pricing=[{"billing_cycle": "monthly", "price": "3", "setup_fee": "1.335"}])
    two = shop.product(pricing=[{"billing_cycle": "monthly", "price": "1", "setup_fee": "0.665"}])
    unpaid = by_paypal(buyer, one, two)             # a total of 6.000
    for product in (one, two):
        shop.admin.data("PUT", f"/admin/billing/products/{product['id']}",
                        {"pricing": [{"billing_cycle": "monthly", "price": "1", "setup_fee": "0"}]})
    shop.settings(currency_places=2)                # every amount the 409 rule checks fits two places
    invoice = buyer.data("GET", f"/billing/invoices/{unpaid['invoice']['id']}")
    assert (invoice["total"], invoice["balance_due"]) == ("6.00", "6.00")
    assert [line["amount"] for line in invoice["lines"]] == ["3.00", "1.335", "1.00", "0.665"]  # never rounded
    order = buyer.data("GET", f"/billing/orders/{unpaid['order']['id']}")
    assert [i["setup_fee"] for i in order["items"]] == ["1.335", "0.665"] and order["total"] == "6.00"
