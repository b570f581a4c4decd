"""The rows of a list by keyboard: from the search, Down moves to the first row shown, Enter too, and Enter opens
the row when the search left only one (a number typed, Enter, its page); the row the keyboard is on stands out
while its table has the focus, in both themes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from app.views.filtered_table import make_table
from app.views.invoices import InvoicesSection
from app.views.services import ServicesSection
from app.views.store import StoreSection
from app.views.theme import apply_theme, current

from .samples import account_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NONE = Qt.KeyboardModifier.NoModifier


def active(qtbot, section_class, tmp_path):
    """The screen alone at 1240x800 with the sample account, its window active."""
    section = section_class()
    qtbot.addWidget(section)
    section.resize(1240, 800)
    section.show_data(account_data(tmp_path))
    section.show()
    section.activateWindow()
    qtbot.waitUntil(section.isActiveWindow)      # key presses reach the focus of the active window only
    return section


def shown(qtbot, section_class, tmp_path):
    section = active(qtbot, section_class, tmp_path)
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
    store = active(qtbot, StoreSection, tmp_path)
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


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_selected_row_stands_out_while_its_table_has_the_focus(qtbot, qapp, theme):
    before = current(qapp)
    apply_theme(qapp, theme)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        search = QLineEdit()
        layout.addWidget(search)
        model = QStandardItemModel(6, 3)
        for row in range(6):
            for column in range(3):
                model.setItem(row, column, QStandardItem(f"{row}/{column}"))
        table = make_table(host, "dataTable", model)
        layout.addWidget(table)
        host.resize(600, 400)
        host.show()
        host.activateWindow()
        qtbot.waitUntil(host.isActiveWindow)
        table.setFocus()
        table.setCurrentIndex(model.index(2, 0))
        cell = table.visualRect(model.index(2, 1))
        spot = (cell.right() - 3, cell.center().y())

        def colour(row: int) -> QColor:
            rect = table.visualRect(model.index(row, 1))
            return table.viewport().grab().toImage().pixelColor(rect.right() - 3, rect.center().y())

        focused, plain, alternate = colour(2), colour(0), colour(1)
        search.setFocus()
        qtbot.waitUntil(lambda: not table.hasFocus())
        unfocused = table.viewport().grab().toImage().pixelColor(*spot)
        assert table.selectionModel().isRowSelected(2)
        # Against both row backgrounds the keyboard's row is plain to see (about 1.5:1 and more), and plainer than
        # the same selection while the focus is elsewhere.
        assert min(_contrast(focused, plain), _contrast(focused, alternate)) >= 1.3, (theme, focused.name())
        assert _contrast(focused, plain) > _contrast(unfocused, plain), (theme, focused.name(), unfocused.name())
    finally:
        apply_theme(qapp, before)
