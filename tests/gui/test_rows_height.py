"""A record page's short table grows with a tall window only as far as its rows need, so the totals under a
one-line order follow its line instead of a box of empty rows; a short window lays it out as before (its floor is
the size it was made with), and past its limit it scrolls inside."""
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


def test_in_a_tall_window_the_table_stops_at_its_rows_or_the_size_it_was_made(qtbot):
    _page, view, model = page_of(qtbot, rows=1)
    made = max(120, view.sizeHint().height())
    assert view.height() == made                  # not the ~490 pixels half the page would give it
    model.set_rows([{"name": f"Line {n}"} for n in range(4)])
    assert view.height() == max(made, rows_height(view, 4))
    assert view.verticalScrollBar().maximum() == 0


def test_beyond_its_limit_the_table_scrolls_inside(qtbot):
    _page, view, _model = page_of(qtbot, rows=40, max_rows=12)
    assert view.height() == max(120, view.sizeHint().height(), rows_height(view, 12))
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)


def test_in_a_short_window_it_keeps_its_minimum(qtbot):
    _page, view, _model = page_of(qtbot, rows=1, height=150)
    assert view.height() == 120
