"""Dialogs sit over the main window and fit the screen it is on. A dialog sized from the screen alone (680x720 on a
1920x1200 monitor) hung below a 1000x650 window, past the screen's bottom on a small one, with its buttons out of
reach; one sized by its own content can be as bad with a long text. `fit_over_window` gives a dialog the size it
wants, no larger than the room there is (the screen's available area, and the main window's when the dialog has
one), and centres it over that window, inside the screen."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

TITLE_ROOM = 32     # a title bar's height, reserved while the window system has not said how tall it draws one
LEAST_ROOM = QSize(1000, 650)     # the smallest main window Sett lays out for: a smaller parent shrinks no dialog


def _chrome(dialog: QWidget) -> QSize:
    """What the window system draws round the dialog (its title bar, borders), or a title bar's worth before the
    dialog is first shown and nothing is known."""
    frame, inner = dialog.frameGeometry(), dialog.geometry()
    if dialog.isVisible() and frame != inner:
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return QSize(0, TITLE_ROOM)


def room(dialog: QWidget) -> QRect:
    """The area a dialog's frame may cover: the available geometry of its window's screen, within the parent
    window's frame when there is one (grown about its centre to LEAST_ROOM if it is smaller)."""
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    screen = (window.screen() if window is not None else None) or dialog.screen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1000, 650)
    if window is not None and window.isVisible():
        over = window.frameGeometry()
        if over.width() < LEAST_ROOM.width() or over.height() < LEAST_ROOM.height():
            centre = over.center()
            over.setSize(over.size().expandedTo(LEAST_ROOM))
            over.moveCenter(centre)
        over = over.intersected(area)
        if over.isValid():
            return over
    return area


def limit(dialog: QWidget) -> QSize:
    """The largest client size the dialog may take: `room` less the window system's frame."""
    chrome, area = _chrome(dialog), room(dialog)
    return QSize(max(1, area.width() - chrome.width()), max(1, area.height() - chrome.height()))


def fit_over_window(dialog: QWidget, width: int, height: int) -> QSize:
    """Resize `dialog` to `width` x `height`, no larger than `limit` (never under its layout's minimum), and, when it
    is on screen, centre it over its window, inside the screen. Returns the size given."""
    most = limit(dialog)
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    size = QSize(max(min(width, most.width()), min(least.width(), most.width())),
                 max(min(height, most.height()), min(least.height(), most.height())))
    dialog.resize(size)
    if dialog.isVisible():
        place(dialog)
    return size


def place(dialog: QWidget) -> None:
    """Centre the dialog's frame over its window (or the screen), then move it inside the screen's available area."""
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    screen = (window.screen() if window is not None else None) or dialog.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    centre = window.frameGeometry().center() if window is not None and window.isVisible() else area.center()
    chrome = _chrome(dialog)
    frame = QRect(0, 0, dialog.width() + chrome.width(), dialog.height() + chrome.height())
    frame.moveCenter(centre)
    frame.moveLeft(max(area.left(), min(frame.left(), area.right() + 1 - frame.width())))
    frame.moveTop(max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height())))
    dialog.move(frame.topLeft())     # move() places the frame's top-left corner
