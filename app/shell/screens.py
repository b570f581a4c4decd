"""The window follows the sessions: the accounts in the switcher, the current account's data on every screen
(redrawn from change-sets only: a screen redraws when one names what it shows), and whether it has billing."""
from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.account_data import AccountData
from app.core.changes import ChangeSet
from app.session import Sessions
from app.session.wording import current_reach


class Screens(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self._painted: set[str] = set()        # accounts whose data the screens have shown once
        sessions.accounts_changed.connect(self.show_accounts)
        sessions.current_changed.connect(self.show_current)
        sessions.changed.connect(self._changed)
        sessions.status_changed.connect(self._status)
        # The Dashboard's Pay all due… follows whether the current account's panel can be asked.
        for signal in (sessions.changed, sessions.status_changed, sessions.sync_failed, sessions.current_changed):
            signal.connect(lambda *_args: self._show_reach())
        window.sections.on_built("dashboard", lambda _dashboard: self._show_reach())

    def show_accounts(self) -> None:
        self.window.set_accounts(self.sessions.accounts(), self.sessions.current_id)

    def show_current(self, account_id: str | None) -> None:
        session = self.sessions.get(account_id)
        if session is None:
            self.window.set_accounts(self.sessions.accounts(), None)
            return
        self._show_billing(account_id)
        self.window.show_account_data(session.data or AccountData(account_id))

    def _changed(self, account_id: str, changes: ChangeSet) -> None:
        session = self.sessions.get(account_id)
        if session is None or account_id != self.sessions.current_id or session.data is None:
            return
        first = account_id not in self._painted
        self._painted.add(account_id)
        self._show_billing(account_id)
        # The first data of an account (from its cache) redraws everything; after that, what changed.
        self.window.show_account_data(session.data, None if first or changes.source == "cache"
                                      else set(changes.resources))

    def _status(self, account_id: str) -> None:
        if account_id == self.sessions.current_id:
            self._show_billing(account_id)

    def _show_reach(self) -> None:
        dashboard = self.window.sections.built().get("dashboard")
        if dashboard is not None and hasattr(dashboard, "set_online"):
            dashboard.set_online(*current_reach(self.sessions))

    def _show_billing(self, account_id: str) -> None:
        session = self.sessions.get(account_id)
        if session is None:
            return
        enabled, reason = session.billing or (True, None)
        self.window.set_billing(enabled, reason, session.panel_name)
