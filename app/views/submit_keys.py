"""Keys that send a form or leave a field for what it found.

Ctrl+Enter in a box of several lines presses its form's main button (Send reply, Send ticket, Request
cancellation), as in mail and chat programs: plain Enter there starts a new line, so it cannot. The button is
clicked, not its action called, so a disabled button (nothing written yet, offline) does nothing.

Down and Enter in a search field go to what it found (the lists' and the Store's searches)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit


def submit_on_ctrl_enter(edit: QPlainTextEdit, button: QAbstractButton) -> None:
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):          # the main keyboard's and the keypad's
        shortcut = QShortcut(QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, key)), edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(button.click)


def leave_search_on_down_or_enter(search: QLineEdit, go: Callable[[bool], None]) -> None:
    """Down in `search` calls `go(False)` (to the first thing found), Enter `go(True)` (which may open it)."""
    down = QShortcut(QKeySequence(Qt.Key.Key_Down), search)
    down.setContext(Qt.ShortcutContext.WidgetShortcut)
    down.activated.connect(lambda: go(False))
    search.returnPressed.connect(lambda: go(True))
