"""A record page's short table is as tall as its rows, so the totals under a one-line order follow its line instead
of a box of empty rows (a minimum it was made with is no floor); a short window does not squeeze it (the page
scrolls), and past its limit it scrolls inside."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.models.table import Column, RowTableModel
from app.views.filtered_table import make_table
from app.views.rows_height import fit_to_rows


def page_of(qtbot, rows: int, max_rows: int = 4, height: int = 1000):
    """A page as tall as `height` holding the table and, under it, what the page shows after it (a stretch)."""
    page = QWidget()
    qtbot.addWidget(page)
    model = RowTableModel([Column("name", "Name")], page)
    view = make_table(page, "shortTable", model, sortable=False)
    view.setMinimumHeight(120)
    layout = QVBoxLayout(page)
    layout.addWidget(view, 1)
    layout.addStretch(1)
    fit_to_rows(view, max_rows=max_rows)
    model.set_rows([{"name": f"Line {n}"} for n in range(rows)])
    page.resize(600, height)
    page.show()
    qtbot.waitExposed(page)
    return page, view, model


def rows_height(view, rows: int) -> int:
    return 2 * view.frameWidth() + view.horizontalHeader().sizeHint().height() + rows * \
        view.verticalHeader().defaultSectionSize()


def test_in_a_tall_window_the_table_stops_at_its_rows(qtbot):
    _page, view, model = page_of(qtbot, rows=1)
    assert view.height() == rows_height(view, 1)      # not the ~490 pixels half the page would give it, nor 120
    model.set_rows([{"name": f"Line {n}"} for n in range(4)])
    assert view.height() == rows_height(view, 4)
    assert view.verticalScrollBar().maximum() == 0


def test_beyond_its_limit_the_table_scrolls_inside(qtbot):
    _page, view, _model = page_of(qtbot, rows=40, max_rows=12)
    assert view.height() == rows_height(view, 12)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)


def test_in_a_short_window_it_keeps_its_rows(qtbot):
    _page, view, _model = page_of(qtbot, rows=3, height=90)
    assert view.height() == rows_height(view, 3)
