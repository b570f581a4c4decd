"""The visual pieces every screen shares: status badges in tables, headings, empty states, filterable tables.

Colours come from app.models.table (one palette for every status). Looks come from the shell's theme
(app/views/theme.py), through the vocabulary its style sheets define: `role`, `card`, `clickable` and `kind`
properties, and the `EmptyState` object name; the fonts set here only make a screen readable without a theme.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.table import BADGE_ROLE, tone_colour

from .formatting import humanise

_BADGE_PAD_X = 8
_BADGE_PAD_Y = 2
_BADGE_FILL_ALPHA = 38


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell whose model gives a BADGE_ROLE tone as a rounded, tinted pill; other cells as usual.

    It also paints the model's row tint (BackgroundRole, e.g. overdue invoices) itself: a style sheet with
    `QTableView::item` rules makes Qt's style ignore that role, and a highlighted row must not depend on the theme.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.backgroundBrush = QBrush()      # painted in paint(), under everything else

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(tint, QColor):
            painter.fillRect(option.rect, tint)
        colour = tone_colour(index.data(BADGE_ROLE))
        if colour is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)   # background, selection
        if not text:
            return
        metrics = opt.fontMetrics
        height = metrics.height() + 2 * _BADGE_PAD_Y
        width = min(metrics.horizontalAdvance(text) + 2 * _BADGE_PAD_X, opt.rect.width() - 4)
        pill = QRect(opt.rect.left() + 4, opt.rect.center().y() - height // 2 + 1, width, height)
        fill = tone_colour(index.data(BADGE_ROLE), _BADGE_FILL_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(pill), height / 2, height / 2)
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                  width - 2 * _BADGE_PAD_X + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(BADGE_ROLE):
            size.setWidth(size.width() + 2 * _BADGE_PAD_X + 8)
            size.setHeight(max(size.height(), option.fontMetrics.height() + 2 * _BADGE_PAD_Y + 8))
        return size


def emphasise(label: QLabel, scale: float = 1.0, bold: bool = True) -> QLabel:
    """A larger or bolder font: how headings and figures read before (or without) the theme's style sheet."""
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


def styled(widget: QWidget, **properties) -> QWidget:
    """Set theme properties (role="title", card=True, ...) before the widget is first polished."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    return widget


def heading(text: str, object_name: str = "sectionTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setAccessibleName(text)
    title = object_name == "sectionTitle"
    styled(label, role="title" if title else "heading")
    return emphasise(label, 1.7 if title else 1.2)


def subtitle(text: str = "", object_name: str = "sectionSubtitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return styled(label, role="subtitle")


def muted(text: str = "", object_name: str = "caption", *, wrap: bool = False) -> QLabel:
    label = QLabel(text, objectName=object_name, wordWrap=wrap)
    return styled(label, role="muted")


class EmptyState(QWidget):
    """A centred title, a sentence and an optional action: what a screen shows instead of an empty table."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.title = emphasise(QLabel(objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter), 1.3)
        styled(self.title, role="title")
        self.message = QLabel(objectName="emptyMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        styled(self.message, role="muted")
        self.action = styled(QPushButton(objectName="emptyAction"), kind="primary")
        self.action.setCursor(Qt.CursorShape.PointingHandCursor)
        self.action.clicked.connect(self.action_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 48, 24, 48)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.show_state("", "")

    def show_state(self, title: str, message: str = "", action: str | None = None) -> None:
        self.title.setText(title)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.action.setText(action or "")
        self.action.setVisible(bool(action))


def make_table(parent: QWidget | None = None, object_name: str = "dataTable") -> QTableView:
    """A read-only, row-selecting, sortable table with badge painting and sensible column sizing."""
    view = QTableView(parent)
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
    view.setSortingEnabled(True)
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
        self.status.setAccessibleName("Status filter")
        for label, value in statuses:
            self.status.addItem(label, value)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit(objectName="searchField", placeholderText=placeholder, clearButtonEnabled=True)
        self.search.setAccessibleName(placeholder)
        self.search.setMinimumWidth(220)
        self.search.setToolTip(f"{placeholder} ({QKeySequence(QKeySequence.StandardKey.Find).toString()})")
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
        names = [humanise(s) for s in sorted(wanted)]
        label = " or ".join([names[0], *(name.lower() for name in names[1:])])
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
        self.table = make_table(self, object_name)
        self.table.setModel(proxy)
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
            "not_synced": ("Not synced yet", f"Connect to the panel to see your {noun}s.", None),
            "none": (f"No {noun}s yet", "", None),
            "filtered": (f"No {noun}s match", "Try another status or search.", "Clear filters"),
        }
        self._applying = False
        self._typing = QTimer(self, singleShot=True, interval=self.TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._filters_changed)
        self.filters.status_changed.connect(self._filters_changed)
        self.filters.search_changed.connect(self._search_edited)
        self.empty.action_clicked.connect(self._empty_clicked)
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
        noun = f"{self._noun}s" if total != 1 else self._noun
        self.count.setText(f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}")
        if self.proxy.busy:
            self.count.setText(f"{self.proxy.busy_doing} {total:,} {noun}…")
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
