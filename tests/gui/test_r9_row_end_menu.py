"""A right click on a row's painted end, past a wide table's last column (app/views/column_fit.py paints each row's
stripe on to the right edge, and a left click there is on the row), opens that row's menu as a right click on its
cells does; it opened a menu for no row (Copy of whatever was selected before)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent

from app.views.invoices import InvoicesSection

from .test_keyboard_rows import active
from .test_row_menu import row_of, use_menu

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")


def test_a_right_click_past_the_last_column_opens_that_rows_menu(qtbot, tmp_path):
    section = active(qtbot, InvoicesSection, tmp_path)
    section.resize(1600, 700)
    qtbot.wait(50)
    table = section.list.table
    header = table.horizontalHeader()
    assert header.length() < table.viewport().width() - 100          # spare width after the last column
    table.selectRow(row_of(section, "INV-2026-0001"))
    row = row_of(section, "INV-2026-0002")
    where = QPoint(table.viewport().width() - 10, table.rowViewportPosition(row) + table.rowHeight(row) // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where))
    seen = use_menu(qtbot, table, event, None)
    assert seen == ["Open", "Copy"]
    assert [i.row() for i in table.selectionModel().selectedRows()] == [row]
