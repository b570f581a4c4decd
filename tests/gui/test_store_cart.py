"""Store, product page and cart against the real panel: sizes move the price as the panel prices them, the cart
survives a restart, coupons (good and bad) show what the panel says, totals are the panel's preview, and offline
the store and cart still work while Checkout waits for a connection."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app import paths
from app.cache import AccountCache
from app.core.cart import Cart
from app.views.cart import OFFLINE_MESSAGE, CartSection
from app.views.store import StoreSection
from tests.support.catalogue import Shop

from . import samples
from .conftest import WAIT, add_account, admin_of, close

RANGES = {"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "1.50"},
          "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": "2.00"}}


def build_shop(shop: Shop) -> dict:
    category = shop.category(name="Flexible servers")
    flex = shop.product(category["id"], name="Flex Server", pricing_type="configurable", config_ranges=RANGES,
                        pricing=[{"billing_cycle": "monthly", "price": "1.00", "setup_fee": "0.00"},
                                 {"billing_cycle": "quarterly", "price": "2.00", "setup_fee": "0.00"}])
    fixed = shop.product(category["id"], name="Fixed Box",
                         pricing=[{"billing_cycle": "monthly", "price": "12.00", "setup_fee": "3.00"}])
    sold_out = shop.product(category["id"], name="Sold Out Box", stock=0)
    coupon = shop.coupon(type="percent", value="10")
    buyer = shop.user(credits="5.00")
    return {"flex": flex, "fixed": fixed, "sold_out": sold_out, "coupon": coupon, "buyer": buyer}


@pytest.fixture(scope="module")
def world(shop) -> dict:
    return build_shop(shop)


def open_store(qtbot, app, name: str):
    app.window.select_section("store")
    store = app.window.sections["store"]
    store.search.setText(name)
    qtbot.waitUntil(lambda: [c.name.text() for c in store.cards] == [name], timeout=WAIT)
    card = store.cards[0]
    with qtbot.waitSignal(store.product_opened, timeout=WAIT):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert store.pages.currentWidget() is store.product_page
    return store


def money(app, amount) -> str:
    return app.data[app.current_id].money(amount)


def test_sizes_move_the_price_by_the_panels_rule_and_the_cart_survives_a_restart(qtbot, make_app, panel, world):
    app = make_app()
    account = add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    store = open_store(qtbot, app, "Flex Server")
    page = store.product_page
    assert set(page.controls) == {"memory", "cpu"}
    memory = page.controls["memory"]
    assert (memory.slider.minimum(), memory.slider.maximum()) == (0, 7)     # 1 GB to 8 GB in 1 GB steps
    before = page.price_amount()
    memory.slider.setValue(memory.slider.value() + 1)                        # one step: +1 GB x 1.50 a month
    assert page.price_amount() - before == Decimal("1.50")
    assert memory.spin.value() % 1024 == 0
    page.cycle.setCurrentIndex(page.cycle.findData("quarterly"))
    quarterly = page.price_amount()
    page.controls["cpu"].spin.setValue(page.controls["cpu"].spin.value() + 50)   # +0.5 core x 2.00 x 3 months
    assert page.price_amount() - quarterly == Decimal("3.00")
    choice = page.choice()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.added.isVisible() and "Added" in page.added.text()
    cart = app.window.sections["cart"]
    assert [i.to_api() for i in cart.cart] == [{**choice, "quantity": 1}]

    def saved() -> list[dict]:
        with AccountCache(paths.account_cache(account.id)) as cache:
            return cache.cart_items()

    qtbot.waitUntil(lambda: len(saved()) == 1, timeout=WAIT)
    # The line's price is what the product page showed.
    assert cart.lines[cart.cart.items[0].id].amount.text() == money(app, page.price_amount())
    close(app)

    again = make_app()
    qtbot.waitUntil(lambda: bool(again.window.sections["cart"].cart.items), timeout=WAIT)
    restored = again.window.sections["cart"]
    assert [i.to_api() for i in restored.cart] == [{**choice, "quantity": 1}]


def test_out_of_stock_cannot_be_added(qtbot, make_app, panel, world):
    app = make_app()
    add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    store = open_store(qtbot, app, "Sold Out Box")
    assert not store.product_page.add_button.isEnabled()
    assert store.product_page.stock.text() == "Out of stock"
    qtbot.mouseClick(store.product_page.back, Qt.MouseButton.LeftButton)
    assert store.pages.currentWidget() is store.catalogue


def test_coupons_and_totals_are_the_panels(qtbot, make_app, panel, shop, world):
    buyer = shop.user(credits="5.00")
    app = make_app()
    add_account(qtbot, app, panel.url, buyer.user["email"])
    cart = app.window.sections["cart"]
    store = app.window.sections["store"]
    store.add_to_cart.emit({"product_id": world["fixed"]["id"], "billing_cycle": "monthly", "config": {},
                            "quantity": 2})
    store.add_to_cart.emit({"product_id": world["flex"]["id"], "billing_cycle": "monthly",
                            "config": {"memory": 3072}, "quantity": 1})
    app.window.select_section("cart")
    # The local estimate shows at once; the panel's preview then replaces it and agrees with it.
    assert cart.totals.value("subtotal") == money(app, cart.local.subtotal)
    qtbot.waitUntil(lambda: cart.preview is not None, timeout=WAIT)
    preview = buyer.data("POST", "/billing/checkout/preview", {"items": cart.cart.to_items()})
    for key in ("subtotal", "total", "due_now"):
        assert cart.totals.value(key) == money(app, preview[key])
    assert cart.totals.value("credits_applied") == money(app, -Decimal(preview["credits_applied"]))     # "-$5.00"
    assert cart.totals.source.text() == "Updated from the panel." and not cart.notice.isVisible()

    cart.coupon_edit.setText("NO-SUCH-CODE")
    qtbot.mouseClick(cart.coupon_apply, Qt.MouseButton.LeftButton)
    reason = buyer.data("POST", "/billing/coupons/validate",
                        {"code": "NO-SUCH-CODE", "items": cart.cart.to_items()})["reason"]
    qtbot.waitUntil(lambda: cart.coupon_status.text() == reason, timeout=WAIT)
    assert not cart.totals.values["discount"].isVisible()

    code = world["coupon"]["code"]
    cart.coupon_edit.setText(code.lower())                      # buyers may type any case
    qtbot.mouseClick(cart.coupon_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (cart.options.get("coupon") or {}).get("code") == code, timeout=WAIT)
    qtbot.waitUntil(lambda: cart.preview is not None and cart.preview.get("discount") != "0.00", timeout=WAIT)
    expected = buyer.data("POST", "/billing/checkout/preview", {"items": cart.cart.to_items(), "coupon_code": code})
    assert cart.totals.values["discount"].isVisible()
    assert cart.totals.value("discount") == money(app, -Decimal(expected["discount"]))
    assert cart.totals.value("total") == money(app, expected["total"])

    assert cart.checkout.isEnabled() and not cart.checkout_note.isVisible()
    assert cart.request_body() == {"items": cart.cart.to_items(), "coupon_code": code, "use_credits": True}


def test_offline_the_store_and_cart_work_and_checkout_waits(qtbot, make_app, private_panel):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    world = build_shop(shop)
    app = make_app()
    add_account(qtbot, app, proc.url, world["buyer"].user["email"])
    proc.stop()
    app.window.sidebar.sync_button.click()
    qtbot.waitUntil(lambda: app.sessions.current.link.offline, timeout=WAIT)
    store = open_store(qtbot, app, "Fixed Box")
    qtbot.mouseClick(store.product_page.add_button, Qt.MouseButton.LeftButton)
    cart = app.window.sections["cart"]
    assert len(cart.cart.items) == 1
    app.window.select_section("cart")
    assert cart.totals.value("subtotal") == money(app, "15.00")       # 12.00 + 3.00 setup, computed here
    assert "offline" in cart.totals.source.text()
    assert not cart.checkout.isEnabled()
    assert cart.checkout_note.isVisible() and cart.checkout_note.text().startswith(OFFLINE_MESSAGE)
    assert not cart.coupon_apply.isEnabled()
    line = cart.lines[cart.cart.items[0].id]
    line.quantity.setValue(2)
    assert cart.totals.value("subtotal") == money(app, "30.00")




# -- the screens alone (no panel) -------------------------------------------------------------------------------
def cart_with_one_item(qtbot, data) -> tuple[CartSection, Cart]:
    """The cart screen, online and showing `data`, and a cart of one in-stock product at its first cycle."""
    cart = CartSection()
    qtbot.addWidget(cart)
    cart.resize(1100, 720)
    cart.show()
    cart.set_online(True)
    cart.show_data(data)
    product = next(p for p in data.products if p.get("in_stock", True) and p.get("stock") != 0)
    chosen = Cart()
    chosen.add(product["id"], product["pricing"][0]["billing_cycle"])
    return cart, chosen


def test_checkout_button_hands_over_the_cart(qtbot, tmp_path):
    data = samples.account_data(tmp_path)
    cart, chosen = cart_with_one_item(qtbot, data)
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})     # as the cart model hands it
    with qtbot.waitSignal(cart.checkout_requested) as blocker:
        qtbot.mouseClick(cart.checkout, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == {"items": cart.cart.to_items(), "coupon_code": None, "use_credits": True}
    cart.set_online(False)
    assert not cart.checkout.isEnabled() and cart.checkout_note.text().startswith(OFFLINE_MESSAGE)
    item_id = cart.cart.items[0].id
    with qtbot.waitSignal(cart.remove_requested) as removed:          # a request to the model, which owns the cart
        qtbot.mouseClick(cart.lines[item_id].remove, Qt.MouseButton.LeftButton)
    assert removed.args == [item_id]
    cart.show_cart(data.account_id, Cart(), {"coupon": None, "use_credits": True})
    assert cart.pages.currentWidget() is cart.empty


def test_store_cards_wrap_within_the_window_at_1280_pixels(qtbot, tmp_path):
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(1280 - 264, 720)       # the window less its sidebar
    store.show()
    store.show_data(samples.account_data(tmp_path))
    qtbot.waitUntil(lambda: bool(store.cards) and store.cards[0].isVisible())
    qtbot.wait(50)
    right = store.scroll.viewport().width()
    assert all(card.geometry().right() <= right for card in store.cards)
    assert store._laid_columns >= 2


def test_a_zero_credit_balance_offers_no_credits_and_checkout_claims_none(qtbot, tmp_path):
    data = samples.account_data(tmp_path, credits={"enabled": True, "balance": "0.00", "currency": "EUR"})
    cart, chosen = cart_with_one_item(qtbot, data)
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})
    assert not cart.use_credits.isVisible()
    with qtbot.waitSignal(cart.checkout_requested) as blocker:
        qtbot.mouseClick(cart.checkout, Qt.MouseButton.LeftButton)
    assert blocker.args[0]["use_credits"] is False
    # A top-up later: the choice (still on in the model's options) is offered and used again.
    cart.show_data(dataclasses.replace(data, credits={"enabled": True, "balance": "3.00", "currency": "EUR"}))
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})
    assert cart.use_credits.isVisible() and cart.use_credits.isChecked()
    assert cart.request_body()["use_credits"] is True
