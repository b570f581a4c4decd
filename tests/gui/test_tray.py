"""Where notifications go without a system tray (the offscreen platform has none, like stock GNOME): a banner with
Open in the window, which asks for attention; the Preferences' switch silences them. The tray menu's actions.
Keeping Sett in the tray: with the preference on (and a tray icon), closing the window hides it and Sett runs on,
polling and announcing, until the tray's Open shows it again; with it off, closing the window quits."""
from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import settings as keys
from app.views.theme import ICONS
from tests.support.catalogue import buy

from .conftest import WAIT, add_account


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


def run_until(condition, seconds: float = 120.0) -> str:
    """Run an event loop until `condition()` holds ("condition") or `seconds` pass ("timeout"). Not the
    QApplication's own exec(): ending that emits aboutToQuit, which tears QtWebEngine down for the rest of the
    suite (earlier tests used it) and crashed it."""
    loop = QEventLoop()
    outcome: list[str] = []

    def end(why: str) -> None:
        if not outcome:
            outcome.append(why)
            loop.quit()

    check, watchdog = QTimer(), QTimer()
    check.timeout.connect(lambda: condition() and end("condition"))
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: end("timeout"))
    check.start(50)
    watchdog.start(int(seconds * 1000))
    loop.exec()
    check.stop()
    watchdog.stop()
    return outcome[0]


def test_closing_the_window_keeps_sett_running_in_the_tray_when_asked_and_quits_otherwise(make_app, shop, qtbot):
    qapp = QApplication.instance()
    user = shop.user(credits="30.00")
    product = shop.product(name="Tray VPS")
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.preferences.apply("poll_seconds", 1)           # the timer that brings new notices while the window is shut
    menu = app.tray_menu
    menu.attach(QSystemTrayIcon(QIcon(str(ICONS / "sett.png")), app.window))   # as where a tray exists
    app.settings.set(keys.KEEP_IN_TRAY, True)
    assert menu.keeps_running()
    try:
        qtbot.waitUntil(lambda: app.notices.seen.get(app.current_id) is not None, timeout=WAIT)
        before = len(app.notifier.fallback_shown)

        # On: the window closes into the tray; Sett runs on, polls and announces what the panel says meanwhile.
        def buy_while_hidden() -> None:
            app.window.close()
            buy(user, product["id"])                     # the panel tells the user (payment, new service)

        QTimer.singleShot(0, buy_while_hidden)
        assert run_until(lambda: len(app.notifier.fallback_shown) > before) == "condition"
        assert not app.window.isVisible()
        assert not qapp.quitOnLastWindowClosed()        # QApplication.exec() goes on with no window shown
        menu.actions["open"].trigger()                  # the tray's Open shows it again
        assert app.window.isVisible()

        # Off: closing the window quits (Qt ends exec() when its last window closes).
        app.settings.set(keys.KEEP_IN_TRAY, False)
        app.window.close()
        assert qapp.quitOnLastWindowClosed()
        assert not app.window.isVisible()
    finally:
        qapp.setQuitOnLastWindowClosed(True)
