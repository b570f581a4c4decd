"""A table model over rows handed to it (lists of dicts as the panel sends them), and the proxy that filters it.

Built for big tables (50,000 invoices): loading stores the list and nothing else; display text is computed in
data() for the rows a view paints; a column's sort keys are computed once, the first time it is sorted, and
sorting is Python's sort over those keys. Sorting through QSortFilterProxyModel's lessThan would call back
into Python a million times for such a table, so the proxy hands sorting to the model and only filters.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.core.money import parse_money, round_money

__all__ = [
    "BADGE_ROLE", "DARK_TONE_COLOURS", "ID_ROLE", "SORT_ROLE", "STATUS_TONES", "TONE_COLOURS",
    "Column", "RowFilterProxy", "RowTableModel", "minor_units", "status_tone", "tone_colour",
]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1     # raw comparable value: minor-unit int for money, ISO text for dates
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2    # tone name ("success", ...) of a cell painted as a coloured badge
ID_ROLE = Qt.ItemDataRole.UserRole + 3       # the row's id

# One palette for every status on every screen, so "overdue" is the same red everywhere.
STATUS_TONES: dict[str, str] = {
    "active": "success", "paid": "success", "running": "success", "succeeded": "success",
    "pending": "warning", "awaiting_approval": "warning", "processing": "warning",
    "overdue": "danger", "suspended": "danger", "failed": "danger",
    "terminated": "muted", "cancelled": "muted", "refunded": "muted", "draft": "muted", "withdrawn": "muted",
}
# The shell's themes use the same colours for their status chips (resources/styles/*.qss).
TONE_COLOURS: dict[str, str] = {"success": "#067647", "warning": "#b54708", "danger": "#b42318", "muted": "#475467"}
DARK_TONE_COLOURS: dict[str, str] = {"success": "#6ce9a6", "warning": "#fdb022", "danger": "#fda29b",
                                     "muted": "#aab1c0"}
# Tinted row backgrounds must stay light enough for text in any of the tone colours to read on them.
_ROW_TINT_ALPHA = 28

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Row = dict
Tone = Callable[[Row], "str | None"]


def status_tone(status: str | None) -> str | None:
    return STATUS_TONES.get(status or "")


def _dark_palette() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def tone_colour(tone: str | None, alpha: int = 255) -> QColor | None:
    """The tone's colour for the palette in use: dark text on a light theme, light text on a dark one."""
    if not tone or tone not in TONE_COLOURS:
        return None
    colour = QColor((DARK_TONE_COLOURS if _dark_palette() else TONE_COLOURS)[tone])
    colour.setAlpha(alpha)
    return colour


def minor_units(amount: Any, places: int) -> int | None:
    """An amount as an int of minor units ("12.5" -> 1250 at 2 places): money sorts by value, never as text."""
    if amount is None or amount == "":
        return None
    try:
        return int(round_money(parse_money(amount), places).scaleb(places))
    except ValueError:
        return None


@dataclass(frozen=True)
class Column:
    """One column: how a row shows in it and how it sorts.

    display: the text (default: the row's `key` value as text); sort_key: the raw comparable value (default: the
    row's `key` value); badge: the tone of a status badge the view's delegate paints; foreground: a text tone.
    """

    key: str
    title: str
    display: Callable[[Row], str] | None = None
    sort_key: Callable[[Row], Any] | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    badge: Tone | None = None
    foreground: Tone | None = None
    tooltip: Callable[[Row], str | None] | None = None

    def text(self, row: Row) -> str:
        if self.display is not None:
            return self.display(row)
        value = row.get(self.key)
        return "" if value is None else str(value)

    def sort_value(self, row: Row) -> Any:
        return self.sort_key(row) if self.sort_key is not None else row.get(self.key)


class RowTableModel(QAbstractTableModel):
    """Rows (dicts) in columns. `set_rows` replaces everything; the last sort is kept and applied to new rows."""

    def __init__(self, columns: Sequence[Column], parent=None, *, row_tone: Tone | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = list(columns)
        self._rows: list[Row] = []
        self._order: Sequence[int] = range(0)     # display position -> index into _rows
        self._keys: dict[int, list[Any]] = {}      # column -> sort key per index into _rows
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._row_tone = row_tone
        self.generation = 0                        # bumped on every set_rows; caches built on rows compare it

    # -- feeding -------------------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row], columns: Sequence[Column] | None = None) -> None:
        """Replace every row (and the columns, when given: e.g. money formatted for another currency)."""
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = list(columns)
        self._keys = {}
        self.generation += 1
        column, order = self._sort
        self._order = self._sorted_order(column, order)
        self.endResetModel()

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        """The position of the column with this key, or -1."""
        return next((i for i, column in enumerate(self._columns) if column.key == key), -1)

    def all_rows(self) -> list[Row]:
        """The rows as handed in (not in display order); an index into this list is a row's `row_number`."""
        return self._rows

    def row_number(self, position: int) -> int:
        return self._order[position]

    def row(self, position: int) -> Row:
        """The row shown at this position."""
        return self._rows[self._order[position]]

    # -- QAbstractTableModel -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[self._order[index.row()]]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == BADGE_ROLE:
            return column.badge(row) if column.badge is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = column.badge or column.foreground
            return tone_colour(tone(row)) if tone is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return tone_colour(self._row_tone(row), _ROW_TINT_ALPHA) if self._row_tone is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == ID_ROLE:
            return row.get("id")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[section].alignment
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's raw keys; column -1 restores the order the rows were handed in."""
        if column >= len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = self._sorted_order(column, order)
        persistent = self.persistentIndexList()
        if persistent:
            position = [0] * len(self._order)
            for pos, number in enumerate(self._order):
                position[number] = pos
            moved = [self.index(position[old_order[i.row()]], i.column()) for i in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- sorting -------------------------------------------------------------------------------------------

    def sort_keys(self, column: int) -> list[Any]:
        """The raw sort key of every row (by row_number), computed once per set_rows."""
        keys = self._keys.get(column)
        if keys is None:
            value = self._columns[column].sort_value
            keys = self._keys[column] = [value(row) for row in self._rows]
        return keys

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> Sequence[int]:
        if not 0 <= column < len(self._columns):
            return range(len(self._rows))
        keys = self.sort_keys(column)
        # Rows without a value (no due date, no amount) go last in both directions: they are the least useful.
        present = [i for i, key in enumerate(keys) if key is not None]
        missing = [i for i, key in enumerate(keys) if key is None]
        descending = order == Qt.SortOrder.DescendingOrder
        try:
            present.sort(key=keys.__getitem__, reverse=descending)
        except TypeError:
            # Mixed kinds of value in one column (bad panel data) must not break sorting: compare as text.
            present.sort(key=lambda i: str(keys[i]), reverse=descending)
        return present + missing


class RowFilterProxy(QSortFilterProxyModel):
    """Filters a RowTableModel by status and by case-insensitive text over chosen columns; sorts by raw keys.

    Which rows match is computed in one pass over the model's rows when a filter or the rows change, so
    filterAcceptsRow is a lookup. Sorting is the model's (see the module's docstring).
    """

    def __init__(self, parent=None, *, status_key: str = "status", search_keys: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._status_key = status_key
        self._search_keys = tuple(search_keys)
        self._statuses: frozenset[str] | None = None
        self._search = ""
        self._accepted: bytearray | None = None
        self._accepted_for: tuple | None = None
        self._haystack: list[str] = []
        self._haystack_for: tuple | None = None

    # -- filters -------------------------------------------------------------------------------------------

    @property
    def statuses(self) -> frozenset[str] | None:
        return self._statuses

    @property
    def search_text(self) -> str:
        return self._search

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        """Show only rows with one of these statuses; None shows every status."""
        wanted = None if statuses is None else frozenset(statuses)
        if wanted != self._statuses:
            self._change_filter(lambda: setattr(self, "_statuses", wanted))

    def set_search(self, text: str) -> None:
        needle = " ".join((text or "").split()).casefold()
        if needle != self._search:
            self._change_filter(lambda: setattr(self, "_search", needle))

    def set_search_keys(self, keys: Sequence[str]) -> None:
        self._change_filter(lambda: setattr(self, "_search_keys", tuple(keys)))

    def clear_filters(self) -> None:
        def clear() -> None:
            self._statuses, self._search = None, ""
        self._change_filter(clear)

    def _change_filter(self, apply: Callable[[], None]) -> None:
        if hasattr(self, "endFilterChange"):     # Qt 6.10+: invalidateRowsFilter is on its way out
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateRowsFilter()

    # -- rows ----------------------------------------------------------------------------------------------

    def table(self) -> RowTableModel:
        source = self.sourceModel()
        if not isinstance(source, RowTableModel):
            raise TypeError("RowFilterProxy filters a RowTableModel")
        return source

    def row(self, proxy_row: int) -> Row:
        """The row shown at this position of the proxy."""
        return self.table().row(self.mapToSource(self.index(proxy_row, 0)).row())

    def rows(self) -> list[Row]:
        """Every row the proxy shows, in the order shown."""
        return [self.row(r) for r in range(self.rowCount())]

    # -- QSortFilterProxyModel -----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):
            # The proxy stays unsorted (it keeps the model's order), so the model's sort is the one shown.
            source.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._statuses is None and not self._search:
            return True
        model = self.table()
        accepted = self._accepted_rows(model)
        return bool(accepted[model.row_number(source_row)])

    def _accepted_rows(self, model: RowTableModel) -> bytearray:
        state = (id(model), model.generation, self._statuses, self._search, self._search_keys)
        if self._accepted is None or self._accepted_for != state:
            rows = model.all_rows()
            accepted = bytearray(b"\x01") * len(rows)
            if self._statuses is not None:
                key, wanted = self._status_key, self._statuses
                for i, row in enumerate(rows):
                    if row.get(key) not in wanted:
                        accepted[i] = 0
            if self._search:
                needle = self._search
                for i, text in enumerate(self._haystack_of(model)):
                    if accepted[i] and needle not in text:
                        accepted[i] = 0
            self._accepted, self._accepted_for = accepted, state
        return self._accepted

    def _haystack_of(self, model: RowTableModel) -> list[str]:
        """Per row, the casefolded text of the searched columns as the user sees it."""
        state = (id(model), model.generation, self._search_keys)
        if self._haystack_for != state:
            columns = [c for c in model.columns if c.key in self._search_keys] or model.columns
            self._haystack = ["\n".join(c.text(row) for c in columns).casefold() for row in model.all_rows()]
            self._haystack_for = state
        return self._haystack
