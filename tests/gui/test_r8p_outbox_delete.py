"""README, the shortcut table: "Delete | In the Outbox, remove the selected entry (one not being sent)", and the
Offline part: "anything not yet sent removed". The Outbox dialog of a canned account, driven by the key."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from app.core import outbox as ob
from app.session.operations import outbox as outbox_ops
from app.views.outbox import OutboxDialog

from .test_drift_actions import Panel, canned_app, service, settle, signed_in  # noqa: F401  (the fixture)

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


def answer_the_reason_box(new_reason: str, asked: list[str]) -> None:
    """When the Edit reason box is up (modal, in its own loop): note what it starts with, type `new_reason`, OK."""
    tries = iter(range(100))

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(20, act)
            return
        asked.append(box.textValue())
        box.setTextValue(new_reason)
        box.accept()

    QTimer.singleShot(20, act)


def test_a_waiting_cancellations_reason_is_edited_with_edit_reason(canned_app, qtbot):  # noqa: F811
    """README, Offline: "a waiting cancellation request's reason can be edited, and anything not yet sent removed";
    through the Outbox's own Edit reason… button (the existing tests emit its request directly)."""
    app = canned_app
    session = signed_in(app, Panel({}), services=[service(1, "active", "2026-12-20")])
    session.run(outbox_ops.queue_cancellation, "s-1", "immediate", "Too slow", "key-c", "Cancel Canned VPS")
    session.run(outbox_ops.queue_mark_read, ["n-1"], "key-m", "Mark 1 notification read")
    settle()
    dialog = app.features["outbox"].open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    row_of = {row["id"]: index for index, row in enumerate(dialog.rows)}
    dialog.select(row_of["key-m"])
    assert not dialog.edit_button.isEnabled()                  # only a cancellation holds a reason
    dialog.select(row_of["key-c"])
    assert dialog.edit_button.isEnabled()
    asked: list[str] = []
    answer_the_reason_box("Too slow on trains", asked)
    dialog.edit_button.click()
    assert asked == ["Too slow"]                               # the box starts with the reason as queued
    qtbot.waitUntil(lambda: "Too slow on trains" in dialog.table.item(row_of["key-c"], 0).text())
