"""Preferences apply at once: the sync timer, the theme (and "system" following the desktop live), the reminders'
lead time, notifications, the tray, start at login (an XDG autostart entry); all kept in the settings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import settings as keys
from app.settings import Settings

from .conftest import WAIT
from .test_window import press


def open_preferences(qtbot, app):
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_Comma)       # Ctrl+,
    qtbot.waitUntil(lambda: app.preferences.dialog is not None and app.preferences.dialog.isVisible(),
                    timeout=WAIT)
    return app.preferences.dialog


def test_the_poll_interval_changes_the_timer_at_once(make_app, qtbot):
    app = make_app()
    timer = app.sessions.sync._timer
    assert timer.isActive() and timer.interval() == 60_000           # every account polled each minute
    dialog = open_preferences(qtbot, app)
    assert dialog.sync_interval.value() == 60
    dialog.sync_interval.setValue(30)
    assert timer.isActive() and timer.interval() == 30_000
    dialog.sync_interval.setValue(0)
    assert not timer.isActive()                                       # only when asked
    dialog.sync_interval.setValue(45)
    dialog.reminder_days.setValue(7)
    dialog.reject()
    stored = Settings()
    assert stored.poll_seconds == 45 and stored.get(keys.NOTICE_DAYS_AHEAD) == 7


def test_the_theme_changes_live_and_system_follows_the_desktop(make_app, qtbot):
    app = make_app()
    qapp = QApplication.instance()
    hints = qapp.styleHints()
    dialog = open_preferences(qtbot, app)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert qapp.property("theme") == "dark" and Settings().theme == "dark"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)      # a chosen theme ignores the desktop
    assert qapp.property("theme") == "dark"
    dialog.theme.setCurrentIndex(dialog.theme.findData("system"))
    assert Settings().theme == "system"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)        # the desktop turns dark: so does Sett
    assert qapp.property("theme") == "dark"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.property("theme") == "light"
    dialog.reject()


def test_switches_are_kept_and_start_at_login_writes_an_autostart_entry(make_app, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "sett.desktop"
    app = make_app()
    stored = Settings()
    assert stored.get(keys.NOTIFICATIONS_ENABLED) is True and stored.get(keys.KEEP_IN_TRAY) is False
    dialog = open_preferences(qtbot, app)
    assert dialog.start_at_login.isEnabled() and not dialog.start_at_login.isChecked()
    dialog.notifications.setChecked(False)
    dialog.start_at_login.setChecked(True)
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Exec=" in text and "-m app" in text
    dialog.start_at_login.setChecked(False)
    assert not entry.exists()
    dialog.reject()
    stored = Settings()
    assert stored.get(keys.NOTIFICATIONS_ENABLED) is False and stored.get(keys.START_AT_LOGIN) is False
    stored.set(keys.KEEP_IN_TRAY, "maybe")          # a value that is no boolean reads as the default
    assert stored.get(keys.KEEP_IN_TRAY) is False


def test_a_new_language_offers_restart_now_which_quits_to_start_again(make_app, qtbot, monkeypatch):
    import app.application as application

    app = make_app()
    quits = []
    monkeypatch.setattr(application, "QApplication", type("Quitting", (), {"quit": lambda: quits.append(1)}))
    dialog = open_preferences(qtbot, app)
    assert not dialog.restart.isVisible() and not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert Settings().language == "de"
    assert dialog.restart.isVisible() and dialog.restart.isEnabled() and dialog.language_note.isVisible()
    assert not app.restart_requested
    qtbot.mouseClick(dialog.restart, Qt.MouseButton.LeftButton)
    assert app.restart_requested and quits == [1]           # main() starts Sett again once this one has quit
    qtbot.waitUntil(lambda: app.preferences.dialog is None, timeout=WAIT)
