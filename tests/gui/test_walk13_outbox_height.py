"""The Outbox as tall as what it shows: empty, its one sentence floated in the middle of a 760x360 dialog, far
from Close; with entries it has the list's room again."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialogButtonBox

from app.views.outbox import LIST_HEIGHT, OutboxDialog
from tests.gui.layout_steps import settle, shown_window

ENTRY = {"id": "1", "label": "Cancel Cloud VPS S", "queued_at": "2026-12-01T10:00:00Z", "status": "queued",
         "args": {"reason": "too slow"}}


def test_an_empty_outbox_is_as_tall_as_its_sentence(qtbot):
    window = shown_window(qtbot, 1000, 650)
    dialog = OutboxDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    close = dialog.findChild(QDialogButtonBox)
    text_bottom = dialog.empty.mapTo(dialog, QPoint(0, dialog.empty.height())).y()
    assert close.mapTo(dialog, QPoint(0, 0)).y() - text_bottom < 3 * dialog.fontMetrics().lineSpacing()
    assert dialog.empty.height() >= dialog.empty.heightForWidth(dialog.empty.width())     # every line shows
    dialog.set_entries([ENTRY])
    settle(qtbot)
    assert dialog.height() >= LIST_HEIGHT and dialog.table.isVisible()
    dialog.set_entries([])
    settle(qtbot)
    assert dialog.height() < LIST_HEIGHT / 2
