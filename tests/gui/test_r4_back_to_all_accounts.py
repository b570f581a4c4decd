"""Back from a record opened in a list's All-accounts scope returns to that list in that scope ("← All accounts"),
not to the record's account's own list: the row opened in its account and the page set the screen to one account.
The whole window over canned panels (test_drift_actions' canned_app, test_back_returns_whence's accounts)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_back_returns_whence import account, back, records
from .test_drift_actions import canned_app  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("utc")
NONE = Qt.KeyboardModifier.NoModifier


@pytest.mark.parametrize("key", ["invoices", "services", "orders"])
def test_a_record_opened_from_all_accounts_goes_back_to_all_accounts(canned_app, qtbot, key):  # noqa: F811
    app = canned_app
    first = account(app, "Ann", 9, records())
    second = account(app, "Bob", 10, records())
    window = app.window
    assert app.sessions.current_id == second.id
    window.select_section(key)
    section = window.sections[key]
    section.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: section.everything is not None and section.model.rowCount() == 4)
    shown = section.table.model()
    row = next(r for r in range(shown.rowCount()) if section.list.proxy.row(r).get("account_id") == first.id)
    section.table.setCurrentIndex(shown.index(row, 1))
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: app.sessions.current_id == first.id and section.page_open)
    assert section.page.back.text() == "← All accounts"      # not "← All invoices": this account's list
    back(qtbot, section.page)
    assert window.current_key == key and not section.page_open
    assert section.scope == "all" and section.scope_toggle.all_button.isChecked()
    qtbot.waitUntil(lambda: section.model.rowCount() == 4)      # both accounts' rows again
    assert QApplication.focusWidget() is section.table


def test_a_row_opened_from_this_accounts_list_still_goes_back_to_it(canned_app, qtbot):  # noqa: F811
    app = canned_app
    account(app, "Ann", 9, records())
    account(app, "Bob", 10, records())
    window = app.window
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    invoices.table.setCurrentIndex(invoices.table.model().index(0, 0))
    invoices.table.setFocus()
    qtbot.keyClick(invoices.table, Qt.Key.Key_Return, NONE)
    assert invoices.page_open and invoices.page.back.text() == "← All invoices"
    back(qtbot, invoices.page)
    assert not invoices.page_open and invoices.scope == "account"
