"""The tables' cells as the delegate sizes and paints them: the kept sizes are Qt's own, in every theme, and the
row tint and the pills still show after the shortcuts taken for speed (app/views/badges.py, RowTableModel.cell)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from app.models.table import BADGE_ROLE, ROLES, SORT_ROLE
from app.views.invoices import InvoicesSection
from app.views.theme import apply_theme, current

from . import samples

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.usefixtures("utc")]


@pytest.fixture
def section(qtbot, tmp_path):
    view = InvoicesSection()
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    view.show_data(samples.account_data(tmp_path))
    return view


@pytest.fixture
def theme_back(qapp):
    before = current(qapp)
    yield
    apply_theme(qapp, before)


def qt_size(delegate, option, index):
    """What Qt's own QStyledItemDelegate.sizeHint gives, with the pill's room added as the delegate adds it."""
    size = QStyledItemDelegate.sizeHint(delegate, option, index)
    if index.data(BADGE_ROLE):
        size.setWidth(size.width() + 24)
        size.setHeight(max(size.height(), option.fontMetrics.height() + 12))
    return size


def cell_sizes(view) -> list[tuple[str, object, object]]:
    delegate, model = view.itemDelegate(), view.model()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return [(model.index(r, c).data(), delegate.sizeHint(option, model.index(r, c)),
             qt_size(delegate, option, model.index(r, c)))
            for r in range(model.rowCount()) for c in range(model.columnCount())]


@pytest.mark.usefixtures("theme_back")
def test_a_cells_kept_size_is_the_one_qt_gives_in_either_theme(qapp, qtbot, section):
    for theme in ("light", "dark", "light"):
        apply_theme(qapp, theme)        # a new theme's padding: sizes kept under the old one must not be used
        QApplication.processEvents()
        sizes = cell_sizes(section.table)
        assert sizes and [(text, kept) for text, kept, _qt in sizes] == [(text, qt) for text, _kept, qt in sizes]
        twice = cell_sizes(section.table)      # the second time from what was kept
        assert [kept for _t, kept, _q in twice] == [kept for _t, kept, _q in sizes]


def test_a_bigger_font_gives_bigger_cells(qtbot, section):
    view = section.table
    before = {text: kept.width() for text, kept, _qt in cell_sizes(view)}
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    after = {text: kept.width() for text, kept, _qt in cell_sizes(view)}
    assert all(after[text] > before[text] for text in before if text)


def test_the_proxy_answers_every_role_as_the_model_does(section):
    proxy = section.table.model()
    model = proxy.sourceModel()
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            source = proxy.mapToSource(proxy.index(row, column))
            for role in sorted(ROLES - {SORT_ROLE}):
                assert proxy.index(row, column).data(role) == model.data(source, role), (row, column, role)
                assert proxy.cell(row, column, role) == model.data(source, role), (row, column, role)
    assert proxy.cell(proxy.rowCount(), 0, Qt.ItemDataRole.DisplayRole) is None
    assert model.cell(model.rowCount(), 0, Qt.ItemDataRole.DisplayRole) is None       # past the end: nothing
    assert model.cell(0, model.columnCount(), Qt.ItemDataRole.DisplayRole) is None


def test_an_overdue_row_is_tinted_across_and_a_paid_one_is_not(section):
    view = section.table
    model = view.model()
    numbers = [model.index(r, 0).data() for r in range(model.rowCount())]
    overdue, paid = numbers.index("INV-2026-0004"), numbers.index("INV-2026-0001")
    image = view.viewport().grab().toImage()
    column = model.columnCount() - 2         # the total: no pill, its text at the right, blank on the left

    def left_of(row: int) -> QColor:
        rect = view.visualRect(model.index(row, column))
        return image.pixelColor(QPoint(rect.left() + 3, rect.center().y()))

    tinted, plain = left_of(overdue), left_of(paid)
    assert tinted.red() - tinted.blue() > plain.red() - plain.blue() + 8, (tinted.name(), plain.name())


def test_more_padding_in_the_style_gives_wider_cells(qtbot, section):
    view = section.table
    before = {text: kept.width() for text, kept, _qt in cell_sizes(view)}
    view.setStyleSheet("QTableView::item { padding: 6px 30px; }")
    sizes = cell_sizes(view)
    assert [kept for _t, kept, _q in sizes] == [qt for _t, _k, qt in sizes]
    assert all(kept.width() >= before[text] + 40 for text, kept, _qt in sizes if text)
