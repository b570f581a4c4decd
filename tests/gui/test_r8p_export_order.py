"""README, Exports: "Export ... writes what the list shows (its status filter, search, order, and the This account /
All accounts scope)". tests/gui/test_exports.py checks the filter, the search and the scope in the list's first
order; here the order a user picked by a click on a column header, for invoices and for the credit history, read
from what the table shows on screen."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt

from .conftest import WAIT
from .test_exports import invoices_in_all_accounts, sett  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]


def rows_of(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r.get("Account") not in ("", "Total", None)]


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def on_screen(table, heading: str) -> list[str]:
    model = table.model()
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == heading)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def column_of(table, heading: str) -> int:
    model = table.model()
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == heading)


def test_invoices_are_exported_in_the_order_the_user_sorted_them(qtbot, sett, tmp_path):  # noqa: F811
    section = invoices_in_all_accounts(qtbot, sett)
    table = section.table
    for _ in range(2):                                           # by Total, largest first
        click_header(qtbot, table, column_of(table, "Total"))
    qtbot.waitUntil(lambda: table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                    timeout=WAIT)
    shown = on_screen(table, "Invoice")
    sett.features["exports"].ask_file = lambda window, kind: (str(tmp_path / "sorted.csv"), "csv")
    section.export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "sorted.csv").exists(), timeout=WAIT)
    # Text a spreadsheet could run gets a leading ' in the file (README): compared without it.
    assert [r["Invoice"].removeprefix("'") for r in rows_of(tmp_path / "sorted.csv")] == shown


def test_the_credit_history_is_exported_in_the_order_the_user_sorted_it(qtbot, sett, tmp_path):  # noqa: F811
    sett.window.select_section("credits")
    credits = sett.window.sections["credits"]
    table = credits.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=WAIT)
    before = on_screen(table, "Note")
    click_header(qtbot, table, column_of(table, "Note"))
    if on_screen(table, "Note") == before:
        click_header(qtbot, table, column_of(table, "Note"))     # the other way round: an order of its own
    shown = on_screen(table, "Note")
    assert shown != before
    sett.features["exports"].ask_file = lambda window, kind: (str(tmp_path / "credits.csv"), "csv")
    credits.export_button.actions_by_kind["credits"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "credits.csv").exists(), timeout=WAIT)
    # Text a spreadsheet could run gets a leading ' in the file (README): compared without it.
    assert [r["Note"].removeprefix("'") for r in rows_of(tmp_path / "credits.csv")] == shown
