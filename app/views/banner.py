"""A banner: one sentence about something that matters now, at the top of the window (the sessions' notes) or of
a screen (the cart's "Removed … Undo")."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QToolButton, QWidget

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


class BannerScroll(QScrollArea):
    """The window's banners, as tall as they are up to a quarter of the room under the menu bar, and scrolling past
    that: at 1000x650 an offline banner, a notice and a failed sync squeezed the Credits history and the Invoices
    table to one or two rows. The screen under them keeps the rest."""

    SHARE = 4       # the banners take at most 1/SHARE of the height the banners and the screen share

    def __init__(self, box: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BannerScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # Tab goes to the banners' buttons, not the frame
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setWidget(box)
        box.installEventFilter(self)
        self._height = -1

    def _room(self) -> int:
        parent = self.parentWidget()
        return parent.height() if parent is not None else 0

    def _wanted(self) -> int:
        box = self.widget()
        if box is None or box.isHidden():
            return 0
        width = self.viewport().width() if self.isVisible() else self.width()
        full = box.heightForWidth(width) if box.hasHeightForWidth() and width > 0 else -1
        if full < 0:
            full = box.sizeHint().height()
        room = self._room()
        return min(full, max(room // self.SHARE, 0)) if room > 0 else full

    def refit(self) -> None:
        height = self._wanted()
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self._wanted())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self._wanted())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show,
                                                       QEvent.Type.Hide):
            self.refit()
        return super().eventFilter(obj, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.refit()        # wrapped sentences take more or fewer lines

    def follow(self, area: QWidget) -> None:
        """Measure the room again whenever `area` (what the banners and the screen share) changes height."""
        area.installEventFilter(_Resized(area, self.refit))


class _Resized(QObject):
    def __init__(self, parent, callback) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.callback()
        return False
