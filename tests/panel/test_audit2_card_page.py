"""The Stripe card page at the widths of the app's web view (600 to 900 px): every card field is wide enough for its
placeholder, stays inside the card box, and the page never scrolls sideways.

The page is the panel's own (panel/pages/stripe.html in base.html); offline its card field is localstripe's
stand-in for Stripe Elements, which makes five bare inputs sized 2 to 16 characters: "exp_year" showed as
"exp_ye" and "postal_code" as "postal_coo". The page's style gives each input room for its placeholder.
"""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSize

from tests.panel.gateways import URLS
from tests.support.browser import Browser

MEASURE = """JSON.stringify((() => {
  const box = document.getElementById('card').getBoundingClientRect();
  const ctx = document.createElement('canvas').getContext('2d');
  const fields = [...document.querySelectorAll('#card input')].map(e => {
    const cs = getComputedStyle(e);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const r = e.getBoundingClientRect();
    return {placeholder: e.placeholder, need: ctx.measureText(e.placeholder).width, room: room,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5};
  });
  return {fields: fields, sideways: document.documentElement.scrollWidth > window.innerWidth};
})())"""


@pytest.fixture(scope="module")
def checkout_url(gateway_shop) -> str:
    product = gateway_shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = gateway_shop.user()
    placed = buyer.data("POST", "/billing/checkout", {
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "stripe", **URLS},
        expect=201)
    return placed["payment"]["checkout_url"]


@pytest.mark.parametrize("width", [600, 700, 900])
def test_every_card_field_shows_its_whole_placeholder(qapp, checkout_url, width, tmp_path):
    browser = Browser(QSize(width, 700))
    try:
        assert browser.load(checkout_url), browser.describe()
        browser.wait_for_card_form()
        seen = json.loads(browser.js(MEASURE))
        browser.screenshot(tmp_path / f"card-page-{width}.png")
    finally:
        browser.close()
    fields = seen["fields"]
    assert [f["placeholder"] for f in fields] == ["number", "exp_month", "exp_year", "cvc", "postal_code"]
    cut = [f for f in fields if f["room"] < f["need"]]
    assert not cut, f"at {width} px: {cut}"
    assert all(f["inside"] for f in fields), fields
    assert not seen["sideways"]
