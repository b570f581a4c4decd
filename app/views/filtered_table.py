"""A table as the screens list things: read-only, sortable, badges painted; over it a status and search filter,
in its place an empty state when there is nothing to show, under it a count of the rows shown."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.status_words import status_word
from app.core.text import translate

from .badges import BadgeDelegate
from .column_fit import FittedTableView
from .empty_state import EmptyState
from .labels import muted
from .nouns import busy_text, count_text, noun_text
from .submit_keys import leave_search_on_down_or_enter


def make_table(parent: QWidget | None = None, object_name: str = "dataTable", model: QAbstractItemModel | None = None,
               *, sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table with badge painting and sensible column sizing, over `model`; sortable by
    a click on a header unless told otherwise (a page's short tables keep the order the panel gives)."""
    view = FittedTableView(parent)
    view.setObjectName(object_name)
    view.setItemDelegate(BadgeDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)      # Tab leaves the table, arrows move within it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(max(32, view.fontMetrics().height() + 16))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(140)
    header.setMinimumSectionSize(72)
    # Sorted as the panel lists them until the user clicks a header (-1: no column).
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(sortable)
    if model is not None:
        view.setModel(model)
    return view


class FilterBar(QWidget):
    """A status combo and a search field; Ctrl+F (from anywhere in the window) focuses the search.

    Status entries are (label, statuses): statuses is None for "all", else a comma-separated list as the
    panel's `?status=` takes it ("pending,overdue").
    """

    status_changed = Signal()
    search_changed = Signal()

    def __init__(self, statuses: Sequence[tuple[str, str | None]], placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.status = QComboBox(objectName="statusFilter")
        self.status.setAccessibleName(translate("FilterBar", "Status filter"))
        for label, value in statuses:
            self.status.addItem(translate("StatusFilter", label), value)   # QT_TRANSLATE_NOOP'd by the screens
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit(objectName="searchField", placeholderText=placeholder, clearButtonEnabled=True)
        self.search.setAccessibleName(placeholder)
        self.search.setMinimumWidth(220)
        self.search.setToolTip(translate("FilterBar", "{placeholder} ({shortcut})").format(
            placeholder=placeholder, shortcut=QKeySequence(QKeySequence.StandardKey.Find).toString(
                QKeySequence.SequenceFormat.NativeText)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.search)
        self.status.currentIndexChanged.connect(self.status_changed)
        self.search.textChanged.connect(self.search_changed)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self.search)
        find.setContext(Qt.ShortcutContext.WindowShortcut)   # only while this screen is the visible one
        find.activated.connect(self.focus_search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search.clear)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def statuses(self) -> frozenset[str] | None:
        value = self.status.currentData()
        return None if not value else frozenset(s for s in str(value).split(",") if s)

    def set_statuses(self, value: str | Sequence[str] | None) -> None:
        """Select the entry for these statuses (a str as in ?status=, or a list), adding one when none matches."""
        if isinstance(value, str):
            wanted = frozenset(s.strip() for s in value.split(",") if s.strip())
        else:
            wanted = frozenset(value or ())
        if not wanted:
            self.status.setCurrentIndex(0)
            return
        for i in range(self.status.count()):
            data = self.status.itemData(i)
            if data and frozenset(str(data).split(",")) == wanted:
                self.status.setCurrentIndex(i)
                return
        names = [status_word(s) for s in sorted(wanted)]
        label = translate("FilterBar", " or ").join([names[0], *(name.lower() for name in names[1:])])
        self.status.addItem(label, ",".join(sorted(wanted)))
        self.status.setCurrentIndex(self.status.count() - 1)

    def text(self) -> str:
        return self.search.text()

    def reset(self) -> None:
        self.status.setCurrentIndex(0)
        self.search.clear()


class FilteredTable(QWidget):
    """A filter bar over a table, the table's empty states, and a count of the rows shown.

    The owner feeds the model, then calls `refresh(synced)`; the empty state tells apart "never synced",
    "nothing yet" (with an action, e.g. to the store; `empty_action` is emitted) and "nothing matches"
    (whose action clears the filters).
    """

    empty_action = Signal()
    # Filtering a big table takes a noticeable moment, so typing there is filtered once the user pauses.
    BIG_TABLE = 5_000
    TYPING_PAUSE_MS = 200

    def __init__(self, model, proxy, *, noun: str, statuses: Sequence[tuple[str, str | None]],
                 placeholder: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.proxy, self._noun = model, proxy, noun
        self.proxy.setSourceModel(model)
        self.filters = FilterBar(statuses, placeholder, self)
        self.table = make_table(self, object_name, proxy)
        # A screen reader names the table by what it lists; unnamed it said only "table".
        self.table.setAccessibleName(noun_text(noun, "table"))
        self.empty = EmptyState(self)
        self.count = muted(object_name="sectionCount")
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.filters)
        layout.addLayout(self.stack, 1)
        layout.addWidget(self.count)
        self._synced = False
        self._texts: dict[str, tuple[str, str, str | None]] = {
            "not_synced": (translate("FilteredTable", "Not synced yet"), noun_text(noun, "connect"), None),
            "none": (noun_text(noun, "none"), "", None),
            "filtered": (noun_text(noun, "no_match"), translate("FilteredTable", "Try another status or search."),
                         translate("FilteredTable", "Clear filters")),
        }
        self._applying = False
        self._typing = QTimer(self, singleShot=True, interval=self.TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._filters_changed)
        self.filters.status_changed.connect(self._filters_changed)
        self.filters.search_changed.connect(self._search_edited)
        self.empty.action_clicked.connect(self._empty_clicked)
        # From the search to what it found without the mouse: Down moves to the first row, Enter too, and opens
        # the row when it is the only one (an invoice's number typed, Enter, its page).
        leave_search_on_down_or_enter(self.filters.search, lambda enter: self.go_to_rows(open_single=enter))
        # A big table's rows or search text may be worked out in batches: the count follows when they land.
        self.proxy.filtered.connect(self.refresh)
        self.proxy.busy_changed.connect(lambda _busy: self.refresh())
        self.refresh(False)

    def set_empty_text(self, state: str, title: str, message: str = "", action: str | None = None) -> None:
        self._texts[state] = (title, message, action)

    def state(self) -> str:
        """"not_synced", "none", "filtered" or "rows": what the user is looking at."""
        if not self._synced:
            return "not_synced"
        if self.model.rowCount() == 0:
            return "none"
        return "filtered" if self.proxy.rowCount() == 0 else "rows"

    def refresh(self, synced: bool | None = None) -> None:
        if synced is not None:
            self._synced = synced
        state = self.state()
        self.filters.setVisible(state in ("rows", "filtered"))
        if state == "rows":
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.show_state(*self._texts[state])
            self.stack.setCurrentWidget(self.empty)
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count.setText(count_text(self._noun, shown, total))
        if self.proxy.busy:
            self.count.setText(busy_text(self._noun, self.proxy.busy_doing, total))
        self.count.setVisible(state == "rows" or self.proxy.busy)

    def apply_filter(self, filters: dict) -> None:
        """{"status": "overdue" | "pending,overdue" | [...], "search": text, "sort": column key}."""
        self._applying = True
        try:
            self.filters.set_statuses(filters.get("status"))
            self.filters.search.setText(str(filters.get("search") or ""))
        finally:
            self._applying = False
        self._filters_changed()
        column = self.model.column_of(str(filters.get("sort") or ""))
        if column >= 0:
            self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    def go_to_rows(self, *, open_single: bool) -> None:
        """Focus the table on its first row shown; with `open_single`, open that row when it is the only one."""
        if self._typing.isActive():          # a big table's filter waits for a pause in typing: apply it now
            self._filters_changed()
        if self.proxy.busy or self.state() != "rows":   # still working out what matches: nothing to go to yet
            return
        first = self.proxy.index(0, 0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.table.setCurrentIndex(first)
        if open_single and self.proxy.rowCount() == 1:
            self.table.activated.emit(first)

    def _search_edited(self) -> None:
        if self.model.rowCount() > self.BIG_TABLE:
            self._typing.start()
        else:
            self._filters_changed()

    def _filters_changed(self) -> None:
        if self._applying:
            return
        self._typing.stop()
        self.proxy.set_filters(self.filters.statuses(), self.filters.text())
        self.refresh()

    def _empty_clicked(self) -> None:
        if self.state() == "filtered":
            self.filters.reset()
            self.table.setFocus()
        else:
            self.empty_action.emit()
