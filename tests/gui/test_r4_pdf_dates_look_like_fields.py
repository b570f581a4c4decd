"""The Save all PDFs dialog's dates look like the fields around them, in both themes: they were Qt's default, a
square box shorter than the rounded Folder field under them. Their calendar shows its weekdays and whole days: the
tables' cell padding cut them to "…" and pushed the weekdays' row out of its popup."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCalendarWidget, QTableView

from app.views.exports import PdfBatchDialog
from app.views.theme import apply_theme


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


def test_the_dates_are_as_tall_and_as_coloured_as_the_folder_field(qtbot, theme):
    dialog = PdfBatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    folder = dialog.folder.grab().toImage()
    inside = folder.pixelColor(folder.width() - 6, folder.height() // 2)       # right of the path's text
    for field in (dialog.start, dialog.end):
        assert field.height() == dialog.folder.height()
        image = field.grab().toImage()
        # The field's own background, left of its arrow and past its text, is the folder field's.
        colour = image.pixelColor(image.width() - 40, image.height() - 5)
        assert colour == inside, (theme, colour.name(), inside.name())


def test_their_calendar_shows_its_weekdays_and_every_day_whole(qtbot, theme):
    calendar = QCalendarWidget()             # what the date fields' popup shows, at the size it opens at
    qtbot.addWidget(calendar)
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)   # as the popup's
    calendar.resize(calendar.sizeHint())
    calendar.show()
    qtbot.waitExposed(calendar)
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    assert model.rowCount() == 7 and len(columns) == 7      # the weekdays' row and six weeks, of seven days
    bottom = view.rowViewportPosition(6) + view.rowHeight(6)
    assert bottom <= view.viewport().height()
    metrics = view.fontMetrics()
    for row in range(7):
        for column in columns:
            text = str(model.index(row, column).data() or "")
            assert metrics.horizontalAdvance(text) <= view.visualRect(model.index(row, column)).width(), text
