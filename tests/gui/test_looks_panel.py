"""The in-window stand-in for a desktop notification, with two accounts: it says whose notices it announces, and
its Open shows that account's list, not the list of whichever account is on screen."""
from __future__ import annotations

from app.session import notices as logic
from app.shell.tray import NOTE_KEY

from .conftest import WAIT, add_account
from .test_service_invoice_pages import buy


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
    assert banner.text.startswith("Alpha · 9 new notices")  # on Beta's screens it says whose notices these are
    banner.action_button.click()
    assert app.sessions.current_id == alpha.id
    dialog = app.notices.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: len(dialog.notices()) > 0, timeout=WAIT)
    assert all(n["account_id"] == alpha.id for n in dialog.notices())
