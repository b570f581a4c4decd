"""Dialogs by keyboard: Enter acts on what has the focus in Manage accounts (its default button, Save name, took
Enter on the account list and saved the name unchanged, and took it again after the name field had saved it), and
Add an account's sign-in step is as tall as its password tab (the tabs kept the API key tab's room as empty space
under the password)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app.core.accounts import Account
from app.views.add_account_dialog import AddAccountDialog
from app.views.manage_accounts_dialog import ManageAccountsDialog

from .conftest import WAIT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NONE = Qt.KeyboardModifier.NoModifier


def accounts() -> list[Account]:
    return [Account(id=f"a{n}", name=name, panel_url="https://panel.example", email=f"{n}@example.test",
                    auth_kind="password", created_at="2026-12-01") for n, name in enumerate(("Work", "Home"))]


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    return dialog


def test_enter_on_the_account_list_saves_nothing_and_enter_in_the_name_saves_it_once(qtbot):
    dialog = ManageAccountsDialog()
    dialog.set_accounts(accounts(), "a1")
    shown(qtbot, dialog)
    renamed = []
    dialog.rename_requested.connect(lambda account, name: renamed.append((account, name)))
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, NONE)
    assert renamed == [] and dialog.isVisible()
    assert QApplication.focusWidget() is dialog.name_edit          # Enter on an account: its name, to edit
    qtbot.keyClicks(dialog.name_edit, "Holiday")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return, NONE)
    assert renamed == [("a1", "Holiday")]
    dialog.sign_button.setFocus()                   # a focused button still answers Enter itself
    signed_out = []
    dialog.sign_out_requested.connect(signed_out.append)
    qtbot.keyClick(dialog.sign_button, Qt.Key.Key_Return, NONE)
    assert signed_out == ["a1"] and renamed == [("a1", "Holiday")]


def settle(qtbot) -> None:
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(20)


def test_the_sign_in_step_is_as_tall_as_its_password_tab(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 650)
    window.show()
    dialog = AddAccountDialog(None, None, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pages.setCurrentIndex(1)
    settle(qtbot)
    line = dialog.fontMetrics().lineSpacing()
    tab_page = dialog.tabs.currentWidget()
    below = tab_page.height() - dialog.password_edit.mapTo(tab_page, QPoint(0, dialog.password_edit.height())).y()
    assert below < 2 * line, below          # no empty band under the password
    dialog.tabs.setCurrentIndex(1)          # the API key tab has its field and its note
    settle(qtbot)
    key_page = dialog.tabs.currentWidget()
    (note,) = key_page.findChildren(QLabel)
    assert dialog.key_edit.isVisible() and note.isVisible()
    assert note.height() >= note.heightForWidth(note.width())          # the note whole, not cut
    assert note.mapTo(key_page, QPoint(0, note.height())).y() <= key_page.height()
    dialog.tabs.setCurrentIndex(0)
    settle(qtbot)
    below = tab_page.height() - dialog.password_edit.mapTo(tab_page, QPoint(0, dialog.password_edit.height())).y()
    assert below < 2 * line, below
