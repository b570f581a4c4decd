"""Remove in the cart can be taken back: the line returns where it stood, with its sizes and quantity, from the
Undo in the bar that says what went, or from Edit ▸ Undo (Ctrl+Z); and the cart the panel would be asked about,
and the one saved for the next start, have it again."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from app import paths
from app.cache import AccountCache
from app.core.cart import Cart

from .conftest import WAIT, add_account, close
from .test_store_cart import world  # noqa: F401 - the fixture


def fill_cart(qtbot, app, world):  # noqa: F811
    store = app.window.sections["store"]
    for choice in ({"product_id": world["fixed"]["id"], "billing_cycle": "monthly", "config": {}, "quantity": 2},
                   {"product_id": world["flex"]["id"], "billing_cycle": "quarterly", "config": {"memory": 3072},
                    "quantity": 1},
                   {"product_id": world["fixed"]["id"], "billing_cycle": "monthly", "config": {}, "quantity": 1}):
        store.add_to_cart.emit(choice)
    app.window.select_section("cart")
    cart = app.window.sections["cart"]
    qtbot.waitUntil(lambda: len(cart.lines) == 2, timeout=WAIT)
    return cart


def saved_cart(account_id: str) -> list[dict]:
    with AccountCache(paths.account_cache(account_id)) as cache:
        return Cart.from_dicts(cache.cart_items()).to_items()


def test_undo_puts_a_removed_line_back_where_it_stood(qtbot, make_app, panel, world):  # noqa: F811
    app = make_app()
    app.window.resize(1240, 800)
    app.window.show()
    account = add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    cart = fill_cart(qtbot, app, world)
    before = cart.cart.to_items()
    flex = list(cart.lines.values())[1]
    assert not cart.undo_bar.isVisible()

    # From the keyboard: Space on the line's Remove, then Space again on Undo, where the focus went (the pressed
    # Remove went with its line).
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=WAIT)
    flex.remove.setFocus()
    qtbot.keyClick(flex.remove, Qt.Key.Key_Space)
    assert [line.name.text() for line in cart.lines.values()] == ["Fixed Box"]
    assert cart.undo_bar.isVisible() and cart.undo_bar.text == "Removed Flex Server from your cart."
    assert QApplication.focusWidget() is cart.undo_bar.action_button
    qtbot.waitUntil(lambda: len(saved_cart(account.id)) == 1, timeout=WAIT)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert cart.cart.to_items() == before                # same place, same sizes, cycle and quantity
    assert [line.name.text() for line in cart.lines.values()] == ["Fixed Box", "Flex Server"]
    assert QApplication.focusWidget() is list(cart.lines.values())[1].cycle     # the keyboard goes on from it
    assert not cart.undo_bar.isVisible()
    qtbot.waitUntil(lambda: saved_cart(account.id) == before, timeout=WAIT)
    qtbot.waitUntil(lambda: cart.preview is not None and cart.request_body()["items"] == before, timeout=WAIT)

    # The first line by a click, then Edit ▸ Undo (Ctrl+Z).
    qtbot.mouseClick(list(cart.lines.values())[0].remove, Qt.MouseButton.LeftButton)
    assert cart.undo_bar.text == "Removed Fixed Box from your cart." and len(cart.lines) == 1
    undo = app.window.menus.actions["undo"]
    assert QKeySequence("Ctrl+Z") in undo.shortcuts()
    undo.trigger()
    assert cart.cart.to_items() == before and not cart.undo_bar.isVisible()
    undo.trigger()                                       # nothing left to undo: said, nothing changes
    assert cart.cart.to_items() == before
    assert app.window.statusBar().currentMessage() == "Nothing to undo here."
    close(app)


def test_the_last_line_removed_can_come_back_and_adding_another_ends_the_undo(qtbot, make_app, panel,
                                                                              world):  # noqa: F811
    app = make_app()
    app.window.show()
    add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    store = app.window.sections["store"]
    store.add_to_cart.emit({"product_id": world["fixed"]["id"], "billing_cycle": "monthly", "config": {},
                            "quantity": 1})
    app.window.select_section("cart")
    cart = app.window.sections["cart"]
    qtbot.mouseClick(list(cart.lines.values())[0].remove, Qt.MouseButton.LeftButton)
    # The empty cart still offers the line back.
    assert cart.pages.currentWidget() is cart.empty and cart.undo_bar.isVisible()
    qtbot.mouseClick(cart.undo_bar.action_button, Qt.MouseButton.LeftButton)
    assert cart.pages.currentWidget() is cart.filled and len(cart.lines) == 1

    qtbot.mouseClick(list(cart.lines.values())[0].remove, Qt.MouseButton.LeftButton)
    store.add_to_cart.emit({"product_id": world["flex"]["id"], "billing_cycle": "monthly",
                            "config": {"memory": 2048}, "quantity": 1})
    assert not cart.undo_bar.isVisible() and not cart.undo()          # a new line: the removed one is gone
    assert [line.name.text() for line in cart.lines.values()] == ["Flex Server"]
    close(app)


def test_a_dismissed_undo_stays_away_while_the_cart_changes(qtbot, make_app, panel, world):  # noqa: F811
    app = make_app()
    app.window.show()
    add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    cart = fill_cart(qtbot, app, world)
    qtbot.mouseClick(list(cart.lines.values())[1].remove, Qt.MouseButton.LeftButton)
    cart.undo_bar.dismissed.emit()
    assert not cart.undo_bar.isVisible()
    line = list(cart.lines.values())[0]
    line.quantity.setValue(line.quantity.value() + 1)                 # another change of the cart
    qtbot.waitUntil(lambda: cart.cart.items[0].quantity == 4, timeout=WAIT)
    assert not cart.undo_bar.isVisible()
    close(app)


def test_ctrl_z_in_a_cart_field_with_nothing_to_undo_brings_the_line_back(qtbot, make_app, panel,
                                                                          world):  # noqa: F811
    """Qt's text fields take Ctrl+Z even with nothing to undo: in the cart's coupon field or a quantity box the key
    still reaches the cart's Undo then, and a field that has typing to undo keeps its own."""
    app = make_app()
    app.window.show()
    add_account(qtbot, app, panel.url, world["buyer"].user["email"])
    cart = fill_cart(qtbot, app, world)
    before = cart.cart.to_items()
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=WAIT)

    qtbot.mouseClick(list(cart.lines.values())[1].remove, Qt.MouseButton.LeftButton)
    cart.coupon_edit.setFocus()
    qtbot.keyClicks(cart.coupon_edit, "SAVE")
    qtbot.keyClick(cart.coupon_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cart.coupon_edit.text() == "" and len(cart.lines) == 1      # the field's own typing went first
    qtbot.keyClick(cart.coupon_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cart.cart.to_items() == before and not cart.undo_bar.isVisible()

    qtbot.mouseClick(list(cart.lines.values())[0].remove, Qt.MouseButton.LeftButton)
    quantity = list(cart.lines.values())[0].quantity
    quantity.setFocus()
    qtbot.keyClick(quantity, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cart.cart.to_items() == before
    close(app)
