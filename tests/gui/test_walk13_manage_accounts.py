"""Manage accounts: the account's details stand apart from the list of accounts (the style's 6 px put "Name" and
its field against the list's border, so they read as part of the list)."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app.core.accounts import Account
from app.views.manage_accounts_dialog import ManageAccountsDialog


def test_the_details_stand_apart_from_the_list(qtbot):
    dialog = ManageAccountsDialog()
    qtbot.addWidget(dialog)
    dialog.set_accounts([Account(id="a", name="Demo customer", panel_url="http://127.0.0.1:8000",
                                 email="demo@sett.test", auth_kind="password", created_at="2026-12-01")])
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    list_right = dialog.list.mapTo(dialog, QPoint(dialog.list.width(), 0)).x()
    field_left = dialog.name_edit.mapTo(dialog, QPoint(0, 0)).x()
    assert field_left - list_right >= 12
