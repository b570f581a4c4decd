"""Ctrl+Enter in a box of several lines presses its form's main button (Send reply, Send ticket, Request
cancellation), as in mail and chat programs: plain Enter there starts a new line, so it cannot. The button is
clicked, not its action called, so a disabled button (nothing written yet, offline) does nothing."""
from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit


def submit_on_ctrl_enter(edit: QPlainTextEdit, button: QAbstractButton) -> None:
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):          # the main keyboard's and the keypad's
        shortcut = QShortcut(QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, key)), edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(button.click)
