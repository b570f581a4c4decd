"""The Preferences dialog's changes, applied at once: the sync timer, the reminders' lead time (the notices
re-read), the theme (and, for "system", following the desktop's colour scheme live), notifications, the tray,
and the start-at-login entry (app/shell/autostart.py); a new language offers to restart (app/shell/restart.py).
Values are kept in Settings (app/settings.py)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import settings as keys
from app.core.text import translate
from app.session import Sessions

if TYPE_CHECKING:   # the dialog's module loads when Preferences first opens, not at start-up
    from app.views.preferences import PreferencesDialog, PreferenceValues

log = logging.getLogger(__name__)


class Preferences(QObject):
    # The language setting changed ("system", "en", "de"); the words follow at the next start (app/shell/language.py).
    language_changed = Signal(str)

    def __init__(self, sessions: Sessions, window, set_theme: Callable[[str], None],
                 refresh_notices: Callable[[], None] = lambda: None,
                 restart: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self.sessions, self.window, self.settings = sessions, window, sessions.settings
        self.set_theme = set_theme
        self.restart = restart      # quits and starts Sett again (None: the dialog offers no restart)
        self.refresh_notices = refresh_notices
        self.dialog: PreferencesDialog | None = None
        window.menus.preferences_requested.connect(self.open_dialog)

    def values(self) -> PreferenceValues:
        # With the dialog, not at start-up: the autostart module brings plistlib, shlex and subprocess (~4 ms).
        from app.shell import autostart
        from app.views.preferences import PreferenceValues

        s = self.settings
        theme_in_use, saved_theme = self._theme()
        return PreferenceValues(poll_seconds=s.poll_seconds,
                                reminder_days=max(0, s.get(keys.NOTICE_DAYS_AHEAD)), theme=theme_in_use,
                                saved_theme=saved_theme,
                                language=s.language,
                                notifications=s.get(keys.NOTIFICATIONS_ENABLED),
                                keep_in_tray=s.get(keys.KEEP_IN_TRAY),
                                start_at_login=autostart.unavailable_reason() is None and autostart.is_enabled())

    def _theme(self) -> tuple[str, str | None]:
        """(the theme to show, the saved one when it is not the one in use). Choosing a theme (here or with the
        sidebar's switch) saves it, so a window in another theme than the saved choice gives was started with
        `--theme`: the dialog then shows the theme on screen rather than a choice the user cannot see."""
        from app.views import theme

        saved = self.settings.theme
        in_use = theme.current(QApplication.instance())
        if theme.resolve(saved) == in_use:
            return saved, None
        return in_use, saved

    def open_dialog(self) -> PreferencesDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        from app.shell import autostart
        from app.views.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.values(), tray_available=QSystemTrayIcon.isSystemTrayAvailable(),
                                   autostart_note=autostart.unavailable_reason(), parent=self.window)
        dialog.changed.connect(self.apply)
        dialog.restart.setEnabled(self.restart is not None)
        dialog.restart_requested.connect(self._restart_now)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restart_now(self) -> None:
        if self.restart is not None:
            if self.dialog is not None:
                self.dialog.close()
            self.restart()

    def _closed(self, dialog: PreferencesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.settings.sync()
        dialog.deleteLater()

    def apply(self, name: str, value: object) -> None:
        s = self.settings
        if name == "poll_seconds":
            s.set(keys.SYNC_POLL_SECONDS, int(value))
            if not int(value):
                s.set(keys.SYNC_INTERVAL_MINUTES, 0)     # 0 is "only when asked", not "fall back to minutes"
            self.sessions.sync.set_interval_seconds(s.poll_seconds)
        elif name == "reminder_days":
            s.set(keys.NOTICE_DAYS_AHEAD, int(value))
            self.refresh_notices()
        elif name == "theme" and value in keys.THEMES:
            self.set_theme(str(value))
        elif name == "language" and value in keys.LANGUAGES:
            s.set(keys.LANGUAGE, str(value))
            self.language_changed.emit(str(value))
        elif name == "notifications":
            s.set(keys.NOTIFICATIONS_ENABLED, bool(value))
        elif name == "keep_in_tray":
            s.set(keys.KEEP_IN_TRAY, bool(value))
        elif name == "start_at_login":
            from app.shell import autostart

            try:
                path = autostart.set_enabled(bool(value))
            except OSError as exc:
                log.warning("could not change the autostart entry: %s", exc)
                self.window.statusBar().showMessage(
                    translate("Preferences", "Could not change starting at login: {error}").format(error=exc), 8000)
                return
            s.set(keys.START_AT_LOGIN, bool(value))
            log.info("%s %s", "wrote" if value else "removed", path)
        else:
            log.warning("unknown preference %s", name)
