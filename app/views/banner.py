"""A banner: one sentence about something that matters now, at the top of the window (the sessions' notes) or of
a screen (the cart's "Removed … Undo")."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.core.text import translate
from app.models.plain_text import PLAIN

from .theme import icon, set_role


class Banner(QFrame):
    """One sentence about something that matters now, with at most one action and a close button."""

    dismissed = Signal()

    def __init__(self, key: str, level: str, text: str, action: tuple[str, Callable[[], None]] | None = None,
                 closable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.level = level
        set_role(self, "banner", level)
        self.label = QLabel(text, textFormat=PLAIN)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 10, 10)
        row.addWidget(self.label, 1)
        self.action_button: QPushButton | None = None
        if action is not None:
            self.action_button = QPushButton(action[0])
            self.action_button.clicked.connect(action[1])
            row.addWidget(self.action_button)
        if closable:
            close = QToolButton()
            close.setIcon(icon("close", size=14))
            close.setAccessibleName(translate("Banner", "Dismiss"))
            close.setToolTip(translate("Banner", "Dismiss"))
            close.setAccessibleDescription(text)        # which banner: several read alike as "Dismiss" alone
            close.clicked.connect(self.dismissed)
            row.addWidget(close)

    @property
    def text(self) -> str:
        return self.label.text()
