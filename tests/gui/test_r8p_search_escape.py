"""README, the shortcut table: "Ctrl+F | Search the list on screen (Store, Services, Invoices, Orders, Support ...);
Escape clears the search". In the whole window, with a canned account that has a row on every list: Ctrl+F, words
typed, Escape, and the search is empty again with everything listed (tests/gui/test_sections.py checks Invoices
alone)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from . import samples
from .test_drift_actions import Panel, canned_app, invoice, order, service, settle, signed_in  # noqa: F401
from .test_window import press

NONE = Qt.KeyboardModifier.NoModifier
TICKETS_ON = {"public_settings": {"panel_name": "Canned", "billing_enabled": True, "tickets_enabled": True}}


def account(app):
    return signed_in(app, Panel({}), config=TICKETS_ON, services=[service(1, "active", "2026-12-20")],
                     invoices=[invoice(1, "paid", "0.00")], orders=[order(1, "active")],
                     tickets=[dict(samples.TICKET)], categories=samples.CATEGORIES, products=samples.PRODUCTS)


def search_of(app, key: str):
    section = app.window.sections[key]
    return section.search if key == "store" else section.list.filters.search


def find_and_type(qtbot, app, key: str, words: str):
    window = app.window
    window.select_section(key)
    settle()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_F)                          # Ctrl+F
    search = search_of(app, key)
    assert QApplication.focusWidget() is search, key
    qtbot.keyClicks(search, words)
    settle()
    return search


@pytest.mark.parametrize("key", ["services", "invoices", "orders", "support"])
def test_escape_clears_a_lists_search(canned_app, qtbot, key):  # noqa: F811
    app = canned_app
    account(app)
    search = find_and_type(qtbot, app, key, "nothing is called this")
    assert search.text() == "nothing is called this"
    qtbot.keyClick(search, Qt.Key.Key_Escape, NONE)
    settle()
    assert search.text() == ""
    assert app.window.sections[key].table.model().rowCount() == 1     # everything listed again


def test_escape_clears_the_stores_search(canned_app, qtbot):  # noqa: F811
    app = canned_app
    account(app)
    store = app.window.sections["store"]
    search = find_and_type(qtbot, app, "store", "minecraft flex")
    assert [card.product["id"] for card in store.cards] == ["minecraft-flex"]
    qtbot.keyClick(search, Qt.Key.Key_Escape, NONE)
    settle()
    assert search.text() == ""
    assert len(store.cards) == len(samples.PRODUCTS)


@pytest.mark.parametrize("key, words", [("orders", "ORD-000001"), ("support", "TKT-000001")])
def test_enter_in_the_search_opens_the_only_row_found(canned_app, qtbot, key, words):  # noqa: F811
    """The shortcut table: "Down, Enter in a search | ... Enter too, and opens it when the search found only one"
    (tests/gui/test_keyboard_rows.py checks Invoices and Services)."""
    app = canned_app
    account(app)
    search = find_and_type(qtbot, app, key, words)
    section = app.window.sections[key]
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 1)
    qtbot.keyClick(search, Qt.Key.Key_Return, NONE)
    settle()
    qtbot.waitUntil(lambda: section.page_open)
