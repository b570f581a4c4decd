"""A dialog's pages, one shown at a time, the dialog as tall as the page on show. A QStackedWidget asks for the room
of its tallest page (its layout's height for a width is the most of every page's, shown or not): Add an account's
first step (one address field) stood over ~150 px of empty space above its Continue button, the room of the
sign-in step it had not reached."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from .window_fit import fit_over_window


class PageStack(QWidget):
    """QStackedWidget's calls (addWidget, setCurrentIndex, currentWidget, ...) over a box that shows only the current
    page: a box leaves its hidden pages out of its size. When the page changes, the dialog takes that page's height
    (up to the room there is, window_fit) at the width it has."""

    currentChanged = Signal(int)  # noqa: N815 - QStackedWidget's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    # -- QStackedWidget's calls -------------------------------------------------------------------------------
    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - QStackedWidget's name
        self._pages.append(page)
        self._box.addWidget(page)
        if self._current < 0:
            self._current = 0
            self.currentChanged.emit(0)
        else:
            page.hide()
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - QStackedWidget's name
        return self._pages.index(page) if page in self._pages else -1

    def currentIndex(self) -> int:  # noqa: N802 - QStackedWidget's name
        return self._current

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - QStackedWidget's name
        return self.widget(self._current)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        self.setCurrentIndex(self.indexOf(page))

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - QStackedWidget's name
        if not 0 <= index < len(self._pages) or index == self._current:
            return
        old, new = self.currentWidget(), self._pages[index]
        focus = QApplication.focusWidget()
        had_focus = old is not None and focus is not None and old.isAncestorOf(focus)
        self._current = index
        new.show()
        if old is not None:
            old.hide()
        if had_focus:        # as QStackedWidget does: the focus moves to the new page, not out of the dialog
            _focus_first(new)
        self.currentChanged.emit(index)
        QTimer.singleShot(0, self.fit_window)

    # -- the dialog's height ----------------------------------------------------------------------------------
    def fit_window(self) -> None:
        """The dialog as tall as the page on show needs at the dialog's width."""
        dialog = self.window()
        if dialog is self or not dialog.isVisible() or dialog.layout() is None:
            return
        layout = dialog.layout()
        layout.activate()
        wanted = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else -1
        if wanted < 0:
            wanted = layout.totalSizeHint().height()
        fit_over_window(dialog, dialog.width(), wanted)


def _focus_first(page: QWidget) -> None:
    widget = page.nextInFocusChain()
    while widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page) and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
