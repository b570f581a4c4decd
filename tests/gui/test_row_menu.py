"""A list's rows under the right mouse button (and the Menu key): Open and Copy on every list, Pay on the unpaid
invoices selected; a click on a row not selected selects it first. Driven through the real context-menu event, the
menu read and used as it pops up."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.views.invoices import InvoicesSection
from app.views.services import ServicesSection

from . import menu_steps
from .test_keyboard_rows import active

# The offscreen platform can neither raise a pop-up menu nor let it grab the keyboard, and says so.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")


def row_of(section, number: str) -> int:
    proxy = section.list.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == number)


def use_menu(qtbot, table, event: QContextMenuEvent, choose: str | None) -> list[str]:
    """Send the context-menu event; when the menu pops up, note its entries and choose one (or close it)."""
    return menu_steps.use_menu(lambda: QApplication.sendEvent(table.viewport(), event), choose, mark_off=True)


def right_click(table, row: int) -> QContextMenuEvent:
    where = table.visualRect(table.model().index(row, 0)).center()
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where))


def test_a_right_click_selects_the_row_and_open_shows_it(qtbot, tmp_path):
    section = active(qtbot, InvoicesSection, tmp_path)
    table = section.list.table
    table.selectRow(row_of(section, "INV-2026-0001"))
    row = row_of(section, "INV-2026-0002")
    seen = use_menu(qtbot, table, right_click(table, row), "Open")
    assert seen == ["Open", "Copy"]                      # paid: nothing to pay
    assert table.currentIndex().row() == row and [i.row() for i in table.selectionModel().selectedRows()] == [row]
    qtbot.waitUntil(lambda: section.page_open)
    assert "INV-2026-0002" in section.page.title.text()


def test_copy_puts_the_row_on_the_clipboard_with_its_headers(qtbot, tmp_path):
    section = active(qtbot, ServicesSection, tmp_path)
    table = section.list.table
    QGuiApplication.clipboard().clear()
    seen = use_menu(qtbot, table, right_click(table, 0), "Copy")
    assert seen == ["Open", "Copy"]
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[0] == "Product"
    assert lines[1].split("\t")[0] == table.model().index(0, 0).data()


def test_pay_is_offered_for_the_unpaid_invoices_selected(qtbot, tmp_path):
    section = active(qtbot, InvoicesSection, tmp_path)
    table = section.list.table
    selection = table.selectionModel()
    table.selectRow(row_of(section, "INV-2026-0003"))
    for number in ("INV-2026-0004", "INV-2026-0001"):                    # with it: one more unpaid, one paid
        selection.select(table.model().index(row_of(section, number), 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    with qtbot.waitSignal(section.pay_invoices_requested) as paid:
        seen = use_menu(qtbot, table, right_click(table, row_of(section, "INV-2026-0004")), "Pay 2 invoices…")
    assert seen == ["Open", "Copy", "Pay 2 invoices…"]
    assert sorted(paid.args[0]) == ["inv-3", "inv-4"]

    section.pay_due.set_online(False)
    seen = use_menu(qtbot, table, right_click(table, row_of(section, "INV-2026-0004")), None)
    assert seen[-1] == "Pay 2 invoices… (off)"            # offline: shown, not offered


def test_the_menu_key_opens_the_menu_of_the_current_row(qtbot, tmp_path):
    section = active(qtbot, ServicesSection, tmp_path)
    table = section.list.table
    table.setCurrentIndex(table.model().index(2, 0))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), table.viewport().mapToGlobal(QPoint()))
    use_menu(qtbot, table, event, "Open")
    qtbot.waitUntil(lambda: section.page_open)
    assert section.page.title.text().startswith(table.model().index(2, 0).data())
