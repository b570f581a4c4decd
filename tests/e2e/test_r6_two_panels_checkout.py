"""A reseller with accounts at two panels in one window: what is bought from the second account is ordered and paid
at its own panel, and switching back shows the first account untouched (its credits, no order, an empty cart)."""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account, texts
from tests.support.catalogue import MONTHLY_10, Shop
from tests.support.fixtures import admin_of

from .checkout_steps import check_out, fill_cart, orders_of, pay_with, wait_result


def switch_to(qtbot, app, account_id: str) -> None:
    combo = app.window.switcher.combo
    combo.setCurrentIndex(combo.findData(account_id))
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == account_id, timeout=WAIT)


def test_a_checkout_from_the_second_panels_account_orders_there_and_leaves_the_first_alone(
        qtbot, client_of, vps, private_panel):
    app, first, first_buyer = client_of(credits="10.00")
    other = private_panel()
    other_shop = Shop(admin_of(other))
    other_shop.settings(credits_enabled=True, auto_activate=True)
    product = other_shop.product(name="Other Panel VPS", pricing=MONTHLY_10)
    second_buyer = other_shop.user(credits="25.00")
    second = add_account(qtbot, app, other.url, second_buyer.user["email"])
    assert app.current_id == second.id

    cart = fill_cart(qtbot, app, product)
    session = check_out(qtbot, app, cart)
    pay_with(qtbot, session, "credits")
    text = wait_result(qtbot, session)
    (order,) = orders_of(second_buyer)
    assert "Payment received" in text and order["order_number"] in text
    session.dialog.accept()
    assert second_buyer.data("GET", "/billing/credits")["balance"] == "15.00"
    assert orders_of(first_buyer) == [] and first_buyer.data("GET", "/billing/credits")["balance"] == "10.00"
    services = app.window.sections["services"]
    app.window.select_section("services")
    qtbot.waitUntil(lambda: texts(services.table.model(), 0) == ["Other Panel VPS"], timeout=WAIT)

    switch_to(qtbot, app, first.id)
    assert texts(services.table.model(), 0) == []
    app.window.select_section("credits")
    qtbot.waitUntil(lambda: app.window.sections["credits"].balance.text() == "$10.00", timeout=WAIT)
    app.window.select_section("cart")
    assert not app.window.sections["cart"].checkout.isEnabled()             # nothing in this account's cart
    switch_to(qtbot, app, second.id)
    app.window.select_section("credits")
    qtbot.waitUntil(lambda: app.window.sections["credits"].balance.text() == "$15.00", timeout=WAIT)
