"""A record page's short table is as tall as its rows (at least one, at most its limit), so a one-line order shows
its totals and invoice right under its line instead of below a box of empty rows."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.models.table import Column, RowTableModel
from app.views.filtered_table import make_table
from app.views.rows_height import fit_to_rows


def table_of(qtbot, rows: int, max_rows: int = 4):
    page = QWidget()
    qtbot.addWidget(page)
    model = RowTableModel([Column("name", "Name")], page)
    view = make_table(page, "shortTable", model, sortable=False)
    QVBoxLayout(page).addWidget(view)
    fit_to_rows(view, max_rows=max_rows)
    model.set_rows([{"name": f"Line {n}"} for n in range(rows)])
    page.resize(600, 900)
    page.show()
    qtbot.waitExposed(page)
    return page, view, model


def inner_height(view) -> int:
    return view.height() - 2 * view.frameWidth() - view.horizontalHeader().height()


def test_the_table_is_as_tall_as_its_rows_and_grows_and_shrinks_with_them(qtbot):
    _page, view, model = table_of(qtbot, rows=1)
    row = view.verticalHeader().defaultSectionSize()
    assert inner_height(view) == row                 # one line: one row's height, no empty box below it
    assert view.verticalScrollBar().maximum() == 0

    model.set_rows([{"name": f"Line {n}"} for n in range(3)])
    assert inner_height(view) == 3 * row
    model.set_rows([])
    assert inner_height(view) == row                 # never shut: the header stays over a row's space


def test_beyond_its_limit_the_table_scrolls_inside(qtbot):
    _page, view, _model = table_of(qtbot, rows=20, max_rows=4)
    assert inner_height(view) == 4 * view.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
