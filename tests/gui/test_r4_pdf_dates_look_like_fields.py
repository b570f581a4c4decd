"""The Save all PDFs dialog's dates look like the fields around them, in both themes: they were Qt's default, a
square box shorter than the rounded Folder field under them, in the light theme's white on a grey dialog and a
light box in the dark one."""
from __future__ import annotations

import pytest

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
