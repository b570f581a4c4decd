"""A record page's short table (an order's items, an invoice's lines and payments, a service's invoices) as tall as
its rows, up to a limit: the page scrolls as a whole, so a one-line order no longer sits in a box of empty rows
that pushes its totals and invoice out of a 650-pixel window, and a long list still scrolls inside its table."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSizePolicy, QTableView


class _RowsHeight(QObject):
    def __init__(self, view: QTableView, max_rows: int) -> None:
        super().__init__(view)
        self.view, self.max_rows = view, max_rows
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        view.verticalHeader().sectionResized.connect(self.fit)
        view.installEventFilter(self)
        self._model = None
        self.watch_model()

    def watch_model(self) -> None:
        model = self.view.model()
        if model is self._model or model is None:
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.fit)
        self.fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        # The header's height follows the font and the style sheet: measured again whenever either changes.
        if event.type() in (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def fit(self, *_args) -> None:
        view = self.view
        rows = view.verticalHeader()
        shown = min(view.model().rowCount() if view.model() is not None else 0, self.max_rows)
        height = sum(rows.sectionSize(row) for row in range(shown)) or rows.defaultSectionSize()   # never shut
        header = view.horizontalHeader()
        if not header.isHidden():
            height += header.sizeHint().height()
        scroll_bar = view.horizontalScrollBar()
        if scroll_bar.isVisible():
            height += scroll_bar.sizeHint().height()
        view.setFixedHeight(height + 2 * view.frameWidth())


def fit_to_rows(view: QTableView, max_rows: int) -> None:
    """Keep `view` as tall as its rows (at least one, at most `max_rows`, then it scrolls), from now on."""
    _RowsHeight(view, max_rows)
