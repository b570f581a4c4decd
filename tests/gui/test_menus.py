"""The menu bar against the real panel: its menus and shortcuts (one action per key), Ctrl+P on an invoice's page,
Ctrl+C copying the selected rows, Help's log folder and Report a problem (the panel's support_url)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication

from app import paths
from tests.support.catalogue import buy

from .conftest import WAIT, add_account, sync_now
from .test_window import press


def test_menus_and_their_shortcuts(make_app, qtbot):
    app = make_app()
    window = app.window
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Account", "Help"]
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            assert key.toString() not in seen, f"{key.toString()} is on {seen[key.toString()]} and {action.text()}"
            seen[key.toString()] = action.text()
    for key in ("Ctrl+,", "Ctrl+P", "Ctrl+C", "Ctrl+Q", "F1", "Ctrl+R", "F5", "Ctrl+Shift+A"):
        assert key in seen, key
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    with qtbot.waitSignal(window.menus.preferences_requested, timeout=WAIT):
        press(qtbot, window, Qt.Key.Key_Comma)
    app.preferences.dialog.reject()              # it opened and took the focus
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_P)      # nothing printable on the welcome page: said so, nothing emitted
    assert "Nothing to print here" in window.statusBar().currentMessage()


def test_print_copy_and_help(make_app, shop, qtbot):
    product = shop.product(name="Menu VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    app = make_app()
    window = app.window
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)

    # Ctrl+C on the invoices table: the selected row under the headers, as text.
    window.select_section("invoices")
    section = window.sections["invoices"]
    table = section.list.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT)
    table.setFocus()
    table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    QGuiApplication.clipboard().clear()
    press(qtbot, table, Qt.Key.Key_C)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and "\t" in lines[0]
    assert order["invoice"]["invoice_number"] in lines[1]

    # Ctrl+P on the invoice's page opens the print dialog (here a stand-in that declines), through the page's own
    # Print… (tests/gui/test_invoice_print.py prints for real).
    asked: list = []
    section.page.print_dialog = lambda printer: asked.append(section.page.invoice_id) and False
    assert section.open_invoice(str(order["invoice"]["id"]))
    qtbot.waitUntil(lambda: section.page.print_button.isEnabled(), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_P)
    assert asked == [str(order["invoice"]["id"])]

    # Help: the log folder, and Report a problem at the panel's support address (else the panel).
    opened: list = []
    app.menu_actions.open_folder = opened.append
    app.menu_actions.open_url = opened.append
    window.menus.actions["log_folder"].trigger()
    window.menus.actions["report"].trigger()
    assert opened == [paths.log_dir(), app.current.panel_url]
    shop.settings(support_url="https://help.example.test/sett")
    try:
        sync_now(qtbot, app)
        window.menus.actions["report"].trigger()
        assert opened[-1] == "https://help.example.test/sett"
    finally:
        shop.settings(support_url="")
