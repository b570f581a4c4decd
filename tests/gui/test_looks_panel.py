"""Looks fixes checked against the real panel: Enter in the add-account dialog's fields goes on instead of closing
it; and the in-window stand-in for a desktop notification, with two accounts, says whose notices it announces and
its Open shows that account's list, not the list of whichever account is on screen."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.session import notices as logic
from app.shell.tray import NOTE_KEY
from tests.support.catalogue import buy
from tests.support.panel import USER_PASSWORD

from .conftest import WAIT, add_account, wait_synced


def test_a_summary_banner_names_its_account_and_opens_that_accounts_notices(make_app, shop, qtbot):
    product = shop.product(name="Announced VPS")
    alpha_user = shop.user(credits="10.00")
    buy(alpha_user, product["id"])                         # leaves Alpha unread notifications
    beta_user = shop.user()
    app = make_app()
    assert app.notifier.system_tray is None                # offscreen: notices become a banner in the window
    alpha = add_account(qtbot, app, alpha_user.panel.url, alpha_user.user["email"], name="Alpha")
    beta = add_account(qtbot, app, beta_user.panel.url, beta_user.user["email"], name="Beta")
    app.sessions.select(beta.id)
    app.notifier.show_notice(logic.summary_notice(9, alpha.id))
    banner = next(b for key, b in app.window.banners.items() if key.endswith(NOTE_KEY))
    assert banner.text.startswith("Alpha · 9 new notifications")  # on Beta's screens it says whose notices these are
    banner.action_button.click()
    assert app.sessions.current_id == alpha.id
    dialog = app.notices.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: len(dialog.notices()) > 0, timeout=WAIT)
    assert all(n["account_id"] == alpha.id for n in dialog.notices())


def test_enter_in_the_add_account_fields_checks_the_address_and_signs_in(make_app, shop, qtbot):
    user = shop.user()
    app = make_app()
    dialog = app.open_add_dialog()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    dialog.url_edit.setFocus()                               # where typing goes, as for a user
    dialog.url_edit.setText(user.panel.url)
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)       # Enter, not a click on Continue
    assert dialog.isVisible()                                # it closed here: Enter also pressed Cancel
    qtbot.waitUntil(lambda: dialog.step == "login", timeout=WAIT)
    dialog.email_edit.setFocus()
    dialog.email_edit.setText(user.user["email"])
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Return)     # no password yet: says so, stays open
    assert dialog.isVisible() and "password" in dialog.login_error.text()
    dialog.password_edit.setFocus()
    dialog.password_edit.setText(USER_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    wait_synced(qtbot, app, app.accounts.all()[0].id)
