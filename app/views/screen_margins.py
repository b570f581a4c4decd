"""A screen's side margins narrow with the screen. 32 px either side suits a wide window; at the smallest (1000x650,
the sidebar icons only) they took 64 px from a table that had to cut its names for want of 22 ("Valheim…dicated"
in All accounts' Services). Below NARROW_BELOW px of screen width the sides are NARROW px, and the banners above
the screens follow, so their edges still line up with the screen's content."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLayout, QWidget

WIDE, NARROW = 32, 20
NARROW_BELOW = 960      # a screen this wide at the default window (1240, words in the sidebar) keeps the wide sides


def side(width: int) -> int:
    """The side margin for a screen `width` px wide."""
    return NARROW if width < NARROW_BELOW else WIDE


class _Sides(QObject):
    def __init__(self, widget: QWidget, layout: QLayout, inset: int) -> None:
        super().__init__(widget)
        self._layout, self.inset = layout, inset
        widget.installEventFilter(self)
        self.apply(widget.width())

    def apply(self, width: int) -> None:
        margins = self._layout.contentsMargins()
        margin = side(width) - self.inset
        if margins.left() != margin or margins.right() != margin:
            self._layout.setContentsMargins(margin, margins.top(), margin, margins.bottom())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.apply(watched.width())
        return False


def follow_width(widget: QWidget, layout: QLayout | None = None, *, inset: int = 0) -> None:
    """Keep `layout`'s (by default the widget's own) side margins at `side(widget's width)` less `inset` (a banner's
    frame stands `inset` px outside the text it lines up with)."""
    layout = layout if layout is not None else widget.layout()
    _Sides(widget, layout, inset)
