"""What the README's "Using the app" and Preferences promise about the keys, the menus and the Preferences dialog,
checked in the running window (no account needed, no panel):

- "Ctrl+/ | Keyboard shortcuts: this list, in Sett (Help menu)": every key of the README's table is in Sett's own
  list;
- "The menus: File (Preferences…, Print…, Export…, Save all PDFs…, Quit), Edit (Undo, Copy), View (Sync now, Go
  to…, Switch light/dark theme, the screens), Account (Add account…, Manage accounts…, Pay all due…, Billing
  profile…, Next and Previous account), Help (Open log folder, Report a problem…, Keyboard shortcuts, About Sett)";
- Ctrl+K's "Up/Down (or PgUp/PgDown) choose";
- Preferences: "Check for changes every N seconds (default 60) ... 0, shown as "Only when asked"", "Remind of due
  invoices N days before (default 3)", "Theme: Light, Dark, or Follow the system (the default)", "Language: System
  default, English or Deutsch", "Desktop notifications on (the default)", "Keep running in the tray ... (off by
  default)".
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models.go_to import GoToIndex, entries
from app.views.go_to_dialog import GoToDialog

from .samples import account_data
from .test_drift_actions import Panel, canned_app, signed_in  # noqa: F401  (the fixture)
from .test_preferences import open_preferences

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# The README's shortcut table, its first column, one entry per key it names (Ctrl standing for Ctrl on Linux).
README_KEYS = ["Ctrl+1", "Ctrl+8", "Ctrl+R", "F5", "Ctrl+K", "Ctrl+F", "Enter", "Escape", "Alt+Left", "Tab",
               "Shift+Tab", "Ctrl+Enter", "Ctrl+C", "Shift+F10", "Menu key", "Ctrl+Z", "Ctrl+P", "Ctrl+E",
               "Ctrl+Shift+A", "Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+,", "F1", "Ctrl+/", "Ctrl+Q"]


# The README's table, for the commands the menus hold.
README_MENU_KEYS = {"Preferences…": "Ctrl+,", "Print…": "Ctrl+P", "Export…": "Ctrl+E", "Quit": "Ctrl+Q",
                    "Undo": "Ctrl+Z", "Copy": "Ctrl+C", "Sync now": "Ctrl+R", "Go to…": "Ctrl+K",
                    "Add account…": "Ctrl+Shift+A", "Next account": "Ctrl+PgDown", "Previous account": "Ctrl+PgUp",
                    "Keyboard shortcuts": "Ctrl+/", "About Sett": "F1"}


def shortcut_rows(app) -> list[tuple[str, str]]:
    from app.views.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(app.window.menuBar(), app.window)
    try:
        return list(dialog.rows())
    finally:
        dialog.deleteLater()


def test_every_key_of_the_readmes_table_is_in_setts_own_list(canned_app):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}))                      # an account: the screens (Ctrl+1 ... Ctrl+8) are there
    joined = " | ".join(keys for keys, _does in shortcut_rows(app))
    missing = [key for key in README_KEYS if not re.search(rf"(^|[\s|,]){re.escape(key)}($|[\s|,])", joined)]
    assert missing == [], joined


def test_the_outboxs_delete_key_is_in_setts_own_list(make_app):
    app = make_app()
    rows = shortcut_rows(app)
    assert any("Delete" in keys and "Outbox" in does for keys, does in rows), rows


def test_the_menus_hold_what_the_readme_lists(canned_app):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}))
    menus = app.window.menus.menus

    def entries_of(key: str) -> list[str]:
        return [a.text().replace("&", "") for a in menus[key].actions() if not a.isSeparator() and a.isVisible()]

    assert [menus[k].title().replace("&", "") for k in ("file", "edit", "view", "account", "help")] == [
        "File", "Edit", "View", "Account", "Help"]
    assert entries_of("file") == ["Preferences…", "Print…", "Export…", "Save all PDFs…", "Quit"]
    assert entries_of("edit") == ["Undo", "Copy"]
    view = entries_of("view")
    assert view[:3] == ["Sync now", "Go to…", "Switch light/dark theme"]
    assert view[3:] == ["Dashboard", "Store", "Cart", "Services", "Invoices", "Credits", "Orders", "Support"]
    assert entries_of("account") == ["Add account…", "Manage accounts…", "Pay all due…", "Billing profile…",
                                     "Next account", "Previous account"]
    assert entries_of("help") == ["Open log folder", "Report a problem…", "Keyboard shortcuts", "About Sett"]
    # "The menu bar shows each shortcut beside its command, the screens under View".
    screens = [a for a in menus["view"].actions() if a.isVisible() and a.text().replace("&", "") in view[3:]]
    assert [a.shortcut().toString() for a in screens] == [f"Ctrl+{n}" for n in range(1, 9)]
    beside = {a.text().replace("&", ""): a.shortcut().toString() for menu in menus.values() for a in menu.actions()
              if not a.isSeparator()}
    assert {name: beside[name] for name in README_MENU_KEYS} == README_MENU_KEYS


def test_go_to_chooses_with_page_down_and_page_up(qtbot, tmp_path):
    data = account_data(tmp_path)
    index = GoToIndex(entries(data, [("dashboard", "Dashboard"), ("invoices", "Invoices")], []), data.money)
    dialog = GoToDialog(index)
    qtbot.addWidget(dialog)
    dialog.resize(520, 420)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.list.count() > 3 and dialog.list.currentRow() == 0
    qtbot.keyClick(dialog.field, Qt.Key.Key_PageDown)
    down = dialog.list.currentRow()
    assert down > 0 and QApplication.focusWidget() is dialog.field       # typing goes on in the field
    qtbot.keyClick(dialog.field, Qt.Key.Key_PageUp)
    assert dialog.list.currentRow() < down
    qtbot.keyClick(dialog.field, Qt.Key.Key_PageDown)
    chosen_row = dialog.list.currentRow()
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert chosen.args[:2] == [dialog.shown[chosen_row].kind, dialog.shown[chosen_row].target]


def test_preferences_start_at_the_readmes_defaults_and_say_only_when_asked(make_app, qtbot):
    app = make_app()
    dialog = open_preferences(qtbot, app)
    assert dialog.sync_interval.value() == 60
    assert dialog.reminder_days.value() == 3
    assert dialog.theme.currentData() == "system" and dialog.theme.currentText() == "Follow the system"
    assert [dialog.theme.itemText(i) for i in range(dialog.theme.count())] == ["Follow the system", "Light", "Dark"]
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == [
        "System default", "English", "Deutsch"]
    assert dialog.language.currentData() == "system"
    assert dialog.notifications.isChecked()
    assert not dialog.keep_in_tray.isChecked()
    assert not dialog.start_at_login.isChecked()
    dialog.sync_interval.setValue(0)
    assert dialog.sync_interval.text() == "Only when asked"
    dialog.reject()


def test_setts_own_list_says_enter_and_space_open_a_dashboard_card(make_app):
    app = make_app()
    rows = shortcut_rows(app)
    enter = [(keys, does) for keys, does in rows if keys.split(",")[0].split(" or ")[0] == "Enter"]
    assert enter and "Dashboard" in enter[0][1], rows
    assert any("Space" in keys for keys, _does in rows), rows
