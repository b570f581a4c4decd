"""The "All accounts" scope of the dashboard and the services, invoices, credits, orders and support lists: every
account's cache is read on a worker and handed to the screens in that scope, again after any account's data
changed; a row of another account opens after switching to it. The toggle shows only while the user has two
accounts or more."""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer

from app.core.account_data import AccountData
from app.core.text import translate
from app.models.all_accounts import AccountsRows, gather
from app.session import Sessions
from app.session.data import read_accounts
from app.views.scope import ACCOUNT, ALL
from app.views.sections import RECORD_SCREENS

SCOPED = ("dashboard", "services", "invoices", "credits", "orders", "support")


def read_everything(accounts: list[tuple[str, str]]) -> AccountsRows:
    return gather(read_accounts(accounts))


class AllAccounts(QObject):
    """Keeps the screens in the All-accounts scope fed with every account's rows, one read at a time (a newer read
    drops an older one's result), and the scope toggles shown while there are two accounts or more."""

    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.sections: dict = {}                     # the scoped screens built so far
        self.generation = 0
        self.latest: AccountsRows | None = None      # the last read, until an account's data changes
        self.waiting: tuple[object, str, str] | None = None    # (section, account id, row id) to open once shown
        self.soon = QTimer(self, singleShot=True, interval=0)  # syncs ending together make one read
        self.soon.timeout.connect(self.refresh)
        sessions.data_shown.connect(self._data_shown)
        # Also emitted when the user only switches accounts: `known` tells the two apart.
        self.known = self.accounts()
        sessions.accounts_changed.connect(self._accounts_changed)
        for key in SCOPED:
            window.sections.on_built(key, partial(self._attach, key))
        # Go to… finds the other accounts' records in the same read, and opens one after switching to its account.
        window.go_to_others = self.others
        window.record_elsewhere_requested.connect(self.open_record)

    def others(self) -> list[tuple[str, AccountData]]:
        """(name, data) of the accounts other than the current one, as last read; none while there is no read
        (one starts, and the window hears when it lands)."""
        if len(self.known) < 2:
            return []
        if self.latest is None:
            if not self.soon.isActive():
                self.soon.start()
            return []
        current = self.sessions.current_id
        return [(name, data) for name, data in self.latest.accounts if data.account_id != current]

    def open_record(self, account_id: str, kind: str, record_id: str) -> None:
        """A record of another account chosen in Go to… (or a Credits row's invoice in the All-accounts scope): its
        screen, then as a row of an all-accounts list."""
        key = RECORD_SCREENS.get(kind)
        if key is None:
            return
        self.window.select_section(key)
        section = self.window.sections.get(key) if self.window.sections.is_built(key) else None
        if section is not None and hasattr(section, "open_row"):
            self.open_row(section, account_id, record_id)

    def _attach(self, key: str, section) -> None:
        if not hasattr(section, "scope_changed"):
            return
        self.sections[key] = section
        section.scope_changed.connect(partial(self._scope_changed, section))
        if hasattr(section, "row_chosen"):
            section.row_chosen.connect(partial(self.open_row, section))
        if hasattr(section, "record_chosen"):       # a row that opens a record of another screen (Credits' invoice)
            section.record_chosen.connect(self.open_record)
        if key == "dashboard":
            section.navigate.connect(self._dashboard_navigated)
        section.set_scope_available(len(self.known) >= 2)

    def accounts(self) -> list[tuple[str, str]]:
        """(id, name) of every account, in the user's order."""
        return [(a.id, a.name) for a in self.sessions.accounts()]

    def showing_all(self) -> list:
        return [s for s in self.sections.values() if s.scope == ALL]

    def ended(self) -> bool:
        """After quitting the screens are going: a read that lands later has nowhere to go."""
        return self.sessions.shut_down

    def refresh(self) -> None:
        if self.ended():
            return
        self.generation += 1
        generation = self.generation
        accounts = self.accounts()

        def done(everything: AccountsRows) -> None:
            if generation == self.generation and not self.ended():
                self.latest = everything
                for section in self.showing_all():
                    section.show_all(everything)
                self.window.go_to_data_read()

        def failed(error: BaseException) -> None:
            if generation == self.generation and not self.ended():
                for section in self.showing_all():
                    section.show_all_error(translate("AllAccounts", "The saved data of every account could not be "
                                                                    "read: {error}").format(error=error))

        self.sessions.runner.run(lambda: read_everything(accounts), done, failed)

    def stale(self) -> None:
        self.latest = None
        if self.showing_all():
            self.soon.start()

    def _scope_changed(self, section, scope: str) -> None:
        if scope != ALL:
            return
        if self.latest is not None:
            if section.everything is not self.latest:
                section.show_all(self.latest)
        else:
            self.soon.start()

    def _data_shown(self, account_id: str, _data: AccountData) -> None:
        if self.waiting is not None:
            section, waiting_id, row_id = self.waiting
            if waiting_id != self.sessions.current_id:
                self.waiting = None           # the user switched elsewhere meanwhile
            elif account_id == waiting_id:
                self.waiting = None
                section.open_row(row_id)
        self.stale()

    def _accounts_changed(self, *_args) -> None:
        if self.accounts() == self.known:
            return
        self.known = self.accounts()
        self._set_available()
        self.stale()           # names in the Account column, or an account gone

    def _set_available(self) -> None:
        available = len(self.known) >= 2
        for section in self.sections.values():
            section.set_scope_available(available)

    def _dashboard_navigated(self, target: str, filters: dict) -> None:
        """The "This account" dashboard leads to this account's lists, even those it sends no filter (the window
        hands a list its filters only when there are some)."""
        section = self.sections.get(target)
        if section is not None and filters.get("scope") != ALL:
            section.set_scope(ACCOUNT)

    def open_row(self, section, account_id: str, row_id: str) -> None:
        """A row of an all-accounts list: its page belongs to its account, so switch to that account first; its
        data may still be on its way from the cache."""
        session = self.sessions.get(account_id)
        if session is None:
            return
        section.set_scope(ACCOUNT)
        if account_id != self.sessions.current_id:
            self.sessions.select(account_id)
        if session.data is not None:
            self.waiting = None
            section.open_row(row_id)
        else:
            self.waiting = (section, account_id, row_id)


def install(sessions: Sessions, window) -> AllAccounts:
    return AllAccounts(sessions, window)
