"""A list opens sorted the way the user last sorted it, across starts: a click on a column header is remembered by
the column's key (settings `tables/sort`), and the next start's first rows are sorted so again; a sort a Dashboard
card asked for is not kept."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QWidget

from app.settings import TABLE_SORTS, Settings
from app.shell.table_sorts import TableSorts, parse, unparse
from app.views.invoices import InvoicesSection

from .samples import account_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Screens(dict):
    def on_built(self, key, then) -> None:
        if key in self:
            then(self[key])


class Window(QWidget):
    def __init__(self, invoices: InvoicesSection) -> None:
        super().__init__()
        self.sections = Screens(invoices=invoices)


def started(qtbot, settings: Settings, tmp_path) -> InvoicesSection:
    """What a start does for the Invoices screen: build it (the sorts attach), then its first rows arrive."""
    section = InvoicesSection()
    qtbot.addWidget(section)
    window = Window(section)
    qtbot.addWidget(window)
    TableSorts(settings, window)
    section.resize(1240, 800)
    section.show_data(account_data(tmp_path))
    section.show()
    qtbot.waitExposed(section)
    return section


def click_header(qtbot, section: InvoicesSection, key: str) -> None:
    header = section.table.horizontalHeader()
    column = section.model.column_of(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def first_numbers(section: InvoicesSection, count: int = 3) -> list[str]:
    proxy = section.table.model()
    return [proxy.index(row, 0).data() for row in range(count)]


def test_the_sort_the_user_clicked_is_kept_for_the_next_start(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    first = started(qtbot, settings, tmp_path)
    click_header(qtbot, first, "total")
    qtbot.waitUntil(lambda: settings.get(TABLE_SORTS) == "invoices=total:asc")
    click_header(qtbot, first, "total")                        # again: the other way round
    qtbot.waitUntil(lambda: settings.get(TABLE_SORTS) == "invoices=total:desc")
    qtbot.waitUntil(lambda: first_numbers(first)[0] == "INV-2026-0001")     # 100.00, the largest
    shown = first_numbers(first)

    first.apply_filter({"sort": "due_date"})                  # as a Dashboard card does: not the user's click
    assert settings.get(TABLE_SORTS) == "invoices=total:desc"

    again = started(qtbot, settings, tmp_path)
    header = again.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == again.model.column_of("total"))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.waitUntil(lambda: first_numbers(again) == shown)


def test_a_setting_written_by_hand_or_by_another_version_is_read_for_what_it_can_say():
    assert parse("invoices=due_date:asc,services=product:desc") == {"invoices": ("due_date", "asc"),
                                                                      "services": ("product", "desc")}
    assert parse("invoices=due_date:sideways,nowhere=x:asc,orders=:asc,,garbage") == {}
    assert unparse({"services": ("product", "desc"), "invoices": ("due_date", "asc")}) == \
        "invoices=due_date:asc,services=product:desc"
