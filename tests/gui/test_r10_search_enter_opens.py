"""README: "Enter in a search ... opens it when the search found only one". In the Store it opened the product and
at once went back: the search passed the same Enter on to the window, which pressed the button that had the focus
by then, the product page's "← All products". In the whole window, Enter (and the keypad's) opens the one product
found and stays there; on a list it opens the one row found, as before."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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
