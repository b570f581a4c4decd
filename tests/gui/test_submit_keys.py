"""Ctrl+Enter in a box of several lines presses its form's main button; plain Enter keeps making new lines."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.views.new_ticket import NewTicketDialog
from app.views.service_page import CancelDialog


def test_ctrl_enter_sends_a_new_ticket_and_enter_is_a_new_line(qtbot):
    dialog = NewTicketDialog({"department": "billing"})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()                  # shortcuts reach the active window's focus widget
    qtbot.waitUntil(dialog.isActiveWindow)
    sent = []
    dialog.submitted.connect(sent.append)
    dialog.subject.setText("Invoice question")
    dialog.body.setFocus()
    qtbot.keyClicks(dialog.body, "First line")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    assert sent == [] and dialog.body.toPlainText() == "First line\n"
    qtbot.keyClicks(dialog.body, "second line")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [s["body"] for s in sent] == ["First line\nsecond line"] and sent[0]["subject"] == "Invoice question"


def test_ctrl_enter_requests_the_cancellation_and_without_a_reason_says_why(qtbot):
    dialog = CancelDialog("Cloud VPS", "2026-12-10")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)     # the keypad's Enter
    assert dialog.isVisible() and dialog.problem.isVisible()          # no reason yet: said, not closed
    qtbot.keyClicks(dialog.reason, "Moving to a bigger plan")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
