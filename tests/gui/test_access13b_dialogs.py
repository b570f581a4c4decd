"""Dialogs by keyboard: Tab goes through every control of each dialog, top to bottom; Enter acts on what has the
focus in Manage accounts (its default button, Save name, took Enter on the account list and saved the name
unchanged, and took it again after the name field had saved it); and Add an account's sign-in step is as tall as
its password tab (the tabs kept the API key tab's room as empty space under the password)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.core.accounts import Account
from app.views.add_account_dialog import AddAccountDialog
from app.views.manage_accounts_dialog import ManageAccountsDialog
from tests.gui.layout_steps import settle, shown_window

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


def test_the_sign_in_step_is_as_tall_as_its_password_tab(qtbot):
    window = shown_window(qtbot, 1000, 650)
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


def dialog_round(qtbot, dialog) -> list:
    """Tab from the dialog's focus all the way round, back to it."""
    first = QApplication.focusWidget()
    landed = [first]
    for _ in range(100):
        here = QApplication.focusWidget()
        for _presses in range(4):           # a date field's day, month and year before it leaves the field
            qtbot.keyClick(here, Qt.Key.Key_Tab, NONE)
            if QApplication.focusWidget() is not here:
                break
        if QApplication.focusWidget() is first:
            return landed
        landed.append(QApplication.focusWidget())
    raise AssertionError(f"Tab never came back: {landed[-5:]}")


def test_each_dialog_tabs_through_every_control_top_to_bottom(qtbot):
    from .test_keyboard import dialogs

    manage = ManageAccountsDialog()
    manage.set_accounts(accounts(), "a0")
    for name, dialog in [*dialogs(), ("manage accounts", manage)]:
        shown(qtbot, dialog)
        if QApplication.focusWidget() is None or QApplication.focusWidget().window() is not dialog:
            dialog.focusNextChild()
        landed = dialog_round(qtbot, dialog)
        stops = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]
        missed = [f"{type(w).__name__} {w.objectName()}" for w in stops if w not in landed]
        assert not missed, (name, missed)
        start = landed.index(min(landed, key=lambda w: (w.mapTo(dialog, QPoint(0, 0)).y(),
                                                        w.mapTo(dialog, QPoint(0, 0)).x())))
        tops = [w.mapTo(dialog, QPoint(0, 0)).y() for w in landed[start:] + landed[:start]]
        ordered = landed[start:] + landed[:start]
        # Up the dialog only into the next column of the same row (a button row's neighbours share a parent).
        rises = [(ordered[i], top, tops[i - 1]) for i, top in enumerate(tops)
                 if i and top < tops[i - 1] - 16 and ordered[i].parent() is not ordered[i - 1].parent()]
        assert not rises, (name, rises)
        dialog.reject()
