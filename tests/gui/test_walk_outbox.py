"""The Outbox as opened from the status bar: empty, it says so in words and offers only Close (two greyed buttons,
Edit reason and Remove, stood under "Nothing waits for the panel"); with an entry, they are there to act on it."""
from __future__ import annotations

from app.views.outbox import OutboxDialog


def test_an_empty_outbox_offers_only_close(qtbot):
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty.isVisible() and dialog.empty.text().startswith("Nothing waits")
    assert dialog.empty.height() >= dialog.empty.heightForWidth(dialog.empty.width())     # every line shows
    assert not dialog.edit_button.isVisible() and not dialog.remove_button.isVisible()
    dialog.set_entries([{"id": 1, "kind": "cancel_service", "label": "Cancel Web VPS", "status": "queued",
                         "queued_at": "2026-12-06T10:00:00+00:00", "args": {"reason": "Moving"}}])
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert dialog.edit_button.isVisible() and dialog.remove_button.isVisible()
    dialog.select(0)
    assert dialog.edit_button.isEnabled() and dialog.remove_button.isEnabled()
    dialog.set_entries([])
    assert not dialog.edit_button.isVisible() and dialog.empty.isVisible()
