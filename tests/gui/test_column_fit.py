"""Fitting a table's columns reads the rows on screen only, and never a hidden table's rows: Qt's
sizeHintForColumn reads every row of a table that is not visible, which froze the window for seconds when a sync
refilled a big Invoices screen while another screen was shown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate

from app.views.column_fit import FittedTableView

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

ROWS = 5_000


class Rows(QAbstractTableModel):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def refill(self, width: int) -> None:
        self.beginResetModel()
        self.width = width
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"row {index.row()} " + "x" * self.width if index.column() == 0 else str(index.row())
        return None


class Counting(QStyledItemDelegate):
    calls = 0

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        Counting.calls += 1
        return super().sizeHint(option, index)


def test_a_hidden_table_is_fitted_when_it_shows_and_only_from_its_rows_on_screen(qtbot):
    view = FittedTableView()
    qtbot.addWidget(view)
    model = Rows(width=4)
    view.setModel(model)
    view.setItemDelegate(Counting(view))
    view.resize(600, 300)
    view.show()
    qtbot.waitUntil(lambda: Counting.calls > 0)
    qtbot.wait(50)
    narrow = view.columnWidth(0)

    view.hide()
    Counting.calls = 0
    model.refill(width=30)              # new data while another screen is shown
    qtbot.wait(100)
    assert Counting.calls == 0          # not one of the 5,000 rows read while hidden

    view.show()
    qtbot.waitUntil(lambda: view.columnWidth(0) > narrow)     # fitted to the longer text once shown
    assert view.columnWidth(0) >= view.sizeHintForColumn(0)
    assert Counting.calls < 500         # the rows on screen (a dozen per column), not the 5,000
