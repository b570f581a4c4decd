"""A product whose size ranges are no whole sizes (a hostile panel's: "lots", 1.5, -1, min above max, a step of 0)
offers only the ranges that are: the Store's prices, the product page and the cart's line read the bounds with
int(), which raised and left them undrawn. The ranges are checked where they are read (app.core.pricing)."""
from __future__ import annotations

import copy

import pytest

from app.core.account_data import AccountData
from app.core.cart import CartItem
from app.core.pricing import config_ranges, resolve_config
from tests.gui import samples

GOOD = {"min": 1024, "max": 32768, "step": 1024, "unit_price": "2.00"}
BAD = [
    {"min": "lots", "max": 4096, "step": 1024, "unit_price": "1.00"},
    {"min": 1024, "max": "4096.5", "step": 1024, "unit_price": "1.00"},
    {"min": 1.5, "max": 4096, "unit_price": "1.00"},
    {"min": -1024, "max": 4096, "step": 1024, "unit_price": "1.00"},
    {"min": 4096, "max": 1024, "step": 1024, "unit_price": "1.00"},
    {"min": 1024, "max": 4096, "step": 0, "unit_price": "1.00"},
    {"min": 1024, "max": 4096, "step": "some", "unit_price": "1.00"},
    {"min": 1024, "max": 4096, "step": -1024, "unit_price": "1.00"},
    {"min": True, "max": 4096, "unit_price": "1.00"},
    {"min": 1024, "max": 10**20, "unit_price": "1.00"},
    {"min": 1024, "max": float("nan"), "unit_price": "1.00"},
    {"max": 4096, "unit_price": "1.00"},
]


def hostile(bad: dict) -> dict:
    (custom,) = [p for p in samples.PRODUCTS if p["id"] == "cloud-vps-custom"]
    product = copy.deepcopy(custom)
    product["config_ranges"] = {"memory": GOOD, "disk": bad, "cpu": bad}
    return product


@pytest.mark.parametrize("bad", BAD)
def test_only_whole_ranges_are_offered(bad):
    product = hostile(bad)
    assert set(config_ranges(product)) == {"memory"}
    assert set(resolve_config(product, None)) == {"memory"}


def test_whole_ranges_written_otherwise_are_read_as_numbers():
    product = hostile({"min": "10240", "max": 204800.0, "step": "10240", "unit_price": "0.01"})
    assert config_ranges(product)["disk"] == {"min": 10240, "max": 204800, "step": 10240, "unit_price": "0.01"}
    assert config_ranges(hostile({"min": 1, "max": 8, "step": None}))["disk"]["step"] is None


@pytest.mark.parametrize("bad", BAD)
def test_the_store_the_product_page_and_the_cart_line_draw_such_a_product(qtbot, bad):
    from app.views.cart_line import CartLine
    from app.views.product import ProductPage
    from app.views.store import from_prices

    product = hostile(bad)
    data = AccountData("a", billing_config=samples.BILLING_CONFIG, products=[product])
    assert from_prices(product, 2)

    page = ProductPage()
    qtbot.addWidget(page)
    page.show_product(product, data)
    assert set(page.controls) == {"memory"}

    line = CartLine(CartItem("item-1", product["id"], "monthly", {"memory": 2048}), product)
    qtbot.addWidget(line)
    assert set(line.sizes) == {"memory"}
