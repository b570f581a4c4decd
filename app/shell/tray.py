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
from app.session import GLOBAL, Sessions
from app.session.notices import summary_notice
from app.shell.panel_actions import PanelActions
from app.shell.quitting import quit_as_asked

log = logging.getLogger(__name__)
NOTE_KEY = "desktop-notice"


class Notifier(QObject):
    """What the notices feature announces through (its `tray`): the system tray, or the window as a fallback.

    The fallback banner words the notices it stands for ("9 new notifications", or one notice's own title) and
    follows them, as the bell's count does: a notice read (opened, "Mark all read", marked elsewhere and synced), an
    invoice reminded of that got paid, leaves it; new ones join a count; with none left the banner goes."""

    clicked = Signal(dict)

    def __init__(self, sessions: Sessions, window, system_tray=None, notices=None) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.system_tray = system_tray
        self.notices = notices          # the notices feature: which notices are still unread (None: not followed)
        self.alert: Callable[..., None] = QApplication.alert
        self.fallback_shown: list[dict] = []     # a click on the system tray's popup reaches the notices directly
        # What the banner stands for: (account id, the notices still unread, whether it words them as a count)
        self.standing: tuple[str | None, list[dict], bool] | None = None
        sessions.changed.connect(lambda _account_id, _changes: self.follow())
        sessions.accounts_changed.connect(self.follow)
        sidebar = getattr(window, "sidebar", None)
        counted = getattr(sidebar, "notice_count_changed", None)
        if counted is not None:
            counted.connect(lambda _count: self.follow())      # the bell changed: so may what the banner says

    @property
    def enabled(self) -> bool:
        return bool(self.sessions.settings.get(keys.NOTIFICATIONS_ENABLED))

    def show_notice(self, notice: dict) -> None:
        if not self.enabled:
            return
        if self.system_tray is not None:
            self.system_tray.show_notice(notice)
            return
        self.fallback_shown.append(notice)
        account_id = notice.get("account_id")
        summary = notice.get("kind") == "summary"
        stands = self._summarised(notice) if summary else [notice]
        self.follow()                # what the banner up now still stands for
        unfollowed = summary and stands == [notice]      # a count the feature cannot account for: as given
        if (self.standing is not None and self.standing[0] == account_id and (summary or self.standing[2])
                and not unfollowed):
            # More of the same account's notices while a count is up: one count of all of them ("9 new" and 2
            # more are 11), not the newest batch alone.
            known = {n.get("id") for n in stands}
            stands = [n for n in self.standing[1] if n.get("id") not in known] + stands
            summary = True
        self.standing = (account_id, stands, summary)
        self._put_up(*self.standing)
        self.alert(self.window, 0)

    def join_quietly(self, notices: list[dict]) -> None:
        """Notices the window has just said in its own words (a payment's result): not announced, but a count up
        for their account counts them too, so the banner's number stays the bell's. They never put a banner up."""
        self.follow()
        if not notices or self.standing is None:
            return
        account_id, stands, summary = self.standing
        if not summary or any(n.get("account_id") != account_id for n in notices):
            return
        known = {n.get("id") for n in stands}
        self.standing = (account_id, stands + [n for n in notices if n.get("id") not in known], True)
        self._put_up(*self.standing)

    def _summarised(self, notice: dict) -> list[dict]:
        """The notices a summary stands for: the newest it counts among those the feature announced. A summary
        counting more than the feature announced (said by another road) stands for itself, worded as given."""
        try:
            count = int(str(notice.get("id") or "").rpartition(":")[2])
        except ValueError:
            count = 0
        announced = [n for n in getattr(self.notices, "announced", [])
                     if n.get("account_id") == notice.get("account_id")]
        if count <= 0 or len(announced) < count:
            return [notice]
        return announced[-count:]

    def _put_up(self, account_id: str | None, stands: list[dict], summary: bool) -> None:
        if summary and len(stands) > 1:
            notice = summary_notice(len(stands), account_id)
        else:
            notice = stands[-1]
        title = notice.get("title") or "Sett"
        message = notice.get("message") or ""
        text = translate("Notifier", "{title}: {message}").format(title=title, message=message) if message else title
        # The banner stays up across a switch of account: with several, it says whose notice it is.
        owner = self.sessions.get(account_id)
        if owner is not None and len(self.sessions.all()) > 1:
            text = translate("Notifier", "{account} · {notice}").format(account=owner.account.name, notice=text)
        self.sessions.note(NOTE_KEY, "info", text, (translate("Notifier", "Open"),
                                                    lambda *_checked, n=notice: self._open(n)))

    def follow(self) -> None:
        """Word the banner again from the notices it stands for, as they are now; take it down when none is unread
        any more, its account is gone, or the user closed it."""
        if self.standing is None or self.notices is None or self.sessions.shut_down:
            return
        if NOTE_KEY not in self.sessions.global_notes or self._dismissed():
            self._forget()
            return
        account_id, stands, summary = self.standing
        if account_id is not None and self.sessions.get(account_id) is None:
            self._forget()
            return
        unread = {n.get("id"): n for n in self.notices.notices_for(account_id or self.sessions.current_id)
                  if not n.get("read")}
        # As each is worded now; a summary whose notices are not known (not announced by the feature) stays.
        still = [unread.get(n.get("id"), n) for n in stands if n.get("id") in unread or n.get("kind") == "summary"]
        if not still:
            self._forget()
            return
        self.standing = (account_id, still, summary)
        # Worded again each time (the note is only shown anew when its words change): the notices' own words, and
        # whose they are, follow a renamed account or a second one added.
        self._put_up(*self.standing)

    def _dismissed(self) -> bool:
        """The user closed the banner (its note stays until something new is said): it stands for nothing more."""
        banners = getattr(self.window, "banners", None)
        return banners is not None and f"{GLOBAL}:{NOTE_KEY}" not in banners

    def _forget(self) -> None:
        self.standing = None
        self.sessions.clear_note(NOTE_KEY)

    def _open(self, notice: dict) -> None:
        self._forget()
        self.clicked.emit(notice)


class TrayMenu(QObject):
    """The tray icon's menu; built either way (tests reach it), attached only where there is a tray icon."""

    def __init__(self, sessions: Sessions, window, *, bring_to_front: Callable[[], None],
                 pay_due: Callable[[], None], icon: QSystemTrayIcon | None) -> None:
        super().__init__(window)
        self.sessions, self.window, self.icon = sessions, window, icon
        self.bring_to_front = bring_to_front
        self.quit: Callable[[], None] = quit_as_asked      # the user's own: an open payment asks first
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
        # Pay due… is off while the current account's panel cannot be asked; hovering over it says why.
        self.menu.setToolTipsVisible(True)
        self.panel_actions = PanelActions(sessions, lambda: [self.actions["pay_due"]], self)
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
        notifier = Notifier(sessions, window, system_tray, notices)
        notices.tray = notifier
    icon = getattr(system_tray, "icon", None)
    return notifier, TrayMenu(sessions, window, bring_to_front=bring_to_front, pay_due=pay_due, icon=icon)
