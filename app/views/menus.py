"""The menu bar: File, Edit, View, Account, Help, with the standard shortcuts. The window's existing shortcut
actions (Ctrl+R sync, Ctrl+Q quit, Ctrl+Shift+A add account, F1 about) are put into the menus as they are, so each
key has one action and none becomes ambiguous. The menus only ask: what they need done is a signal.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
)

from app.core.text import translate

from .row_menu import copy_rows

PREFERENCES_KEYS = ["Ctrl+,"]


class MenuBar(QObject):
    preferences_requested = Signal()
    print_requested = Signal(str)          # the screen whose open page prints (the invoice page: its PDF)
    open_log_folder_requested = Signal()
    report_problem_requested = Signal()
    pay_due_requested = Signal()
    export_requested = Signal()            # the Invoices or Credits list, as CSV or XLSX (app/features/exports.py)
    pdfs_requested = Signal()              # Save all PDFs of a period
    billing_profile_requested = Signal()

    def __init__(self, window: QMainWindow, shortcuts: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}

        file = self._menu(bar, "file", translate("MenuBar", "&File"))
        self._add(file, "preferences", translate("MenuBar", "Prefere&nces…"), PREFERENCES_KEYS,
                  self.preferences_requested.emit, QAction.MenuRole.PreferencesRole)
        self._add(file, "print", translate("MenuBar", "&Print…"),
                  [QKeySequence(QKeySequence.StandardKey.Print).toString() or "Ctrl+P"], self.print_current)
        self._add(file, "export", translate("MenuBar", "&Export…"), ["Ctrl+E"], self.export_requested.emit)
        self._add(file, "save_pdfs", translate("MenuBar", "Save all PD&Fs…"), [], self.pdfs_requested.emit)
        file.addSeparator()
        file.addAction(self._adopt("quit", shortcuts["Quit"], translate("MenuBar", "&Quit"), QAction.MenuRole.QuitRole))

        edit = self._menu(bar, "edit", translate("MenuBar", "&Edit"))
        self._add(edit, "undo", translate("MenuBar", "&Undo"),
                  [QKeySequence(QKeySequence.StandardKey.Undo).toString() or "Ctrl+Z"], self.undo)
        self._add(edit, "copy", translate("MenuBar", "&Copy"),
                  [QKeySequence(QKeySequence.StandardKey.Copy).toString() or "Ctrl+C"], self.copy)

        view = self._menu(bar, "view", translate("MenuBar", "&View"))
        view.addAction(self._adopt("sync", shortcuts["Sync now"], translate("MenuBar", "&Sync now")))
        view.addAction(self._adopt("go_to", shortcuts["Go to"], translate("MenuBar", "&Go to…")))
        self._add(view, "theme", translate("MenuBar", "Switch &light/dark theme"), [],
                  window.theme_toggle_requested.emit)
        view.addSeparator()
        # Ctrl+1..9: the screens as the sidebar lists them; titled (and hidden past the last) by show_screens.
        self.screen_actions = [shortcuts[f"Section {n}"] for n in range(1, 10) if f"Section {n}" in shortcuts]
        for action in self.screen_actions:
            view.addAction(action)

        account = self._menu(bar, "account", translate("MenuBar", "&Account"))
        account.setToolTipsVisible(True)     # an action that is off (Pay all due…, offline) says why on hover
        account.addAction(self._adopt("add_account", shortcuts["Add account"], translate("MenuBar", "&Add account…")))
        self._add(account, "manage_accounts", translate("MenuBar", "&Manage accounts…"), [],
                  window.manage_accounts_requested.emit)
        self._add(account, "pay_due", translate("MenuBar", "&Pay all due…"), [], self.pay_due_requested.emit)
        self._add(account, "billing_profile", translate("MenuBar", "&Billing profile…"), [],
                  self.billing_profile_requested.emit)
        account.addSeparator()
        account.addAction(self._adopt("next_account", shortcuts["Next account"], translate("MenuBar", "&Next account")))
        account.addAction(self._adopt("previous_account", shortcuts["Previous account"],
                                      translate("MenuBar", "P&revious account")))

        help_ = self._menu(bar, "help", translate("MenuBar", "&Help"))
        self._add(help_, "log_folder", translate("MenuBar", "Open &log folder"), [],
                  self.open_log_folder_requested.emit)
        self._add(help_, "report", translate("MenuBar", "&Report a problem…"), [], self.report_problem_requested.emit)
        help_.addAction(self._adopt("shortcuts", shortcuts["Keyboard shortcuts"],
                                    translate("MenuBar", "&Keyboard shortcuts")))
        help_.addSeparator()
        help_.addAction(self._adopt("about", shortcuts["About Sett"], translate("MenuBar", "&About Sett"),
                                    QAction.MenuRole.AboutRole))

    def _menu(self, bar, key: str, title: str) -> QMenu:
        menu = bar.addMenu(title)
        self.menus[key] = menu
        return menu

    def _add(self, menu: QMenu, key: str, text: str, keys: list[str], slot,
             role: QAction.MenuRole = QAction.MenuRole.NoRole) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setMenuRole(role)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.actions[key] = action
        return action

    def _adopt(self, key: str, action: QAction, text: str,
               role: QAction.MenuRole = QAction.MenuRole.NoRole) -> QAction:
        action.setText(text)
        action.setMenuRole(role)
        self.actions[key] = action
        return action

    def show_screens(self, titles: list[str]) -> None:
        """The View menu's screens: the nth title on Ctrl+n; the keys past the last screen stay, unlisted."""
        for number, action in enumerate(self.screen_actions, start=1):
            action.setText(titles[number - 1] if number <= len(titles) else "")
            action.setVisible(number <= len(titles))

    # -- what the menus do themselves --------------------------------------------------------------------------
    def _current_section(self):
        """The screen on view, once built (None for the welcome or billing page)."""
        key = getattr(self.window, "current_key", "")
        sections = getattr(self.window, "sections", {})
        return sections[key] if key in sections and sections.is_built(key) else None

    def printable_key(self) -> str | None:
        """The current screen, when its open page can print (today: an invoice's page)."""
        section = self._current_section()
        page = getattr(section, "page", None)
        button = getattr(page, "print_button", None)
        if getattr(section, "page_open", False) and button is not None and button.isEnabled():
            return self.window.current_key
        return None

    def print_current(self) -> None:
        key = self.printable_key()
        if key is None:
            self.window.statusBar().showMessage(
                translate("MenuBar", "Nothing to print here: open an invoice to print it."), 5000)
            return
        self.print_requested.emit(key)

    def undo(self) -> None:
        """Ctrl+Z: in a text field, the field's own undo (which takes the key itself while it has focus); else the
        current screen's (the cart's: the line removed last, back)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and focus.isUndoAvailable() and not focus.isReadOnly():
            focus.undo()
            return
        if (isinstance(focus, QPlainTextEdit | QTextEdit) and focus.document().isUndoAvailable()
                and not focus.isReadOnly()):
            focus.undo()
            return
        section = self._current_section()
        if not (callable(getattr(section, "undo", None)) and section.undo()):
            self.window.statusBar().showMessage(translate("MenuBar", "Nothing to undo here."), 3000)

    def copy(self) -> None:
        """Ctrl+C: a table's selected rows as text; in a text field, the field's own copy."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractItemView):
            copy_rows(focus)
        elif focus is not None and hasattr(focus, "copy"):
            focus.copy()
