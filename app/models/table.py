"""A table model over rows handed to it (lists of dicts as the panel sends them).

Built for big tables (50,000 invoices): loading stores the list and nothing else; display text is computed in
data() for the rows a view paints; a column's sort keys are computed once, the first time it is sorted, and
sorting is Python's sort over those keys (the filtering proxy in row_filter.py hands sorting to the model:
QSortFilterProxyModel's lessThan would call back into Python a million times for such a table). What costs
more than a few milliseconds over all rows (the search text of every row, everything new rows need before
they replace the old ones) is done in batches between turns of the event loop (batches.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.money import parse_money, round_money
from app.core.text import translate

from .batches import BATCH_ROWS, Batches
from .plain_text import tooltip
from .tones import DARK_TONE_COLOURS, STATUS_TONES, TONE_COLOURS, status_tone, tone_colour

__all__ = [
    "BADGE_ROLE", "DARK_TONE_COLOURS", "ID_ROLE", "MINOR_ROLE", "SORT_ROLE", "STATUS_TONES", "TONE_COLOURS",
    "Column", "RowTableModel", "minor_units", "status_tone", "tone_colour",
]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1     # raw comparable value: minor-unit int for money, ISO text for dates
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2    # tone name ("success", ...) of a cell painted as a coloured badge
ID_ROLE = Qt.ItemDataRole.UserRole + 3       # the row's id
MINOR_ROLE = Qt.ItemDataRole.UserRole + 4    # header data: the column is a detail that gives up its width first

# Tinted row backgrounds must stay light enough for text in any of the tone colours to read on them.
_ROW_TINT_ALPHA = 28
# The roles data() answers. A view asks each cell for about nine (font, check state, decoration...) at every paint;
# the others are answered None before any work, which halves the Python calls a screenful of rows costs.
ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole),
                   int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.BackgroundRole),
                   int(Qt.ItemDataRole.ToolTipRole), SORT_ROLE, BADGE_ROLE, ID_ROLE})

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Row = dict
Tone = Callable[[Row], "str | None"]


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
    row's `key` value); badge: the tone of a status badge the view's delegate paints; foreground: a text tone;
    minor: a detail beside the row's name (a server named after its product): in a narrow table it is cut first,
    so that the name stays whole.
    """

    key: str
    title: str
    display: Callable[[Row], str] | None = None
    sort_key: Callable[[Row], Any] | None = None
    alignment: Qt.AlignmentFlag = _LEFT
    badge: Tone | None = None
    foreground: Tone | None = None
    tooltip: Callable[[Row], str | None] | None = None
    minor: bool = False

    def text(self, row: Row) -> str:
        if self.display is not None:
            return self.display(row)
        value = row.get(self.key)
        return "" if value is None else str(value)

    def sort_value(self, row: Row) -> Any:
        return self.sort_key(row) if self.sort_key is not None else row.get(self.key)


def _column_keys(rows: list[Row], column: Column) -> Iterator[None]:
    """The column's sort key of every row, a batch at a time; the list is the generator's return value."""
    value, keys = column.sort_value, []
    for start in range(0, len(rows), BATCH_ROWS):
        keys.extend(value(row) for row in rows[start:start + BATCH_ROWS])
        yield
    return keys


def _search_texts(rows: list[Row], columns: list[Column]) -> Iterator[None]:
    """Per row, the casefolded text of these columns as the user sees it, a batch at a time (returned)."""
    texts: list[str] = []
    for start in range(0, len(rows), BATCH_ROWS // 4):      # formatting money is the slow part: smaller batches
        texts.extend("\n".join(c.text(row) for c in columns).casefold() for row in rows[start:start + BATCH_ROWS // 4])
        yield
    return texts


def searched_columns(columns: Sequence[Column], keys: Sequence[str]) -> list[Column]:
    return [c for c in columns if c.key in keys] or list(columns)


def _split_missing(keys: list[Any]) -> tuple[list[int], list[int]]:
    """Row numbers with a sort key, and those without (no due date, no amount); the second pass only when needed."""
    present = [i for i, key in enumerate(keys) if key is not None]
    missing = [] if len(present) == len(keys) else [i for i, key in enumerate(keys) if key is None]
    return present, missing


def _ordered(keys: list[Any], present: list[int], missing: list[int], order: Qt.SortOrder) -> list[int]:
    """Rows without a value go last in both directions: they are the least useful."""
    descending = order == Qt.SortOrder.DescendingOrder
    try:
        present.sort(key=keys.__getitem__, reverse=descending)
    except TypeError:
        # Mixed kinds of value in one column (bad panel data) must not break sorting: compare as text.
        present.sort(key=lambda i: str(keys[i]), reverse=descending)
    return present + missing if missing else present


class RowTableModel(QAbstractTableModel):
    """Rows (dicts) in columns. `set_rows` replaces everything at once, `feed` in batches; the last sort is kept
    and applied to new rows."""

    def __init__(self, columns: Sequence[Column], parent=None, *, row_tone: Tone | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = list(columns)
        self._rows: list[Row] = []
        self._order: Sequence[int] = range(0)     # display position -> index into _rows
        self._keys: dict[int, list[Any]] = {}      # column -> sort key per index into _rows
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._search: tuple[tuple[str, ...], list[str]] | None = None    # search keys, text per index into _rows
        self._search_wanted: tuple[str, ...] | None = None               # keys a filter searches: kept up to date
        self._row_tone = row_tone
        # (index into _rows, column) -> the cell's text, kept as cells show: a paint asks each cell for it again,
        # and an amount's text (Babel) costs ~20 us. Emptied with every new set of rows or columns.
        self._texts: dict[tuple[int, int], str] = {}
        self.generation = 0                        # bumped on every new set of rows; caches built on rows compare it
        self.batches = Batches(self)

    # -- feeding -------------------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row], columns: Sequence[Column] | None = None) -> None:
        """Replace every row (and the columns, when given: e.g. money formatted for another currency) now."""
        self.batches.cancel()
        self._replace(list(rows), columns, {}, None)

    def feed(self, rows: Iterable[Row], columns: Sequence[Column] | None = None) -> None:
        """Replace every row once what they need is ready (the active sort's keys, the search text a filter
        uses), worked out in batches while the old rows stay on screen. A small table is replaced before
        this returns; a newer feed or set_rows supersedes one still in progress."""
        rows = list(rows)
        self.batches.start(self._feeding(rows, list(columns) if columns is not None else None), lambda: None,
                           translate("TableModel", "Updating"), rows=len(rows))

    def _feeding(self, rows: list[Row], columns: list[Column] | None) -> Iterator[None]:
        new_columns = columns if columns is not None else self._columns
        keys: dict[int, list[Any]] = {}
        column = self._sort[0]
        if 0 <= column < len(new_columns):
            keys[column] = yield from _column_keys(rows, new_columns[column])
        search = None
        wanted = self._search_wanted
        if wanted is not None:
            search = (wanted, (yield from _search_texts(rows, searched_columns(new_columns, wanted))))
        self._replace(rows, columns, keys, search)

    def _replace(self, rows: list[Row], columns: Sequence[Column] | None, keys: dict[int, list[Any]],
                 search: tuple[tuple[str, ...], list[str]] | None) -> None:
        self.beginResetModel()
        self._rows = rows
        if columns is not None:
            self._columns = list(columns)
        self._keys, self._search = keys, search
        self._texts = {}
        self.generation += 1
        column, order = self._sort
        self._order = self._sorted_order(column, order)
        self.endResetModel()

    # -- search text ---------------------------------------------------------------------------------------

    def search_texts(self, keys: Sequence[str]) -> list[str] | None:
        """Per row (by row number), the casefolded text of the columns with these keys; None until worked out."""
        keys = tuple(keys)
        return self._search[1] if self._search is not None and self._search[0] == keys else None

    def keep_search_texts(self, keys: Sequence[str] | None) -> None:
        """Whether new rows fed in need search text for these keys (a filter searches) or none (it does not)."""
        self._search_wanted = tuple(keys) if keys is not None else None

    def prepare_search_texts(self, keys: Sequence[str], done: Callable[[], None]) -> None:
        """Work out search_texts(keys) in batches, then call `done`. While new rows are being fed, the feed
        prepares them instead and `done` is not called: the model's reset tells the same thing."""
        keys = tuple(keys)
        self.keep_search_texts(keys)
        if self.search_texts(keys) is not None:
            done()
        elif not self.batches.busy:
            self.batches.start(self._searching(keys), done, translate("TableModel", "Searching"), rows=len(self._rows))

    def search_texts_now(self, keys: Sequence[str]) -> list[str]:
        """search_texts(keys), worked out at once if need be (rows set with set_rows: small tables, tests)."""
        texts = self.search_texts(keys)
        if texts is None:
            for _ in self._searching(tuple(keys)):
                pass
            texts = self.search_texts(keys) or []
        return texts

    def _searching(self, keys: tuple[str, ...]) -> Iterator[None]:
        rows, generation = self._rows, self.generation
        texts = yield from _search_texts(rows, searched_columns(self._columns, keys))
        if generation == self.generation:
            self._search = (keys, texts)

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

    def display_order(self) -> Sequence[int]:
        """The row number shown at each position (row_number for every position at once)."""
        return self._order

    def row(self, position: int) -> Row:
        """The row shown at this position."""
        return self._rows[self._order[position]]

    # -- QAbstractTableModel -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row_number: int, column_number: int, role: int) -> Any:
        """`data()` of the cell at (row_number, column_number), for a proxy that knows the cell exists: no
        QModelIndex to make (and no rowCount and columnCount calls into Python to check it) per cell it paints."""
        if not (0 <= row_number < len(self._rows)) or not (0 <= column_number < len(self._columns)):
            return None
        position = self._order[row_number]
        row = self._rows[position]
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get((position, column_number))
            if text is None:
                text = self._texts[(position, column_number)] = column.text(row)
            return text
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
            return tooltip(column.tooltip(row)) if column.tooltip is not None else None
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
        if role == MINOR_ROLE:
            return self._columns[section].minor
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's raw keys; column -1 restores the order the rows were handed in."""
        if column >= len(self._columns):
            return
        self._show_order(column, order, self._sorted_order(column, order))

    def _show_order(self, column: int, order: Qt.SortOrder, new_order: Sequence[int]) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = new_order
        persistent = self.persistentIndexList()
        if persistent:
            position = [0] * len(self._order)
            for pos, number in enumerate(self._order):
                position[number] = pos
            moved = [self.index(position[old_order[i.row()]], i.column()) for i in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- sorting -------------------------------------------------------------------------------------------

    def sort_in_batches(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """sort(), its work spread over turns of the event loop: the column's keys a batch at a time, then the
        order, then showing it. While new rows are being fed it sorts at once (the feed must not be cancelled)."""
        if not 0 <= column < len(self._columns) or self.batches.busy:
            self.sort(column, order)
            return
        self._sort = (column, order)      # what a feed arriving meanwhile sorts by
        self.batches.start(self._sorting(column, order), lambda: None, translate("TableModel", "Sorting"),
                           rows=len(self._rows))

    def _sorting(self, column: int, order: Qt.SortOrder) -> Iterator[None]:
        if column not in self._keys:
            self._keys[column] = yield from _column_keys(self._rows, self._columns[column])
            yield
        keys = self.sort_keys(column)
        present, missing = _split_missing(keys)           # ~10 ms for 50,000 rows: a turn of its own
        yield
        new_order = _ordered(keys, present, missing, order)   # one sort in C: about 10 ms for 50,000 rows
        yield
        self._show_order(column, order, new_order)

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
        return _ordered(keys, *_split_missing(keys), order)
