"""A cart line whose saved sizes are no sizes (an older Sett's cart, a hand-edited file: "lots", 1e30, a list) is
drawn with the smallest size for a word and the nearest end of the range for a number beyond it: int() on the
saved value raised and left the cart undrawn, and a spin box takes no number beyond 32 bits."""
from __future__ import annotations

import copy

import pytest

from app.core.cart import CartItem
from app.views.cart_line import CartLine
from tests.gui import samples


def product() -> dict:
    (custom,) = [p for p in samples.PRODUCTS if p["id"] == "cloud-vps-custom"]
    made = copy.deepcopy(custom)
    made["config_ranges"] = {"memory": {"min": 1024, "max": 32768, "step": 1024, "unit_price": "2.00"}}
    return made


@pytest.mark.parametrize("saved,shown", [("lots", 1024), (10**30, 32768), (-5, 1024), ([2048], 1024),
                                         ("4096", 4096), (8192, 8192)])
def test_a_saved_size_is_drawn_within_the_products_range(qtbot, saved, shown):
    line = CartLine(CartItem("item-1", "cloud-vps-custom", "monthly", {"memory": saved}), product())
    qtbot.addWidget(line)
    assert line.sizes["memory"].value() == shown
