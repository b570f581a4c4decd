"""A list that leaves a wide window's spare width after its last column (app/views/column_fit.py: the amounts stay
next to the rest rather than at the far right) carries each row's stripe and, selected, its highlight on to the
table's right edge: the alternating colours ended at the last column, beside a white field. Narrow, nothing changes:
every column keeps its width and nothing is cut for it. A click on a row's end is a click on the row."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from app.models.table import RIGHT, Column, RowTableModel
from app.views.column_fit import wanted_widths
from app.views.filtered_table import make_table
from app.views.theme import apply_theme


def table_of(qtbot, width: int, model: RowTableModel | None = None):
    if model is None:
        columns = [Column("name", "Invoice"), Column("status", "Status", badge=lambda r: "warning"),
                   Column("total", "Total", alignment=RIGHT)]
        model = RowTableModel(columns)
        model.set_rows([{"id": str(i), "name": f"INV-{1000 + i}", "status": "Unpaid", "total": "$12.00"}
                        for i in range(6)])
    table = make_table(None, "stripedTable", model)
    model.setParent(table)          # the table keeps its model (a Python-owned one goes with this function)
    qtbot.addWidget(table)
    table.resize(width, 320)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(30)
    return table


def colour_at(table, x: int, row: int) -> QColor:
    image = table.viewport().grab().toImage()
    y = table.rowViewportPosition(row) + table.rowHeight(row) // 2
    return image.pixelColor(x, y)


def columns_end(table) -> int:
    header = table.horizontalHeader()
    return header.length() - header.offset()


def test_the_stripes_and_the_highlight_reach_the_right_edge(qapp, qtbot):
    apply_theme(qapp, "light")          # the theme's stripes and highlight, as the window has them
    table = table_of(qtbot, 1400)
    end = columns_end(table)
    width = table.viewport().width()
    assert end < width - 200                         # the spare width is after the last column, as before
    far = width - 4
    for row in (0, 1, 2, 3):
        # past the last column, each row has the colour its own cells start with (left of the first's text)
        assert colour_at(table, far, row) == colour_at(table, 2, row), row
    assert colour_at(table, far, 0) != colour_at(table, far, 1)         # the stripes alternate out there too
    table.selectRow(2)
    qtbot.wait(30)
    assert colour_at(table, far, 2) == colour_at(table, 2, 2)
    assert colour_at(table, far, 2) not in (colour_at(table, far, 1), colour_at(table, far, 3))


def test_at_narrow_and_wide_widths_the_status_and_amount_stay_whole(qtbot):
    for width in (420, 1400):
        table = table_of(qtbot, width)
        wanted = wanted_widths(table)
        header = table.horizontalHeader()
        for column in (1, 2):                   # the status pill and the amount are never cut
            assert header.sectionSize(column) >= wanted[column], (width, column)
        assert not table.horizontalScrollBar().isVisible() or width == 420


def test_a_click_on_a_rows_end_selects_that_row_and_a_double_click_opens_it(qtbot):
    table = table_of(qtbot, 1400)
    row = 3
    where = QPoint(table.viewport().width() - 10, table.rowViewportPosition(row) + table.rowHeight(row) // 2)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [row]
    opened: list[int] = []
    table.doubleClicked.connect(lambda index: opened.append(index.row()))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    assert opened == [row]


def test_a_tinted_row_carries_its_tint_to_the_right_edge(qapp, qtbot):
    apply_theme(qapp, "light")
    columns = [Column("name", "Invoice"), Column("total", "Total", alignment=RIGHT)]
    rows = [{"id": str(i), "name": f"INV-{1000 + i}", "total": "$12.00", "overdue": i == 2} for i in range(4)]
    model = RowTableModel(columns, row_tone=lambda r: "danger" if r["overdue"] else None)
    model.set_rows(rows)
    table = table_of(qtbot, 1400, model)
    far = table.viewport().width() - 4
    assert columns_end(table) < far
    # the overdue row is tinted out there as in its cells (an overdue invoice's red ended at the last column)
    assert colour_at(table, far, 2) == colour_at(table, 2, 2)
    assert colour_at(table, far, 2) not in (colour_at(table, far, 1), colour_at(table, far, 3))

