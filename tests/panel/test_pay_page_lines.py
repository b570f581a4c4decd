"""What the pay pages list before the buyer pays: every line of the invoice with how many units its amount is for,
on the Stripe card page and the PayPal sandbox approval page alike (one panel with localstripe, pages read as
the HTML a web view gets)."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
import requests

from tests.panel.gateways import URLS
from tests.support.catalogue import Shop


class _Rows(HTMLParser):
    """The cells of each table row, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def page_rows(url: str) -> list[list[str]]:
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, response.text
    parser = _Rows()
    parser.feed(response.text)
    return parser.rows


@pytest.fixture(scope="module")
def shop(gateway_shop) -> Shop:
    gateway_shop.settings(paypal_enabled=True)  # no PayPal credentials: the panel's own sandbox page
    return gateway_shop


@pytest.fixture(scope="module")
def box(shop) -> dict:
    return shop.product(name="Twin Box", pricing=[{"billing_cycle": "monthly", "price": "10.00",
                                                   "setup_fee": "2.50"}])


@pytest.fixture(scope="module")
def single(shop) -> dict:
    return shop.product(name="Single Box", pricing=[{"billing_cycle": "monthly", "price": "4.00",
                                                     "setup_fee": "0.00"}])


@pytest.mark.parametrize("method", ["paypal", "stripe"])
def test_a_line_for_several_units_says_how_many(shop, box, single, method):
    buyer = shop.user()
    items = [{"product_id": box["id"], "billing_cycle": "monthly", "quantity": 2},
             {"product_id": single["id"], "billing_cycle": "monthly"}]
    bought = buyer.data("POST", "/billing/checkout", {"items": items, "payment_method": method, **URLS},
                        expect=201)
    rows = page_rows(bought["payment"]["checkout_url"])
    setup = next(line["description"] for line in bought["invoice"]["lines"] if line["kind"] == "setup")
    # two units of 10.00 with a 2.50 setup fee each; one unit (no count) of the other
    assert rows == [["Twin Box (Monthly) × 2", "$20.00"], [f"{setup} × 2", "$5.00"],
                    ["Single Box (Monthly)", "$4.00"]]


def test_an_expired_link_for_several_invoices_names_them_all_in_the_order_asked(shop, single):
    buyer = shop.user()
    body = {"items": [{"product_id": single["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "use_credits": False, **URLS}
    invoices = [buyer.data("POST", "/billing/checkout", body, expect=201)["invoice"] for _ in range(4)]
    asked = [invoices[i] for i in (2, 0, 3, 1)]  # neither the order they were raised nor their ids' order
    together = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": [i["id"] for i in asked],
                                                            "payment_method": "paypal", **URLS})["payment"]
    numbers = ", ".join(i["invoice_number"] for i in asked)
    assert f"Invoice {numbers}</div>" in requests.get(together["checkout_url"], timeout=30).text
    buyer.data("POST", f"/billing/invoices/{asked[0]['id']}/pay", {"payment_method": "paypal", **URLS})
    expired = requests.get(together["checkout_url"], timeout=30)  # superseded by the newer payment
    assert expired.status_code == 410
    assert f"The invoices {numbers} can be paid again" in expired.text, expired.text[-700:]
