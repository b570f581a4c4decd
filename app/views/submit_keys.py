"""Keys that send a form or leave a field for what it found.

Ctrl+Enter in a box of several lines presses its form's main button (Send reply, Send ticket, Request
cancellation), as in mail and chat programs: plain Enter there starts a new line, so it cannot. The button is
clicked, not its action called, so a disabled button (nothing written yet, offline) does nothing.

Down and Enter in a search field go to what it found (the lists' and the Store's searches).

Enter on a focused button of the window presses it, as Space does: Qt's buttons answer Enter only in a dialog, so a
keyboard user who tabbed to Pay…, Back or a sidebar screen and pressed Enter saw nothing happen."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QPushButton, QToolButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
    # Enter as the field's own shortcut, which takes the key, rather than returnPressed, after which the key went
    # on to the window: that pressed the button with the focus by then, the "← All products" of the product Enter
    # had just opened in the Store, and the catalogue came back at once.
    for key in ENTER_KEYS:
        enter = QShortcut(QKeySequence(key), search)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: go(True))


def is_plain_enter(event: QKeyEvent) -> bool:
    """Enter or the keypad's Enter, without Ctrl, Alt or Shift."""
    extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in ENTER_KEYS and extra == Qt.KeyboardModifier.NoModifier


def press_focused_button(focus: QWidget | None) -> bool:
    """Press `focus` when it is a usable push or tool button (its menu, for a menu button such as Export); True when
    it was pressed. Check boxes and radio buttons keep Space alone, as everywhere."""
    if not isinstance(focus, (QPushButton, QToolButton)) or not (focus.isVisible() and focus.isEnabled()):
        return False
    if isinstance(focus, QToolButton) and focus.menu() is not None and \
            focus.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup:
        focus.showMenu()
    else:
        focus.click()
    return True
