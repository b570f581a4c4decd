"""The lists keep the order the user sorted them in, across starts: a click on a column header of Services,
Invoices, Orders, Support or the credit history is remembered (by the column's key, so the All accounts scope's
extra column does not shift it) and applied again when that screen's first rows arrive.

Only the user's own clicks are kept: a Dashboard card that opens Invoices sorted by due date does not change the
order Invoices opens in next time.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from app.settings import TABLE_SORTS, Settings

LISTS = ("services", "invoices", "orders", "support", "credits")
ORDERS = {"asc": Qt.SortOrder.AscendingOrder, "desc": Qt.SortOrder.DescendingOrder}


def parse(text: str) -> dict[str, tuple[str, str]]:
    """"invoices=due_date:asc,services=product:desc" -> {screen: (column key, "asc" | "desc")}; bad parts are
    skipped (a setting edited by hand, or written by a later version)."""
    kept: dict[str, tuple[str, str]] = {}
    for part in str(text or "").split(","):
        screen, _, rest = part.partition("=")
        column, _, order = rest.rpartition(":")
        if screen.strip() in LISTS and column.strip() and order in ORDERS:
            kept[screen.strip()] = (column.strip(), order)
    return kept


def unparse(sorts: dict[str, tuple[str, str]]) -> str:
    return ",".join(f"{screen}={column}:{order}" for screen, (column, order) in sorted(sorts.items()))


class TableSorts(QObject):
    def __init__(self, settings: Settings, window) -> None:
        super().__init__(window)
        self.settings = settings
        for key in LISTS:
            window.sections.on_built(key, lambda section, key=key: self._attach(key, section))

    def saved(self) -> dict[str, tuple[str, str]]:
        return parse(self.settings.get(TABLE_SORTS))

    def _attach(self, key: str, section) -> None:
        table, model = getattr(section, "table", None), getattr(section, "model", None)
        if table is None or model is None or not hasattr(model, "column_of"):
            return
        header = table.horizontalHeader()
        # sectionClicked comes after the header flipped its indicator: what it shows now is the user's choice.
        header.sectionClicked.connect(lambda _index: self._save(key, model, header))
        saved = self.saved().get(key)
        if saved is not None:
            column_key, order = saved
            pending = [True]        # once: after that the user's own clicks (and the screens' filters) sort it

            def restore() -> None:
                if not pending[0]:
                    return             # done: every later model reset (each sync's rows) costs this check only
                column = model.column_of(column_key)
                if column < 0:
                    return             # no rows yet (the columns come with them), or no such column any more
                pending[0] = False
                wanted = (column, ORDERS[order])
                if table.isSortingEnabled() and (header.sortIndicatorSection(), header.sortIndicatorOrder()) != wanted:
                    table.sortByColumn(*wanted)
            model.modelReset.connect(restore)
            QTimer.singleShot(0, restore)        # rows may be there already

    def _save(self, key: str, model, header) -> None:
        column = header.sortIndicatorSection()
        columns = model.columns
        if not 0 <= column < len(columns):
            return
        order = "asc" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else "desc"
        sorts = self.saved()
        if sorts.get(key) != (columns[column].key, order):
            sorts[key] = (columns[column].key, order)
            self.settings.set(TABLE_SORTS, unparse(sorts))
