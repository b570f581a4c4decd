"""The focus stays with a page's actions after one of them: Request cancellation… and Withdraw request, each
disabled while the panel answers and then hidden for the other, left the focus on the sidebar's account switcher."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.catalogue import buy

from .conftest import WAIT, add_account, open_service_with_enter


def test_the_focus_follows_request_and_withdraw_on_a_service_page(make_app, shop, qtbot):
    product = shop.product(name="Focus VPS")
    user = shop.user(credits="10.00")
    buy(user, product["id"])
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.show()
    app.window.activateWindow()
    section, page = open_service_with_enter(qtbot, app, "Focus VPS")

    page.cancel_button.setFocus()
    dialog = page.open_cancel_dialog()
    dialog.reason.setPlainText("Moving")
    dialog.submit.click()
    qtbot.waitUntil(lambda: page.withdraw_button.isVisible() and page.withdraw_button.isEnabled(), timeout=WAIT)
    QApplication.processEvents()
    assert app.window.focusWidget() is page.withdraw_button

    qtbot.keyClick(page.withdraw_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.cancel_button.isVisible() and page.cancel_button.isEnabled(), timeout=WAIT)
    QApplication.processEvents()
    assert app.window.focusWidget() is page.cancel_button
