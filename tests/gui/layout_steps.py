"""Steps the dialog-size tests share: a shown main window to sit over, and letting Qt finish its layouts."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow


def settle(qtbot) -> None:
    """Let queued layouts, resizes and moves run (a dialog fits itself in steps)."""
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(20)


def shown_window(qtbot, width: int = 1000, height: int = 650) -> QMainWindow:
    """A main window of that size, shown, for a dialog to open over."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    return window
