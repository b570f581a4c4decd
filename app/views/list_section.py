"""A section that is a filterable table whose rows open a page in the table's place (services, invoices)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from app.snapshot import AccountData

from .badges import FilteredTable
from .section import Section


class ListWithPage(Section):
    """Subclasses build `self.list` (a FilteredTable) and `self.page`, then call `_stack`; `open_row(id)` says
    how a row becomes its page."""

    list: FilteredTable
    page: QWidget
    data: AccountData | None = None

    def _stack(self, heading: QLabel, summary: QLabel) -> None:
        self.list.table.activated.connect(self._open_index)      # Enter or double-click
        self.page.back_requested.connect(self.show_list)
        self.listing = QWidget(self)
        list_layout = QVBoxLayout(self.listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addWidget(heading)
        list_layout.addWidget(summary)
        list_layout.addWidget(self.list, 1)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.listing)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(self.stack, 1)
        summary.hide()

    @property
    def table(self):
        return self.list.table

    @property
    def filters(self):
        return self.list.filters

    @property
    def page_open(self) -> bool:
        return self.stack.currentWidget() is self.page

    def open_row(self, row_id: str) -> bool:
        raise NotImplementedError

    def _open_index(self, index) -> None:
        row = self.list.proxy.row(index.row())
        if row and row.get("id") is not None:
            self.open_row(str(row["id"]))

    def _show_page(self) -> None:
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.listing)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)
