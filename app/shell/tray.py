"""The tray and where notifications go.

With a system tray: its icon gets a menu (Open, Sync all, Pay due…, Quit), a click on it shows the window, and
notifications pop up from it (app.features.notices.SystemTray, Qt's own: desktop-notifier needs a D-Bus session
and an asyncio loop beside Qt's, which neither the headless tests nor the bundle have). Without one (stock GNOME,
most Wayland desktops without an extension) a notification becomes a banner in the window, with "Open", and the
window asks for attention (QApplication.alert: a flashing task-bar entry); the bell's list has it either way.
The Preferences' "notifications" switch silences both; "keep running in the tray" turns closing the window into
hiding it, only where a tray exists.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app import settings as keys
from app.core.text import translate
from app.session import Sessions

log = logging.getLogger(__name__)
NOTE_KEY = "desktop-notice"


class Notifier(QObject):
    """What the notices feature announces through (its `tray`): the system tray, or the window as a fallback."""

    clicked = Signal(dict)

    def __init__(self, sessions: Sessions, window, system_tray=None) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.system_tray = system_tray
        self.alert: Callable[..., None] = QApplication.alert
        self.fallback_shown: list[dict] = []     # a click on the system tray's popup reaches the notices directly

    @property
    def enabled(self) -> bool:
        return bool(self.sessions.settings.get(keys.NOTIFICATIONS_ENABLED))

    def show_notice(self, notice: dict) -> None:
        if not self.enabled:
            return
        if self.system_tray is not None:
            self.system_tray.show_notice(notice)
            return
        title = notice.get("title") or "Sett"
        message = notice.get("message") or ""
        text = translate("Notifier", "{title}: {message}").format(title=title, message=message) if message else title
        # The banner stays up across a switch of account: with several, it says whose notice it is.
        owner = self.sessions.get(notice.get("account_id"))
        if owner is not None and len(self.sessions.all()) > 1:
            text = translate("Notifier", "{account} · {notice}").format(account=owner.account.name, notice=text)
        self.fallback_shown.append(notice)
        self.sessions.note(NOTE_KEY, "info", text, (translate("Notifier", "Open"),
                                                    lambda *_checked, n=notice: self._open(n)))
        self.alert(self.window, 0)

    def _open(self, notice: dict) -> None:
        self.sessions.clear_note(NOTE_KEY)
        self.clicked.emit(notice)


class TrayMenu(QObject):
    """The tray icon's menu; built either way (tests reach it), attached only where there is a tray icon."""

    def __init__(self, sessions: Sessions, window, *, bring_to_front: Callable[[], None],
                 pay_due: Callable[[], None], icon: QSystemTrayIcon | None) -> None:
        super().__init__(window)
        self.sessions, self.window, self.icon = sessions, window, icon
        self.bring_to_front = bring_to_front
        self.quit: Callable[[], None] = QApplication.quit
        self.menu = QMenu()
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (("open", translate("TrayMenu", "Open Sett"), bring_to_front),
                                ("sync_all", translate("TrayMenu", "Sync all accounts"), sessions.sync.sync_all),
                                ("pay_due", translate("TrayMenu", "Pay due…"), lambda: (bring_to_front(), pay_due())),
                                (None, "", None),
                                ("quit", translate("TrayMenu", "Quit"), lambda: self.quit())):
            if key is None:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _checked=False, fn=slot: fn())
            self.actions[key] = action
        self.icon = None
        if icon is not None:
            self.attach(icon)
        window.closing.connect(self._window_closing)
        window.destroyed.connect(self.menu.deleteLater)

    def attach(self, icon: QSystemTrayIcon) -> None:
        """Give the tray icon this menu (and its clicks); from then on closing the window may keep Sett running."""
        self.icon = icon
        icon.setContextMenu(self.menu)
        icon.activated.connect(self._activated)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            if self.window.isVisible() and not self.window.isMinimized():
                self.window.hide()
            else:
                self.bring_to_front()

    def keeps_running(self) -> bool:
        return self.icon is not None and bool(self.sessions.settings.get(keys.KEEP_IN_TRAY))

    def _window_closing(self) -> None:
        """Decided as the window closes, so the Preferences' switch counts at once."""
        keep = self.keeps_running()
        app = QApplication.instance()
        if app is not None:
            app.setQuitOnLastWindowClosed(not keep)
        if keep and self.icon is not None:
            self.icon.showMessage(translate("TrayMenu", "Sett is still running"),
                                  translate("TrayMenu", "Reminders keep coming; quit from the tray's menu."),
                                  QSystemTrayIcon.MessageIcon.Information, 5000)


def install(sessions: Sessions, window, notices, *, bring_to_front, pay_due) -> tuple[Notifier | None, TrayMenu]:
    """Put the notifier in front of the notices feature's tray and give the tray icon (if any) its menu."""
    system_tray = notices.tray if notices is not None else None
    notifier = None
    if notices is not None:
        notifier = Notifier(sessions, window, system_tray)
        notices.tray = notifier
    icon = getattr(system_tray, "icon", None)
    return notifier, TrayMenu(sessions, window, bring_to_front=bring_to_front, pay_due=pay_due, icon=icon)
