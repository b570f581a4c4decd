"""What the account forms share: the LoginService they call, the label that shows its failures in words
(`ErrorLabel`), headings and the primary button."""
from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from app.models.plain_text import PLAIN

from .theme import set_role

Callback = Any


class LoginService(Protocol):
    """What the dialogs need from the network; each call runs off the UI thread and answers by callback (a failure
    as a sentence; `check_key` with `(user, credentials)`)."""

    def probe(self, url: str, on_done: Callback, on_error: Callback) -> int: ...
    def login(self, url: str, email: str, password: str, on_done: Callback, on_error: Callback) -> int: ...
    def verify(self, url: str, two_factor_token: str, code: str, on_done: Callback, on_error: Callback) -> int: ...
    def check_key(self, url: str, api_key: str, on_done: Callback, on_error: Callback) -> int: ...
    def cancel(self, token: int) -> None: ...


class ErrorLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setObjectName("FormError")
        set_role(self, "role", "error")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        """`text`: a sentence (the login service words every failure before it reaches a dialog)."""
        text = str(text)
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            QTimer.singleShot(0, self._make_room)

    def _make_room(self) -> None:
        """Grow the dialog by the message's height instead of squeezing its fields (never shrink it)."""
        window = self.window()
        if window is None or window is self or not window.isVisible():
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()
        # The height at the window's width: the size hint measures a wrapped message at a narrow guess of a width
        # (more lines than it wraps to), and the dialog grew an empty gap of two lines under it.
        if layout is not None and layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(window.width())
        else:
            wanted = window.sizeHint().height()
        if window.height() < wanted:
            window.resize(window.width(), wanted)

    def clear(self) -> None:
        self.setText("")
        self.hide()


def heading(text: str, role: str = "title") -> QLabel:
    label = QLabel(text, textFormat=PLAIN)
    label.setWordWrap(True)
    set_role(label, "role", role)
    return label


def primary(text: str) -> QPushButton:
    button = QPushButton(text)
    set_role(button, "kind", "primary")
    button.setDefault(True)
    return button
