"""Add an account, step by step, as tall as the step on show: its first step (the panel's address) stood over
~150 px of empty space above Continue, the room of the sign-in step after it; back from sign-in, the gap came back."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from app.views.add_account_dialog import AddAccountDialog
from tests.gui.layout_steps import settle, shown_window


def gap_above(button: QWidget, above: QWidget, dialog: QWidget) -> int:
    return button.mapTo(dialog, QPoint(0, 0)).y() - above.mapTo(dialog, QPoint(0, above.height())).y()


def test_each_step_is_as_tall_as_it_needs(qtbot):
    window = shown_window(qtbot, 1000, 650)
    dialog = AddAccountDialog(None, "No system keyring is available.", window)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot)
    line = dialog.fontMetrics().lineSpacing()
    assert gap_above(dialog.continue_button, dialog.url_edit, dialog) < 4 * line      # no empty half-dialog
    first = dialog.height()
    dialog.pages.setCurrentIndex(1)
    settle(qtbot)
    assert dialog.height() >= first           # the sign-in step has all its fields
    assert dialog.pages.currentWidget().isVisible() and dialog.sign_in_button.isVisible()
    bottom = dialog.sign_in_button.mapTo(dialog, QPoint(0, dialog.sign_in_button.height())).y()
    assert bottom <= dialog.height()
    dialog.pages.setCurrentIndex(0)
    settle(qtbot)
    assert gap_above(dialog.continue_button, dialog.url_edit, dialog) < 4 * line      # and again, back from it
    assert dialog.step == "address"
