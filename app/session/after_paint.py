"""`after_paint(parent, fn)`: run `fn` on the UI thread once what is already queued has been handled, the window's
pending repaint included.

Qt queues a widget's repaint as a low-priority event (QEvent.UpdateRequest), so `QTimer.singleShot(0, fn)` runs
`fn` before the screen shows what just changed. At start-up that let the held syncs of every account (and their
workers' imports) start before the saved data was painted, competing with the paint for the interpreter. An event
posted below the repaint's priority is handled after it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
_BELOW_REPAINTS = Qt.EventPriority.LowEventPriority.value - 1


class _Later(QObject):
    def __init__(self, fn: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._fn: Callable[[], None] | None = fn

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        fn, self._fn = self._fn, None
        self.setParent(None)
        self.deleteLater()
        if fn is not None:
            fn()


def after_paint(parent: QObject, fn: Callable[[], None]) -> None:
    """`fn()` after the repaints already asked for; never if `parent` is deleted first."""
    QCoreApplication.postEvent(_Later(fn, parent), QEvent(_AFTER_PAINT), _BELOW_REPAINTS)
