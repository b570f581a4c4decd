"""From a list's search to what it found by keyboard: Down moves to the first row shown, Enter too, and Enter opens
the row when the search left only one (a number typed, Enter, its page)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.views.invoices import InvoicesSection
from app.views.services import ServicesSection
from app.views.store import StoreSection

from .samples import account_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NONE = Qt.KeyboardModifier.NoModifier


def shown(qtbot, section_class, tmp_path):
    section = section_class()
    qtbot.addWidget(section)
    section.resize(1240, 800)
    section.show_data(account_data(tmp_path))
    section.show()
    section.activateWindow()
    qtbot.waitUntil(section.isActiveWindow)      # key presses reach the focus of the active window only
    section.list.filters.focus_search()
    return section


def test_enter_in_the_search_opens_the_only_invoice_found(qtbot, tmp_path):
    section = shown(qtbot, InvoicesSection, tmp_path)
    search = section.list.filters.search
    qtbot.keyClicks(search, "0004")
    qtbot.waitUntil(lambda: section.list.proxy.rowCount() == 1)
    qtbot.keyClick(search, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: section.page_open)
    assert "INV-2026-0004" in section.page.title.text()


def test_enter_with_several_found_moves_to_the_first_and_opens_nothing(qtbot, tmp_path):
    section = shown(qtbot, InvoicesSection, tmp_path)
    search = section.list.filters.search
    qtbot.keyClicks(search, "INV-2026")
    qtbot.waitUntil(lambda: section.list.proxy.rowCount() > 1)
    qtbot.keyClick(search, Qt.Key.Key_Return, NONE)
    assert not section.page_open
    assert QApplication.focusWidget() is section.table
    assert section.table.currentIndex().row() == 0
    assert section.table.selectionModel().isRowSelected(0)


def test_down_in_the_search_moves_to_the_first_row_and_enter_there_opens_it(qtbot, tmp_path):
    section = shown(qtbot, ServicesSection, tmp_path)
    search = section.list.filters.search
    qtbot.keyClick(search, Qt.Key.Key_Down, NONE)
    assert QApplication.focusWidget() is section.table and section.table.currentIndex().row() == 0
    first = section.table.model().index(0, 0).data()
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: section.page_open)
    assert first in section.page.title.text()


def test_enter_on_a_search_that_found_nothing_stays_in_the_search(qtbot, tmp_path):
    section = shown(qtbot, InvoicesSection, tmp_path)
    search = section.list.filters.search
    qtbot.keyClicks(search, "no such invoice")
    qtbot.waitUntil(lambda: section.list.state() == "filtered")
    qtbot.keyClick(search, Qt.Key.Key_Return, NONE)
    qtbot.keyClick(search, Qt.Key.Key_Down, NONE)
    assert not section.page_open and QApplication.focusWidget() is search


def test_the_stores_search_goes_to_the_first_product_and_opens_the_only_one(qtbot, tmp_path):
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(1240, 800)
    store.show_data(account_data(tmp_path))
    store.show()
    store.activateWindow()
    qtbot.waitUntil(store.isActiveWindow)
    store.focus_search()                                         # nothing typed: every product is found
    assert len(store.cards) > 1
    qtbot.keyClick(store.search, Qt.Key.Key_Down, NONE)
    assert QApplication.focusWidget() is store.cards[0]
    qtbot.keyClick(store.search, Qt.Key.Key_Return, NONE)      # several found: Enter opens none of them
    assert store.pages.currentWidget() is store.catalogue
    store.focus_search()
    qtbot.keyClicks(store.search, "minecraft flex")
    assert [card.product["id"] for card in store.cards] == ["minecraft-flex"]
    qtbot.keyClick(store.search, Qt.Key.Key_Return, NONE)
    assert store.pages.currentWidget() is store.product_page
    assert store.product_page.product["id"] == "minecraft-flex"
