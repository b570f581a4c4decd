"""The pay pages write an invoice's amounts as the JSON API writes that invoice (panel/billing/shown.py): an open
invoice in the panel's currency with the currency's places now, one in another currency (raised before
`currency_code` changed) as it was stored. They wrote every line, the discount, tax, what credits paid, the amount
due and the card button with the places the amounts were stored with, so after `currency_places` went 3 -> 2 the
page asked "$6.000" for an invoice that `GET /billing/invoices/{id}`, the app and the dashboard showed as 6.00."""
from __future__ import annotations

import html
import re

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.test_pay_page_lines import page_rows
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of

PRICE = [{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "1.00"}]


@pytest.fixture
def world(fresh_panel):
    shop = Shop(admin_of(fresh_panel(extra_args=["--localstripe"])))
    shop.settings(paypal_enabled=True)   # no PayPal credentials: the panel's own sandbox page
    return shop, shop.product(name="Box", pricing=PRICE)


def _page(url: str) -> str:
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, response.text
    return response.text


def _amount_due(text: str) -> str:
    return html.unescape(re.search(r'id="amount">([^<]*)<', text).group(1))


def _checkout(buyer, product, method: str, **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": method,
            **URLS, **extra}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


@pytest.mark.parametrize("method", ["paypal", "stripe"])
def test_the_pay_page_follows_the_places_as_the_invoice_does(world, method):
    shop, product = world
    shop.settings(currency_places=3, tax_enabled=True, tax_rate="10", tax_inclusive=False)
    coupon = shop.coupon(type="fixed", value="1.00")
    buyer = shop.user(credits="2")
    bought = _checkout(buyer, product, method, coupon_code=coupon["code"])
    invoice = bought["invoice"]
    assert (invoice["total"], invoice["credits_applied"], invoice["balance_due"]) == ("5.500", "2.000", "3.500")
    url = bought["payment"]["checkout_url"]
    assert _amount_due(_page(url)) == "$3.500 USD"

    shop.settings(currency_places=2)
    invoice = buyer.data("GET", f"/billing/invoices/{invoice['id']}")
    assert (invoice["discount"], invoice["tax_amount"], invoice["credits_applied"], invoice["balance_due"]) == (
        "1.00", "0.50", "2.00", "3.50")
    (box, setup) = invoice["lines"]
    expected = [["Box (Monthly)", f"${box['amount']}"], [setup["description"], f"${setup['amount']}"],
                ["Discount", f"−${invoice['discount']}"], ["Tax (10%)", f"${invoice['tax_amount']}"],
                ["Already paid (credits)", f"−${invoice['credits_applied']}"]]
    assert expected[0][1] == "$5.00" and expected[1][1] == "$1.00"
    assert page_rows(url) == expected
    text = _page(url)
    assert _amount_due(text) == f"${invoice['balance_due']} USD" == "$3.50 USD"
    if method == "stripe":
        assert "Pay $3.50</button>" in text and '"payLabel": "Pay $3.50"' in text, text
    assert "3.500" not in text and "5.000" not in text

    shop.settings(currency_places=3)                      # and back: the page follows again, as the API does
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["balance_due"] == "3.500"
    assert _amount_due(_page(url)) == "$3.500 USD"
    assert page_rows(url)[0] == ["Box (Monthly)", "$5.000"]


def test_a_payment_for_several_invoices_writes_each_share_as_its_invoice(world):
    shop, product = world
    shop.settings(currency_places=3)
    buyer = shop.user(credits="1")
    first = _checkout(buyer, product, "paypal", use_credits=False)["invoice"]
    second = _checkout(buyer, product, "paypal", use_credits=False)["invoice"]
    body = {"invoice_ids": [first["id"], second["id"]], "payment_method": "paypal", **URLS}
    payment = buyer.data("POST", "/billing/invoices/pay", body)["payment"]
    assert payment["credits_held"] == "1.000"
    shop.settings(currency_places=2)
    rows = page_rows(payment["checkout_url"])
    assert rows == [[f"Invoice {first['invoice_number']} ($1.00 paid with credits)", "$5.00"],
                    [f"Invoice {second['invoice_number']}", "$6.00"]]
    assert _amount_due(_page(payment["checkout_url"])) == "$11.00 USD"
    assert [buyer.data("GET", f"/billing/invoices/{i['id']}")["balance_due"] for i in (first, second)] == [
        "6.00", "6.00"]


def test_an_invoice_in_the_old_currency_keeps_its_text_on_the_page_as_in_the_api(world):
    shop, product = world
    buyer = shop.user()
    bought = _checkout(buyer, product, "paypal")
    url = bought["payment"]["checkout_url"]
    shop.settings(currency_code="KWD", currency_symbol="KD", currency_places=3)
    invoice = buyer.data("GET", f"/billing/invoices/{bought['invoice']['id']}")
    assert (invoice["currency"], invoice["balance_due"]) == ("USD", "6.00")
    assert page_rows(url) == [["Box (Monthly)", "5.00 USD"], [invoice["lines"][1]["description"], "1.00 USD"]]
    assert _amount_due(_page(url)) == "6.00 USD"
