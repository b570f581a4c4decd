"""Help → Keyboard shortcuts (Ctrl+/): every key the window answers, read from the menu bar's own actions (so the
list cannot drift from the keys) and, after them, the keys of lists, pages and dialogs that no menu holds."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.text import translate

from .labels import heading
from .window_fit import fit_over_window
from .wrapped_rows import WrappedRows

# Keys that belong to a list, a page or a dialog rather than to a menu: (keys, what they do), as the README's table.
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+F"),
     QT_TRANSLATE_NOOP("ShortcutsDialog",
                       "Search the list on screen; from a record's page, back to its list's search")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter, Space on a card"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected row of a list, the focused product in the Store or the "
                       "focused card on the Dashboard")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Down, Enter in a search"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to the first row found; Enter opens it when it is the only one")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Escape in a search"), QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear it")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Escape or Alt+Left"),
     QT_TRANSLATE_NOOP("ShortcutsDialog",
                       "Back from an invoice, service, order, ticket or product to where it was opened from")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Menu key, Shift+F10"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "The selected rows' menu (or a right click): Open, Copy, Pay")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Send a reply, a new ticket or a cancellation's reason")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "In the Outbox, remove the selected entry (one not being sent)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab, Shift+Tab"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Move through a screen or dialog in reading order")),
)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str]]:
    """(keys, command) for each action of the menu bar that has keys, menu by menu, in the menus' order."""
    rows = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if not isinstance(action, QAction) or action.isSeparator() or not action.isVisible():
                continue
            keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
            if keys:
                # "&Sync now" -> "Sync now"; "&&" is a literal ampersand.
                command = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
                rows.append((translate("ShortcutsDialog", " or ").join(keys), command))
    return rows


class _ShortcutsTable(QTableWidget):
    """Fits its two columns to its own width whenever that changes (the dialog's layout sets it after showing)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # The keys as wide as they need, up to two fifths of the table (a long German key name wraps); the rest
        # for what they do (the rows follow, ResizeToContents). Not sizeHintForColumn: with word wrap on, it
        # answers the least width a cell could wrap to.
        metrics = self.fontMetrics()
        keys = (self.item(row, 0) for row in range(self.rowCount()))
        keys_width = max((metrics.horizontalAdvance(item.text()) for item in keys if item is not None), default=0)
        self.setColumnWidth(0, min(keys_width + 32, self.viewport().width() * 2 // 5))


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        rows = menu_shortcuts(bar) + [(translate("ShortcutsDialog", keys), translate("ShortcutsDialog", does))
                                      for keys, does in OTHER_KEYS]
        self.table = _ShortcutsTable(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([translate("ShortcutsDialog", "Keys"),
                                              translate("ShortcutsDialog", "What they do")])
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        for row, (keys, does) in enumerate(rows):
            for column, text in enumerate((keys, does)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().setVisible(False)
        # Each row as tall as its wrapped text whenever a column's width changes: fitted once per resize of the
        # table, a row kept the height it had before the scroll bar took its width from the column, and a German
        # line that then needed a third line ended in "…".
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegate(WrappedRows(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading(translate("ShortcutsDialog", "Keyboard shortcuts"), "dialogTitle"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_over_window(self, 640, 560)     # no larger than the main window it opens over, or the screen

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(row, 0).text(), self.table.item(row, 1).text())
                for row in range(self.table.rowCount())]
