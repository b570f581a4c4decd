"""README, the shortcut table: "Delete | In the Outbox, remove the selected entry (one not being sent)", and the
Offline part: "anything not yet sent removed". The Outbox dialog of a canned account, driven by the key."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.core import outbox as ob
from app.session.operations import outbox as outbox_ops
from app.views.outbox import OutboxDialog

from .test_drift_actions import Panel, canned_app, settle, signed_in  # noqa: F401  (the fixture)

NONE = Qt.KeyboardModifier.NoModifier


def test_delete_removes_the_selected_waiting_entry(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}))
    session.run(outbox_ops.queue_mark_read, ["n-1"], "key-1", "Mark 1 notification read")
    session.run(outbox_ops.queue_mark_read, ["n-2"], "key-2", "Mark 1 more notification read")
    settle()
    app.sessions.outbox.count(session.id)
    settle()
    feature = app.features["outbox"]
    assert feature.button.text() == "Outbox (2)"
    dialog = feature.open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    dialog.table.setFocus()
    dialog.select(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete, NONE)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert [row["id"] for row in dialog.rows] == ["key-2"]            # the one chosen went, the other waits
    qtbot.waitUntil(lambda: feature.button.text() == "Outbox (1)")


def test_delete_leaves_an_entry_being_sent(qtbot):
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    sending = ob.new_entry(ob.MARK_READ, "", "Mark read", {"uuids": ["n-1"]}, "key-1", 1).moved(ob.SENDING)
    dialog.set_entries([sending.to_row()])
    dialog.show()
    dialog.table.setFocus()
    dialog.select(0)
    asked: list[str] = []
    dialog.remove_requested.connect(asked.append)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete, NONE)
    assert asked == []
    assert not dialog.remove_button.isEnabled() and "being sent" in dialog.remove_button.toolTip()
