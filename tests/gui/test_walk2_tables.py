"""Tables as a person reads them at the smallest and at a wide window. At 1000x650 the demo's two accounts in one
Services list cut the names to "Dem…mer" and "Serv…tion" while each status-pill column was ~25 px wider than the
pills it drew. At 1600 wide the last column took all the spare width, leaving a gap in the middle of each row."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from app.models.table import BADGE_ROLE, RIGHT, Column, RowTableModel
from app.views.filtered_table import make_table

from .test_fit import demo_panel  # noqa: F401 - the fixture
from .test_walk_tables import all_accounts_services

PILL_PADDING, PILL_INSET = 8, 4      # app/views/badges.py: a pill's text padding, and its inset in the cell


def pill_need(table: QTableView, column: int) -> int:
    """The widest pill the column draws, with its inset either side: what the column must hold."""
    model, metrics = table.model(), table.fontMetrics()
    texts = [model.index(row, column).data() or "" for row in range(model.rowCount())]
    return max(metrics.horizontalAdvance(text) for text in texts) + 2 * PILL_PADDING + 2 * PILL_INSET


def title_need(table: QTableView, column: int) -> int:
    """The header's title in the header's font made bold (wider than the theme's 9pt semi-bold) and its padding."""
    font = QFont(table.horizontalHeader().font())
    font.setBold(True)
    title = table.model().headerData(column, Qt.Orientation.Horizontal)
    return QFontMetrics(font).horizontalAdvance(title) + 16


def test_all_accounts_services_at_the_minimum_window(make_app, demo_panel, qtbot):  # noqa: F811
    section = all_accounts_services(make_app, demo_panel, qtbot)
    table, model = section.table, section.table.model()
    pills = [c for c in range(model.columnCount()) if model.index(0, c).data(BADGE_ROLE) is not None]
    assert pills
    for column in pills:
        # as wide as the widest pill or the header's title, whichever is wider, and no wider
        want = max(pill_need(table, column) + 2, title_need(table, column) + 24)
        assert table.columnWidth(column) <= want, model.headerData(column, Qt.Orientation.Horizontal)
    for column in range(model.columnCount()):       # and every title whole
        assert table.columnWidth(column) >= title_need(table, column), column
    for column in pills:                            # and every pill whole
        assert table.columnWidth(column) >= pill_need(table, column), column
    # The width the pills gave back went to the names: "Dem…mer" and "Serv…tion" were 100 px wide.
    for key in ("account", "product"):
        assert table.columnWidth(section.model.column_of(key)) >= 125, key
    assert not table.horizontalScrollBar().isVisible()


def test_a_wide_table_gives_its_spare_width_to_the_names_not_the_last_column(qtbot):
    columns = [Column("account", "Account"), Column("name", "Invoice"),
               Column("status", "Status", badge=lambda r: "warning"),
               Column("total", "Total", alignment=RIGHT), Column("due", "Balance due", alignment=RIGHT)]
    rows = [{"id": str(i), "account": "Demo customer", "name": f"INV-{1000 + i}", "status": "Unpaid",
             "total": "$12.00", "due": "$12.00"} for i in range(4)]
    model = RowTableModel(columns)
    model.set_rows(rows)
    table = make_table(None, "wideTable", model)
    qtbot.addWidget(table)
    table.resize(1500, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: table.columnWidth(0) > table.sizeHintForColumn(0) + 100)
    wants = [max(table.sizeHintForColumn(c) + 2, title_need(table, c)) for c in range(5)]
    # the amounts stay as wide as they need, next to each other and to the status: no gap in the middle of a row
    for column in (2, 3, 4):
        assert table.columnWidth(column) <= wants[column] + 30, columns[column].key
    # the names share the spare width
    assert abs(table.columnWidth(0) - table.columnWidth(1) - (wants[0] - wants[1])) <= 30
    assert sum(table.columnWidth(c) for c in range(5)) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
