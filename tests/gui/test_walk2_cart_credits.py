"""The cart's totals said "Credits applied $0.00" to a buyer who had switched credits off, and on a panel that keeps
no credits: a row about nothing, where the tax row is left out when tax is off. It shows only when the order
spends credits."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.core.cart import Cart
from app.views.cart import CartSection

from .samples import BILLING_CONFIG, account_data


def cart_for(qtbot, data, use_credits: bool = True) -> CartSection:
    cart = CartSection()
    qtbot.addWidget(cart)
    cart.show_data(data)
    cart.set_online(False)                        # the local estimate: no preview asked of a panel
    chosen = Cart()
    chosen.add("web-hosting-basic", "monthly")
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": use_credits})
    cart.resize(1000, 650)
    cart.show()
    QApplication.processEvents()
    return cart


def credits_row_shown(cart: CartSection) -> bool:
    totals = cart.totals
    return totals.labels["credits_applied"].isVisible() and totals.values["credits_applied"].isVisible()


def test_credits_applied_shows_while_the_order_spends_credits(qtbot, tmp_path):
    cart = cart_for(qtbot, account_data(tmp_path))
    assert cart.use_credits.isVisible() and cart.use_credits.isChecked()
    assert credits_row_shown(cart)
    assert cart.totals.value("credits_applied") != cart._data.money(0)


def test_credits_applied_hides_when_the_buyer_switches_credits_off(qtbot, tmp_path):
    cart = cart_for(qtbot, account_data(tmp_path), use_credits=False)
    assert cart.use_credits.isVisible() and not cart.use_credits.isChecked()
    assert not credits_row_shown(cart)
    assert cart.totals.labels["due_now"].isVisible()          # what is due stays


@pytest.mark.parametrize("off", ["billing_config", "credits"])
def test_credits_applied_hides_when_the_panel_keeps_no_credits(qtbot, tmp_path, off):
    replaced = ({"billing_config": {**BILLING_CONFIG, "credits_enabled": False}} if off == "billing_config"
                else {"credits": {"enabled": False, "balance": "0.00", "currency": "EUR"}})
    cart = cart_for(qtbot, account_data(tmp_path, **replaced))
    assert not cart.use_credits.isVisible()
    assert not credits_row_shown(cart)
    assert cart.totals.labels["tax_amount"].isVisible() and cart.totals.labels["total"].isVisible()
