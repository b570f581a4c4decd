"""README: "Enter in a search ... opens it when the search found only one". In the Store it opened the product and
at once went back: the search passed the same Enter on to the window, which pressed the button that had the focus
by then, the product page's "← All products". In the whole window, Enter (and the keypad's) opens the one product
found and stays there; on a list it opens the one row found, as before."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_drift_actions import canned_app, settle  # noqa: F401 - canned_app is the fixture
from .test_r8p_search_escape import account, find_and_type


@pytest.mark.parametrize("keypad", [False, True], ids=["enter", "keypad-enter"])
def test_enter_in_the_stores_search_opens_the_one_product_found(canned_app, qtbot, keypad):  # noqa: F811
    app = canned_app
    account(app)
    store = app.window.sections["store"]
    search = find_and_type(qtbot, app, "store", "minecraft flex")
    assert len(store.cards) == 1
    if keypad:
        qtbot.keyClick(search, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    else:
        qtbot.keyClick(search, Qt.Key.Key_Return)
    settle()
    assert store.pages.currentWidget() is store.product_page
    assert store.product_page.product.get("name") == "Minecraft Flex"


def test_enter_in_the_stores_search_with_several_found_goes_to_the_first(canned_app, qtbot):  # noqa: F811
    app = canned_app
    account(app)
    store = app.window.sections["store"]
    search = find_and_type(qtbot, app, "store", "e")
    assert len(store.cards) > 1
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle()
    assert store.pages.currentWidget() is store.catalogue
    assert store.cards[0].hasFocus()


def test_enter_in_a_lists_search_opens_the_one_row_found(canned_app, qtbot):  # noqa: F811
    app = canned_app
    account(app)
    invoices = app.window.sections["invoices"]
    search = find_and_type(qtbot, app, "invoices", "INV-000001")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle()
    assert invoices.page_open and invoices.page.invoice_id == "i-1"


def test_enter_on_the_product_opened_by_the_keyboard_adds_it_to_the_cart(canned_app, qtbot):  # noqa: F811
    """README: "Enter ... on a product's page adds it to the cart". Opened by the keyboard (Enter in the search, or
    on its card), the focus fell on "← All products", and Enter went back to the catalogue instead."""
    app = canned_app
    account(app)
    store = app.window.sections["store"]
    search = find_and_type(qtbot, app, "store", "minecraft flex")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle()
    assert store.pages.currentWidget() is store.product_page
    focused = QApplication.focusWidget()
    assert focused is not store.product_page.back
    with qtbot.waitSignal(store.add_to_cart, timeout=5_000):
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    settle()
    assert store.pages.currentWidget() is store.product_page

    store.show_catalogue()           # and from its card
    settle()
    card = store.cards[0]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    settle()
    assert store.pages.currentWidget() is store.product_page
    with qtbot.waitSignal(store.add_to_cart, timeout=5_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert store.pages.currentWidget() is store.product_page


def test_a_product_opened_with_the_mouse_leaves_its_fields_to_the_wheel(canned_app, qtbot):  # noqa: F811
    """Opened with the mouse, no field takes the focus: a focused billing cycle would change under a wheel turned to
    scroll the page (app/views/wheel_guard.py)."""
    app = canned_app
    account(app)
    store = app.window.sections["store"]
    find_and_type(qtbot, app, "store", "minecraft flex")
    card = store.cards[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    settle()
    assert store.pages.currentWidget() is store.product_page
    assert not store.product_page.cycle.hasFocus()
