"""The Invoices rows' menu (right click, Menu key) offers Pay for the unpaid invoices selected; offline it is shown
off, and, as Pay selected… beside the table, says why on hover and in the status bar."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.views.invoices import InvoicesSection

from .test_keyboard_rows import active
from .test_row_menu import row_of


def pay_action(section) -> tuple[QMenu, QAction]:
    menu = QMenu()
    section.pay_due.add_row_action(menu)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == ["&Pay 2 invoices…"]
    return menu, actions[0]


def test_the_rows_pay_says_why_it_is_off_offline(qtbot, tmp_path):
    section = active(qtbot, InvoicesSection, tmp_path)
    table = section.list.table
    selection = table.selectionModel()
    table.selectRow(row_of(section, "INV-2026-0003"))
    selection.select(table.model().index(row_of(section, "INV-2026-0004"), 0),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    menu, action = pay_action(section)
    assert action.isEnabled() and "Offline" not in action.toolTip()
    menu.deleteLater()

    section.pay_due.set_online(False)
    menu, action = pay_action(section)
    assert not action.isEnabled()
    assert menu.toolTipsVisible()
    assert action.toolTip() == section.pay_due.pay_selected.toolTip() == action.statusTip()
    assert "Offline" in action.toolTip()
    menu.deleteLater()

    section.pay_due.set_online(False, signed_out=True)
    menu, action = pay_action(section)
    assert "Signed out" in action.toolTip()
    menu.deleteLater()
