"""What a screen shows when it has nothing to list: `EmptyState` in a table's place, `EmptyPage` as a whole page.

Both carry the `EmptyState` object name, which the theme's style sheets use for their larger titles.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.plain_text import PLAIN

from .labels import emphasise, styled


class EmptyState(QWidget):
    """A centred title, a sentence and an optional action: what a screen shows instead of an empty table."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.title = emphasise(QLabel(objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter,
                                      textFormat=PLAIN), 1.3)
        styled(self.title, role="title")
        self.message = QLabel(objectName="emptyMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                              textFormat=PLAIN)
        styled(self.message, role="muted")
        self.action = styled(QPushButton(objectName="emptyAction"), kind="primary")
        self.action.setCursor(Qt.CursorShape.PointingHandCursor)
        self.action.clicked.connect(self.action_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 48, 24, 48)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.show_state("", "")

    def show_state(self, title: str, message: str = "", action: str | None = None) -> None:
        self.title.setText(title)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.action.setText(action or "")
        self.action.setVisible(bool(action))


class EmptyPage(QWidget):
    """A page with nothing to show yet (no account, no billing): a round mark, a title, a few paragraphs and one
    action, on a card centred in the window.

    `paragraphs` are (text, role) pairs, the role being the theme's ("subtitle", "muted"); their labels are
    `self.paragraphs`, in order.
    """

    action_clicked = Signal()

    def __init__(self, mark: str, title: str, paragraphs: Sequence[tuple[str, str]], action: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.mark = QLabel(mark, objectName="Illustration", alignment=Qt.AlignmentFlag.AlignCenter, textFormat=PLAIN)
        self.mark.setFixedSize(72, 72)
        self.title = styled(QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=PLAIN),
                            role="title")
        self.paragraphs = [styled(QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                                         textFormat=PLAIN), role=role)
                           for text, role in paragraphs]
        self.button = styled(QPushButton(action), kind="primary")
        self.button.clicked.connect(self.action_clicked)

        card = styled(QFrame(), card=True)
        card.setFixedWidth(560)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(14)
        inner.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.title)
        for paragraph in self.paragraphs:
            inner.addWidget(paragraph)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)

        outer = QVBoxLayout(self)
        row = QHBoxLayout()      # stretches, not an alignment, so the wrapped text gets its full height
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
