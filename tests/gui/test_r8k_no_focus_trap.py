"""No box of several lines traps the keyboard: the Outbox's Edit reason… asked in QInputDialog's own box, where Tab
typed a tab and the keyboard could not reach OK or Cancel. Now Tab leaves the reason (typing no tab), Shift+Tab comes
back, Ctrl+Enter presses OK as in the cancellation's own dialog, and Escape leaves it unchanged."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPlainTextEdit

from app.views.outbox import OutboxDialog

from .conftest import WAIT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NONE = Qt.KeyboardModifier.NoModifier


def reason_dialog(qtbot, text: str = "too slow"):
    outbox = OutboxDialog()
    qtbot.addWidget(outbox)
    dialog = outbox.reason_dialog(text)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    box = dialog.findChild(QPlainTextEdit)
    assert QApplication.focusWidget() is box          # it opens in the reason
    dialog.outbox = outbox                            # kept alive with it (its parent)
    return dialog, box


def test_tab_leaves_the_reason_and_ctrl_enter_saves_it(qtbot):
    dialog, box = reason_dialog(qtbot)
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    qtbot.keyClick(box, Qt.Key.Key_Tab, NONE)
    assert QApplication.focusWidget() in buttons and "\t" not in box.toPlainText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is box
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " and too dear")
    qtbot.keyClick(box, Qt.Key.Key_Return, NONE)                  # Enter: a new line, as in every reason box
    assert dialog.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.textValue() == "too slow and too dear\n"


def test_escape_leaves_the_reason_unchanged(qtbot):
    dialog, box = reason_dialog(qtbot)
    qtbot.keyClicks(box, "x")
    qtbot.keyClick(box, Qt.Key.Key_Escape, NONE)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
