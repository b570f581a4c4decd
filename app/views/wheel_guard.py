"""Fields a mouse wheel changes only once the user has chosen them (clicked or tabbed into): on the product page
and the cart, which scroll, a wheel turned to scroll the page changed the size, billing cycle or quantity under
the pointer on its way (Cloud VPS Custom's memory went from 4 GB to 1 GB, its price from $18 to $12, unseen, and a
cart line asked the panel for a new price). Unchosen, the field lets the wheel scroll the page instead."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSlider


class WheelWhenFocused:
    """Mixed in before a Qt field class: the wheel changes it only while it has the keyboard focus."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Not Qt's WheelFocus: a wheel turned over the field would choose it and then change it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()          # to the parent: the scroll area scrolls


class GuardedSlider(WheelWhenFocused, QSlider):
    pass


class GuardedComboBox(WheelWhenFocused, QComboBox):
    pass
