"""The Outbox keeps every column in view: an entry's long cancellation reason sized What to its whole text and
pushed Queued, Status and Note past the list's right edge (a scroll bar away); now What and Note wrap."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.views.outbox import OutboxDialog

REASON = "Moving to a bigger plan with more memory for the world, and a second server for the backups"
ENTRIES = [
    {"id": 1, "kind": "cancel_service", "label": "Cancel Valheim Dedicated at the end of its period",
     "status": "queued", "queued_at": "2026-12-07T03:00:00+00:00", "args": {"reason": REASON}},
    {"id": 2, "kind": "reply_ticket", "label": "Reply to TKT-000005", "status": "refused",
     "queued_at": "2026-12-07T03:05:00+00:00", "args": {},
     "message": "The panel refused it: the ticket is closed and takes no more replies."},
]


def test_a_long_reason_leaves_the_status_and_note_in_view(qtbot):
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_entries(ENTRIES)
    table = dialog.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    room = table.viewport().width()
    for column in range(table.columnCount()):
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= room, column
    assert table.item(0, 2).text() == "Waiting"
    # What wraps rather than hiding its reason: its row is as tall as the wrapped text.
    what = table.visualItemRect(table.item(0, 0))
    wrapped = table.fontMetrics().boundingRect(what.adjusted(4, 0, -4, 0), Qt.TextFlag.TextWordWrap,
                                               table.item(0, 0).text())
    assert what.height() >= wrapped.height() > table.fontMetrics().height()     # two lines or more, all shown
