"""Where notifications go without a system tray (the offscreen platform has none, like stock GNOME): a banner with
Open in the window, which asks for attention; the Preferences' switch silences them. The tray menu's actions."""
from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon

from app import settings as keys

from .conftest import WAIT, add_account
from .test_service_invoice_pages import buy


def test_notifications_fall_back_to_the_window_when_there_is_no_tray(make_app, shop, qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    product = shop.product(name="Fallback VPS")
    user = shop.user(credits="10.00")
    buy(user, product["id"])           # leaves the user unread panel notifications
    app = make_app(start=False)
    alerts: list = []
    assert app.notices.tray is app.notifier and app.notifier.system_tray is None
    app.notifier.alert = lambda window, msec=0: alerts.append(window)
    app.start(show=True)
    add_account(qtbot, app, user.panel.url, user.user["email"])
    qtbot.waitUntil(lambda: bool(app.notifier.fallback_shown), timeout=WAIT)
    assert alerts and alerts[0] is app.window
    last = app.notifier.fallback_shown[-1]
    qtbot.waitUntil(lambda: any(last["title"] in t for t in app.window.banner_texts()), timeout=WAIT)
    (banner,) = [b for b in app.window.banners.values() if last["title"] in b.text]
    assert banner.action_button is not None and banner.action_button.text() == "Open"
    banner.action_button.click()        # opens what it is about, as a click on a desktop notification would
    target = "invoices" if last.get("invoice_id") else "services"
    assert last.get("invoice_id") or last.get("service_id")
    qtbot.waitUntil(lambda: app.window.current_key == target, timeout=WAIT)
    qtbot.waitUntil(lambda: not any(last["title"] in t for t in app.window.banner_texts()), timeout=WAIT)


def test_notifications_off_shows_none(make_app, qtbot):
    app = make_app()
    app.settings.set(keys.NOTIFICATIONS_ENABLED, False)
    app.notifier.show_notice({"id": "x", "title": "Invoice 7 is due tomorrow", "message": ""})
    assert app.notifier.fallback_shown == [] and app.window.banner_texts() == []
    app.settings.set(keys.NOTIFICATIONS_ENABLED, True)
    app.notifier.show_notice({"id": "x", "title": "Invoice 7 is due tomorrow", "message": ""})
    qtbot.waitUntil(lambda: "Invoice 7 is due tomorrow" in app.window.banner_texts(), timeout=WAIT)


def test_the_tray_menu(make_app, qtbot):
    app = make_app()
    menu = app.tray_menu
    assert [a.text() for a in menu.menu.actions() if a.text()] == ["Open Sett", "Sync all accounts", "Pay due…",
                                                                    "Quit"]
    assert not menu.keeps_running()             # no tray here: closing the window quits, whatever the setting
    app.settings.set(keys.KEEP_IN_TRAY, True)
    assert not menu.keeps_running()
    app.window.hide()
    menu.actions["open"].trigger()
    assert app.window.isVisible()
    quits: list = []
    menu.quit = lambda: quits.append(True)
    menu.actions["quit"].trigger()
    assert quits == [True]
    menu.actions["pay_due"].trigger()            # nothing due without an account: said in the status bar
    assert "Nothing is due" in app.window.statusBar().currentMessage()
