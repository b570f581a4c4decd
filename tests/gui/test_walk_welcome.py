"""The first start, as a keyboard user meets it: the welcome page's one button, Add an account, has the focus, so
Enter opens the add-account dialog (the focus sat on the sidebar's theme switch: Enter turned the window dark)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import WAIT


def test_the_welcome_pages_button_has_the_keys(make_app, qtbot):
    app = make_app()
    window = app.window
    assert window.current_key == "welcome"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    button = window.welcome.button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=WAIT)
    assert button.isVisible() and button.width() >= button.sizeHint().width()
    with qtbot.waitSignal(window.add_account_requested, timeout=WAIT):
        qtbot.keyClick(button, Qt.Key.Key_Space)
