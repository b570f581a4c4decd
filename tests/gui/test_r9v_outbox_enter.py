"""The Outbox dialog's Enter: what a user expects of Enter in a list they opened to look at (closing it), never an
editor they did not ask for (Edit reason… was the default) nor taking an entry away (Remove, even focused)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core import outbox as ob
from app.views.outbox import OutboxDialog

NONE = Qt.KeyboardModifier.NoModifier


def shown(qtbot) -> tuple[OutboxDialog, list[tuple[str, str]]]:
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    cancel = ob.new_entry(ob.CANCEL_SERVICE, "", "Cancel Small VPS", {"type": "end_of_period", "reason": "Too slow"},
                          "key-1", 1)
    dialog.set_entries([cancel.to_row()])
    asked: list[tuple[str, str]] = []
    dialog.edit_requested.connect(lambda key, reason: asked.append(("edit", key)))
    dialog.remove_requested.connect(lambda key: asked.append(("remove", key)))
    dialog.retry_requested.connect(lambda key: asked.append(("retry", key)))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isVisible)
    dialog.table.setFocus()
    dialog.select(0)
    return dialog, asked


def test_the_default_button_is_close_not_edit_reason(qtbot):
    dialog, _asked = shown(qtbot)
    assert dialog.edit_button.isEnabled()            # a waiting cancellation: Edit reason… could act
    assert dialog.close_button.isDefault()
    assert not dialog.edit_button.isDefault() and not dialog.remove_button.isDefault()


def test_enter_in_the_list_closes_the_outbox_and_changes_nothing(qtbot):
    dialog, asked = shown(qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert asked == []
    assert QApplication.activeModalWidget() is None       # no Edit reason box came up


def test_enter_on_a_focused_remove_never_removes(qtbot):
    dialog, asked = shown(qtbot)
    dialog.remove_button.setFocus()
    assert not dialog.remove_button.isDefault()
    qtbot.keyClick(dialog.remove_button, Qt.Key.Key_Return, NONE)
    assert asked == []
    qtbot.keyClick(dialog.remove_button, Qt.Key.Key_Space, NONE)     # pressed as a button is, it still removes
    assert asked == [("remove", "key-1")]
