"""A record page's short table (an order's items, an invoice's lines and payments, a service's invoices) is as tall
as its header and its rows, no taller and no shorter: with a fixed floor a one-line invoice drew its line over a box
of empty rows, and in a tall window the table stretched into more of them, pushing the totals below it down. The
page's body scrolls, so a short window need not squeeze the table either. Past `max_rows` rows it scrolls inside."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView


class _RowsHeight(QObject):
    def __init__(self, view: QTableView, max_rows: int) -> None:
        super().__init__(view)
        self.view, self.max_rows = view, max_rows
        view.verticalHeader().sectionResized.connect(self.fit)
        view.horizontalScrollBar().rangeChanged.connect(self.fit)
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
        """The height that shows the header and the rows (at most max_rows of them), with the frame and the
        horizontal scroll bar when the columns are wider than the table."""
        view = self.view
        rows = view.verticalHeader()
        shown = min(view.model().rowCount() if view.model() is not None else 0, self.max_rows)
        height = sum(rows.sectionSize(row) for row in range(shown))
        header = view.horizontalHeader()
        if not header.isHidden():
            height += header.sizeHint().height()
        scroll_bar = view.horizontalScrollBar()
        policy = view.horizontalScrollBarPolicy()
        if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn or (
                policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded and scroll_bar.maximum() > scroll_bar.minimum()):
            height += scroll_bar.sizeHint().height()
        return height + 2 * view.frameWidth()

    def fit(self, *_args) -> None:
        height = self.rows_height()
        if self.view.minimumHeight() != height or self.view.maximumHeight() != height:
            self.view.setFixedHeight(height)


def fit_to_rows(view: QTableView, max_rows: int) -> None:
    """From now on, keep `view` as tall as its header and its rows (up to `max_rows` of them)."""
    _RowsHeight(view, max_rows)


class _KeepRows(QObject):
    """A list screen's table is never squeezed below its header and `rows` rows: where its page scrolls (Credits,
    under the balance card) the page scrolls instead. At 1000x650 with banners open the history showed one row."""

    def __init__(self, view: QTableView, rows: int) -> None:
        super().__init__(view)
        self.view, self.rows = view, rows
        view.verticalHeader().sectionResized.connect(self.fit)
        view.installEventFilter(self)
        self.fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def fit(self, *_args) -> None:
        view = self.view
        height = self.rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        header = view.horizontalHeader()
        if not header.isHidden():
            height += header.sizeHint().height()
        if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            height += view.horizontalScrollBar().sizeHint().height()     # wide columns: the bar takes a row's room
        if view.minimumHeight() != height:
            view.setMinimumHeight(height)


def keep_rows(view: QTableView, rows: int = 3) -> None:
    """From now on, never let layouts make `view` shorter than its header and `rows` rows."""
    _KeepRows(view, rows)
