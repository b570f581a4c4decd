"""The proxy that filters a RowTableModel by status and by text, and shows the model's own sort.

QSortFilterProxyModel asks filterAcceptsRow about every row again after any change (a sort, a reset), a call
into Python per row: for 50,000 invoices that alone blocks the window for longer than a frame. This proxy
works out which rows it shows in one pass (status, then the search text the model keeps per row), holds them
as a list of the model's positions, and answers Qt from that list. The search text of every row is worked out
in batches the first time it is needed (RowTableModel.prepare_search_texts); until then the old rows stay.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from .table import ROLES, Row, RowTableModel

Index = QModelIndex | QPersistentModelIndex


class RowFilterProxy(QAbstractProxyModel):
    """Rows of a RowTableModel with one of the chosen statuses whose text contains the search (casefolded)."""

    filtered = Signal()           # the rows shown changed: new rows, another filter, or another order
    busy_changed = Signal(bool)   # True while a big table's search text is being worked out

    def __init__(self, parent: QObject | None = None, *, status_key: str = "status",
                 search_keys: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._status_key = status_key
        self._search_keys = tuple(search_keys)
        self._statuses: frozenset[str] | None = None
        self._search = ""
        self._shown: Sequence[int] = range(0)     # proxy row -> position in the model
        self._proxy_row: dict[int, int] | None = None   # the inverse, built when Qt first maps from the model
        self._moving: list[tuple[QPersistentModelIndex, int, int]] = []

    # -- filters -------------------------------------------------------------------------------------------

    @property
    def statuses(self) -> frozenset[str] | None:
        return self._statuses

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def busy(self) -> bool:
        model = self.sourceModel()
        return isinstance(model, RowTableModel) and model.batches.waiting

    @property
    def busy_doing(self) -> str:
        """What the model is working out while busy: "Sorting", "Searching", "Updating"."""
        model = self.sourceModel()
        return model.batches.what if isinstance(model, RowTableModel) and model.batches.waiting else ""

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        """Show only rows with one of these statuses; None shows every status."""
        wanted = None if statuses is None else frozenset(statuses)
        if wanted != self._statuses:
            self._statuses = wanted
            self._refilter()

    def set_search(self, text: str) -> None:
        needle = " ".join((text or "").split()).casefold()
        if needle != self._search:
            self._search = needle
            self._refilter()

    def set_filters(self, statuses: Iterable[str] | None, text: str) -> None:
        """set_statuses and set_search in one pass over the rows."""
        wanted = None if statuses is None else frozenset(statuses)
        needle = " ".join((text or "").split()).casefold()
        if (wanted, needle) != (self._statuses, self._search):
            self._statuses, self._search = wanted, needle
            self._refilter()

    def set_search_keys(self, keys: Sequence[str]) -> None:
        if tuple(keys) != self._search_keys:
            self._search_keys = tuple(keys)
            self._refilter()

    def clear_filters(self) -> None:
        if self._statuses is not None or self._search:
            self._statuses, self._search = None, ""
            self._refilter()

    # -- rows ----------------------------------------------------------------------------------------------

    def table(self) -> RowTableModel:
        source = self.sourceModel()
        if not isinstance(source, RowTableModel):
            raise TypeError("RowFilterProxy filters a RowTableModel")
        return source

    def row(self, proxy_row: int) -> Row:
        """The row shown at this position of the proxy."""
        return self.table().row(self._shown[proxy_row])

    def rows(self) -> list[Row]:
        """Every row the proxy shows, in the order shown."""
        model = self.table()
        return [model.row(position) for position in self._shown]

    # -- working out what is shown -------------------------------------------------------------------------

    def _shown_positions(self, texts: list[str] | None) -> Sequence[int]:
        model = self.table()
        if self._statuses is None and not self._search:
            return range(model.rowCount())
        rows = model.all_rows()
        accepted = bytearray(b"\x01") * len(rows)
        if self._statuses is not None:
            key, wanted = self._status_key, self._statuses
            for i, row in enumerate(rows):
                if row.get(key) not in wanted:
                    accepted[i] = 0
        if self._search and texts is not None:
            needle = self._search
            for i, text in enumerate(texts):
                if accepted[i] and needle not in text:
                    accepted[i] = 0
        return [position for position, number in enumerate(model.display_order()) if accepted[number]]

    def _texts_now(self) -> list[str] | None:
        """The search text, worked out at once if need be: the model was just replaced without a feed."""
        model = self.table()
        model.keep_search_texts(self._search_keys if self._search else None)
        return model.search_texts_now(self._search_keys) if self._search else None

    def _refilter(self) -> None:
        """A filter changed: show the rows it lets through; a search over a big table waits for its text."""
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return
        model.keep_search_texts(self._search_keys if self._search else None)
        if self._search and model.search_texts(self._search_keys) is None:
            model.prepare_search_texts(self._search_keys, self._refilter)
            return
        self.beginResetModel()
        self._set_shown(self._shown_positions(model.search_texts(self._search_keys) if self._search else None))
        self.endResetModel()
        self.filtered.emit()

    def _set_shown(self, shown: Sequence[int]) -> None:
        self._shown = shown
        self._proxy_row = None

    # -- following the model -------------------------------------------------------------------------------

    def setSourceModel(self, model: RowTableModel) -> None:  # noqa: N802 - Qt's name
        old = self.sourceModel()
        if isinstance(old, RowTableModel):
            for signal, slot in self._links(old):
                signal.disconnect(slot)
            old.batches.busy_changed.disconnect(self.busy_changed)
        self.beginResetModel()
        super().setSourceModel(model)
        if isinstance(model, RowTableModel):
            for signal, slot in self._links(model):
                signal.connect(slot)
            model.batches.busy_changed.connect(self.busy_changed)
            self._set_shown(self._shown_positions(self._texts_now()))
        else:
            self._set_shown(range(0))
        self.endResetModel()

    def _links(self, model: RowTableModel) -> list:
        return [(model.modelAboutToBeReset, self._about_to_reset), (model.modelReset, self._reset),
                (model.layoutAboutToBeChanged, self._about_to_move), (model.layoutChanged, self._moved),
                (model.dataChanged, self._data_changed), (model.headerDataChanged, self.headerDataChanged)]

    def _about_to_reset(self) -> None:
        self.beginResetModel()

    def _reset(self) -> None:
        self._set_shown(self._shown_positions(self._texts_now()))
        self.endResetModel()
        self.filtered.emit()

    def _about_to_move(self, *_args: Any) -> None:
        """The model is about to sort: remember which row each kept index (selection, current) stands on."""
        self.layoutAboutToBeChanged.emit()
        model = self.table()
        self._moving = [(QPersistentModelIndex(i), model.row_number(self._shown[i.row()]), i.column())
                        for i in self.persistentIndexList() if i.isValid()]

    def _moved(self, *_args: Any) -> None:
        model = self.table()
        self._set_shown(self._shown_positions(model.search_texts(self._search_keys) if self._search else None))
        if self._moving:
            order = model.display_order()
            position = {order[p]: proxy_row for proxy_row, p in enumerate(self._shown)}
            old = [index for index, _number, _column in self._moving]
            new = [self.index(position[number], column) if number in position else QModelIndex()
                   for _index, number, column in self._moving]
            self.changePersistentIndexList(old, new)
            self._moving = []
        self.layoutChanged.emit()
        self.filtered.emit()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int] = ()) -> None:
        if top_left.isValid() and bottom_right.isValid():
            self.dataChanged.emit(self.index(0, top_left.column()),
                                  self.index(max(0, self.rowCount() - 1), bottom_right.column()), roles)

    # -- QAbstractProxyModel -------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._shown)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)     # the QObject parent, when asked for without an index
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._shown):
            return QModelIndex()
        return model.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        if isinstance(self._shown, range):
            row = source_index.row() if source_index.row() < len(self._shown) else None
        else:
            if self._proxy_row is None:
                self._proxy_row = {position: proxy_row for proxy_row, position in enumerate(self._shown)}
            row = self._proxy_row.get(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES:
            return None     # before any work: a paint asks every cell for roles no row model answers
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> Any:
        """`data()` of the cell shown at (row, column), for Python callers (the delegate measuring cells) that
        would otherwise go through Qt and back into `data()` for each role."""
        if not 0 <= row < len(self._shown):
            return None
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            return model.cell(self._shown[row], column, role)    # called per cell per role: the short way
        return None if model is None else model.data(model.index(self._shown[row], column), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        model = self.sourceModel()
        return model.headerData(section, orientation, role) if model is not None else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The model sorts (by raw keys, once per column); this proxy keeps the model's order."""
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort_in_batches(column, order)
        elif model is not None:
            model.sort(column, order)
