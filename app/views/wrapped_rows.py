"""Rows as tall as their wrapped text, in a table whose rows follow their contents (the vertical header's
ResizeToContents): Keyboard shortcuts' descriptions, About's licences."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

# Room a cell's text does not get: the themes' `QTableView::item { padding: 6px 8px }` and the item view's own text
# margin (3 px a side). Qt measures a wrapped cell's height at the column's whole width, then paints the text inside
# that padding: a line that fitted the measure wrapped once more when painted, and its row ended in "…".
CELL_SIDES = 2 * 8 + 2 * 3
CELL_ENDS = 2 * 6


def wrapped_height(view: QAbstractItemView, text: str, width: int) -> int:
    """How tall a cell of `width` must be to show `text` wrapped inside its padding."""
    room = QRect(0, 0, max(width - CELL_SIDES, 1), 100_000)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    return view.fontMetrics().boundingRect(room, flags, text).height() + CELL_ENDS


class WrappedRows(QStyledItemDelegate):
    """A row as tall as its wrapped text needs inside the cell's padding (see CELL_SIDES)."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        view = self.parent()
        text = str(index.data() or "")
        return QSize(hint.width(), max(hint.height(), wrapped_height(view, text, view.columnWidth(index.column()))))
