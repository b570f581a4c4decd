"""A configured product's sizes are worded the same on its page's price line, in the cart and on the store's
cards ("4 GB RAM · 20 GB disk · 2 cores"; "2 Kerne" in German): the price line and the cart showed the pricing
description the panel writes on invoices ("4 GB RAM, 20 GB disk, 2 vCPU"), under a resources line in other words."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.core.cart import Cart
from app.views.cart import CartSection
from app.views.store import StoreSection

from .samples import account_data

pytestmark = [pytest.mark.usefixtures("utc")]


def test_the_price_line_and_the_cart_word_sizes_as_the_store_does(qtbot, tmp_path):
    data = account_data(tmp_path)
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(1240, 800)
    store.show_data(data)
    store.show()
    store.open_product("cloud-vps-custom")
    QApplication.processEvents()
    shown = store.product_page.breakdown.text()
    assert shown and "vCPU" not in shown and "," not in shown
    assert " · " in shown and ("core" in shown or "RAM" in shown), shown

    cart = CartSection()
    qtbot.addWidget(cart)
    cart.show_data(data)
    chosen = Cart()
    chosen.add("cloud-vps-custom", "monthly", {"memory": 2048, "cpu": 100, "disk": 20480})
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})
    cart.show()
    (line,) = cart.lines.values()
    assert line.detail.text() == shown

