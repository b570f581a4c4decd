"""Menu and tray actions that need the current account's panel (today: Pay all due… in the Account menu and the
tray's Pay due…) follow its reach as the screens' buttons do (the Invoices bar's and the Dashboard's Pay all due):
off while the panel cannot be asked, saying why on hover (tooltip) and in the status bar (status tip). They stayed
on offline, and only the Invoices screen they opened then said that paying needs the panel."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app.core.reach import paying_reason as reach_reason
from app.session import Sessions
from app.session.wording import current_reach


def paying_reason(sessions: Sessions) -> str:
    """Why paying cannot go now, in the Pay all due buttons' own words (app/views/pay_due_bar.py), or "" when it
    can (or no account is current: the action then says itself that nothing is due)."""
    if sessions.current is None:
        return ""
    return reach_reason(*current_reach(sessions))


def show_reach(actions: list[QAction], reason: str) -> None:
    for action in actions:
        action.setEnabled(not reason)
        action.setToolTip(reason)        # "" while on: a menu then shows no tip for it
        action.setStatusTip(reason)


class PanelActions(QObject):
    """Keeps `actions()` (looked up each time: a menu may be rebuilt) in step with the current account's reach."""

    def __init__(self, sessions: Sessions, actions: Callable[[], list[QAction]], parent: QObject,
                 reason: Callable[[Sessions], str] = paying_reason) -> None:
        super().__init__(parent)
        self.sessions, self.actions, self.reason = sessions, actions, reason
        for signal in (sessions.changed, sessions.status_changed, sessions.sync_failed, sessions.current_changed,
                       sessions.accounts_changed):
            signal.connect(lambda *_args: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        if not self.sessions.shut_down:
            show_reach(self.actions(), self.reason(self.sessions))
