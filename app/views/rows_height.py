"""A record page's short table (an order's items, an invoice's lines and payments, a service's invoices) grows with
the window only as far as its rows need: in a tall window it stretched into a box of empty rows, pushing the totals
and the invoice below it out of sight, while the page has room to show them right under the table. It keeps the
size it was made with (its minimum and Qt's size hint) as a floor, so a short window lays the page out as before,
and past `max_rows` rows it scrolls inside."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


class _RowsHeight(QObject):
    def __init__(self, view: QTableView, max_rows: int) -> None:
        super().__init__(view)
        self.view, self.max_rows = view, max_rows
        view.verticalHeader().sectionResized.connect(self.fit)
        view.installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
                signal.connect(self.fit)
        self.fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        # The header's height follows the font and the style sheet: measured again whenever either changes.
        if event.type() in (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def rows_height(self) -> int:
        """The height that shows the header and the rows (at most max_rows of them), with the frame."""
        view = self.view
        rows = view.verticalHeader()
        shown = min(view.model().rowCount() if view.model() is not None else 0, self.max_rows)
        height = sum(rows.sectionSize(row) for row in range(shown))
        header = view.horizontalHeader()
        if not header.isHidden():
            height += header.sizeHint().height()
        scroll_bar = view.horizontalScrollBar()
        if scroll_bar.isVisible():
            height += scroll_bar.sizeHint().height()
        return height + 2 * view.frameWidth()

    def fit(self, *_args) -> None:
        view = self.view
        view.setMaximumHeight(max(self.rows_height(), view.minimumHeight(), view.sizeHint().height()))


def fit_to_rows(view: QTableView, max_rows: int) -> None:
    """From now on, let `view` grow no taller than its rows (up to `max_rows`) or the size it was made with."""
    _RowsHeight(view, max_rows)
