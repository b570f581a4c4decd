"""A table's rows under the right mouse button (or the Menu key, Shift+F10): Open and Copy for every list, and
what a screen adds for its rows (`row_actions`: Invoices adds Pay); a table whose rows open something other than
their own page names it per row (`open_text`: Credits' "Open invoice"). Copy is also Edit ▸ Copy (Ctrl+C)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QMenu

from app.core.text import translate

RowAction = Callable[[QMenu], None]      # adds a screen's own actions for the selected rows to the menu
# What the menu's first entry says for the row at an index ("&Open invoice"); "" leaves it out: that row opens nothing.
OpenText = Callable[[QModelIndex], str]


def rows_as_text(view: QAbstractItemView) -> str:
    """The selected rows (or the current one) of a table, as tab-separated lines under the visible headers."""
    model = view.model()
    if model is None:
        return ""
    selection = view.selectionModel()
    rows = sorted({index.row() for index in selection.selectedIndexes()}) if selection is not None else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    if not rows:
        return ""
    header = getattr(view, "horizontalHeader", lambda: None)()
    columns = [c for c in range(model.columnCount()) if header is None or not header.isSectionHidden(c)]

    def cell(value: object) -> str:
        return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

    lines = ["\t".join(cell(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    lines += ["\t".join(cell(model.index(r, c).data()) for c in columns) for r in rows]
    return "\n".join(lines) + "\n"


def copy_rows(view: QAbstractItemView) -> int:
    """The selected rows onto the clipboard as text, said in the window's status bar; how many were copied."""
    text = rows_as_text(view)
    if not text:
        return 0
    QGuiApplication.clipboard().setText(text)
    rows = text.count("\n") - 1
    window = view.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(translate("MenuBar", "Copied %n row(s).", None, rows), 3000)
    return rows


def build_row_menu(view: QAbstractItemView, index: QModelIndex) -> QMenu:
    """The menu for the row at `index` (selected first, unless it is part of the selection already)."""
    if index.isValid() and not view.selectionModel().isRowSelected(index.row(), index.parent()):
        # That row alone, whatever keys are held: the view's own setCurrentIndex asks the keyboard's modifiers,
        # and a Ctrl the window last saw held (a shortcut whose release went elsewhere) added the row instead.
        flag = QItemSelectionModel.SelectionFlag
        view.selectionModel().setCurrentIndex(index, flag.ClearAndSelect | flag.Rows)
    menu = QMenu(view)
    menu.setObjectName("rowMenu")
    # "Open" only where opening a row does something (a list's rows open their page; an invoice's lines do not).
    # A table whose rows open something else, or only some of them, says what for each row (`open_text`).
    if index.isValid() and view.receivers(SIGNAL("activated(QModelIndex)")) > 0:
        says: OpenText | None = getattr(view, "open_text", None)
        text = translate("RowMenu", "&Open") if says is None else says(index)
        if text:
            menu.addAction(text, lambda: view.activated.emit(index))
    copy = menu.addAction(translate("RowMenu", "&Copy"), lambda: copy_rows(view))
    copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))     # shown beside it, as in Edit
    copy.setEnabled(bool(view.selectionModel().selectedRows()) or view.currentIndex().isValid())
    for add in getattr(view, "row_actions", ()):
        add(menu)
    return menu


def asks_for_menu(event: QKeyEvent) -> bool:
    """The Menu key or Shift+F10: the keyboard's right click. Qt turns the Menu key into a context-menu event only
    where the window system does, and Shift+F10 only on Windows; a table answers both itself."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return ((event.key() == Qt.Key.Key_Menu and modifiers == Qt.KeyboardModifier.NoModifier)
            or (event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier))


def show_row_menu_by_keyboard(view: QAbstractItemView) -> None:
    origin = QPoint(0, 0)
    show_row_menu(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, origin,
                                          view.viewport().mapToGlobal(origin)))


def show_row_menu(view: QAbstractItemView, event: QContextMenuEvent, at: QPoint | None = None) -> None:
    """The rows' menu for `event`; `at`: where in the viewport the click counts as made (event.pos() if None)."""
    if event.reason() == QContextMenuEvent.Reason.Keyboard:
        index = view.currentIndex()          # the Menu key: the current row, the menu beside it
        rect = view.visualRect(index)
        where = view.viewport().mapToGlobal(rect.center() if index.isValid() else QPoint(0, 0))
    else:
        index = view.indexAt(event.pos() if at is None else at)
        where = event.globalPos()
    if view.model() is None or view.model().rowCount() == 0:
        return
    menu = build_row_menu(view, index)
    menu.exec(where)
    menu.deleteLater()
