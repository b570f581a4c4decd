"""`Sessions`: every account's `AccountSession`, which one is current, adding and removing accounts (in one place,
so nothing is left behind), the sync controller they share, and the one login prompt.

Features and screens get this object, never the whole application. Its signals carry an account id so a screen
that shows one account can ignore the others; `changed` is the one a screen redraws on.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app import paths
from app import settings as keys
from app.api.cancel import Cancelled, cancel_all
from app.core.account_data import AccountData
from app.core.changes import ChangeSet
from app.core.text import translate
from app.secrets import SecretStore
from app.settings import Settings
from app.tasks import QUIT_WAIT_MS, SyncController, TaskRunner

from .account import AccountSession
from .accounts import Account, AccountError, AccountStore
from .after_paint import after_paint
from .logins import PanelLogins
from .notes import GLOBAL, Note
from .outbox import Outbox
from .probe import Prober

if TYPE_CHECKING:
    from app.api import Credentials

log = logging.getLogger("app.session")


class Sessions(QObject):
    changed = Signal(str, object)          # account id, ChangeSet: its data is in `session.data` (any cause)
    data_shown = Signal(str, object)       # account id, AccountData after every read (kept for listeners)
    synced = Signal(str, object)           # account id, ChangeSet of a sync: after its changes are on screen
    sync_failed = Signal(str, object)      # account id, the error: after the session took it in
    auth_required = Signal(str)            # account id: its login ended
    accounts_changed = Signal()            # added, renamed, removed, or another one is current
    current_changed = Signal(object)       # account id or None
    notes_changed = Signal(str)            # account id, or GLOBAL
    status_changed = Signal(str)           # account id

    def __init__(self, settings: Settings, secrets: SecretStore, *, retry_base: float = 5.0,
                 retry_cap: float = 300.0, request_timeout: float = 15.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings, self.secrets = settings, secrets
        self.retry_base, self.retry_cap, self.request_timeout = retry_base, retry_cap, request_timeout
        self.runner = TaskRunner(parent=self)          # reads of caches, logins, the keyring: not one account's
        self.logins = PanelLogins(self.runner, timeout=max(request_timeout, 1.0))
        self.sync = SyncController(self._sync_job, parent=self)
        self.sync.started.connect(lambda aid: self.status_changed.emit(aid))
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)
        self.global_notes: dict[str, Note] = {}
        self.store = self._open_store()
        self._sessions: dict[str, AccountSession] = {}
        self.current_id: str | None = None
        self.prompt_factory: Callable[[AccountSession], QObject] | None = None   # the shell's login dialog
        self.prompt: QObject | None = None
        self._prompt_for: str | None = None       # the account the open prompt asks for
        self._prompted: set[str] = set()
        self.shut_down = False
        self._after_start: list[Callable[[], None]] | None = []    # None once the saved data was painted
        self.starting = False     # from `read_ahead`/`start` until the current account's saved data is painted
        self.prober = Prober(self)            # notices a panel going or coming back within seconds
        self.outbox = Outbox(self)            # what waits for each account's panel, replayed after its syncs
        for account in self.store.all():
            self._open(account)

    # -- the map ------------------------------------------------------------------------------------------------
    def _open_store(self) -> AccountStore:
        path = paths.accounts_file()
        try:
            return AccountStore(path)
        except AccountError as exc:
            moved = path.with_name(f"{path.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            path.replace(moved)
            log.error("%s Moved to %s.", exc, moved)
            self.global_notes["accounts"] = Note("error", translate("Sessions", "The list of accounts could not be "
                                                                    "read, so Sett started with none; the damaged file "
                                                                    "was kept as {path}.").format(path=moved))
            return AccountStore(path)

    def _open(self, account: Account) -> AccountSession:
        session = AccountSession(account, self)
        aid = account.id
        session.changed.connect(lambda changes: self._session_changed(aid, changes))
        session.sync_failed.connect(lambda error: self.sync_failed.emit(aid, error))
        session.notes_changed.connect(lambda: self.notes_changed.emit(aid))
        session.status_changed.connect(lambda: self.status_changed.emit(aid))
        self._sessions[aid] = session
        self.sync.accounts.append(aid)
        return session

    def get(self, account_id: str | None) -> AccountSession | None:
        return self._sessions.get(account_id) if account_id else None

    @property
    def current(self) -> AccountSession | None:
        return self.get(self.current_id)

    def all(self) -> list[AccountSession]:
        """Every account's session, in the user's order."""
        return [self._sessions[a.id] for a in self.store.all() if a.id in self._sessions]

    def accounts(self) -> list[Account]:
        return self.store.all()

    def data(self, account_id: str | None) -> AccountData | None:
        session = self.get(account_id)
        return session.data if session else None

    def is_online(self, account_id: str | None) -> bool | None:
        session = self.get(account_id)
        return False if session is None else session.online

    def _session_changed(self, account_id: str, changes: ChangeSet) -> None:
        session = self._sessions.get(account_id)
        if session is None or session.data is None:
            return
        self.changed.emit(account_id, changes)           # the screens draw first
        self.data_shown.emit(account_id, session.data)   # then what waits for the data to be on screen
        if changes.source == "sync":
            self.synced.emit(account_id, changes)

    # -- starting -----------------------------------------------------------------------------------------------
    def _first_current(self) -> str | None:
        """The account a start shows: the one shown last, else the first."""
        last = self.settings.get(keys.LAST_ACCOUNT)
        accounts = self.store.all()
        return next((a.id for a in accounts if a.id == last), accounts[0].id if accounts else None)

    def read_ahead(self) -> None:
        """Before `start`: read the saved data of the account it will show, on the worker, while the window is
        still being built (the start then takes this read instead of starting one). Syncs wait from now on."""
        self.sync.hold()
        session = self.get(self._first_current())
        if session is not None and session.data is None and not session.reading:
            self.starting = True
            session.reload()

    def start(self) -> None:
        """Syncs wait until the current account's saved data is on screen (released by its first read)."""
        self.sync.hold()
        accounts = self.store.all()
        current = self._first_current()
        self.starting = current is not None
        self.select(current)
        session = self.current
        if session is not None and session.data is not None and not session.reading:
            after_paint(self, self.release_syncs)    # read ahead, and already on screen: nothing else releases
        self.sync.set_interval_seconds(self.settings.poll_seconds)   # a poll costs one request when nothing changed
        self.prober.start()
        for account in accounts:
            if account.id != current:
                self.sync.sync(account.id)
        if current is None:
            self.release_syncs()

    def release_syncs(self) -> None:
        """The current account's saved data is on the screen (or could not be read): the syncs held since `start`
        begin, and what waited for this with `when_started` runs."""
        self.sync.release()
        self.starting = False
        waiting, self._after_start = self._after_start, None
        for fn in waiting or []:
            fn()

    def when_started(self, fn: Callable[[], None]) -> None:
        """`fn()` once the start is over (the current account's saved data painted): work a start does not need
        for its first paint, such as reading every account's outbox, waits for this instead of competing with it.
        At once if the start is over."""
        if self._after_start is None:
            fn()
        else:
            self._after_start.append(fn)

    def select(self, account_id: str | None) -> None:
        if account_id is not None and account_id not in self._sessions:
            account_id = None
        self.current_id = account_id
        self.current_changed.emit(account_id)
        self.accounts_changed.emit()
        session = self.current
        if session is None:
            return
        self.settings.set(keys.LAST_ACCOUNT, account_id)
        if session.data is None and not session.reading:
            session.reload()
        if session.needs_login:
            self.auth_required.emit(session.id)
        else:
            session.sync()

    def sync_current(self) -> None:
        session = self.current
        if session is None:
            return
        if session.needs_login:
            self._prompted.discard(session.id)   # the user asked: ask them again
            self.auth_required.emit(session.id)
            return
        session.sync()

    # -- adding and removing --------------------------------------------------------------------------------------
    def add(self, *, name: str, panel_url: str, email: str, auth_kind: str, credentials: Credentials) -> Account:
        """A new account with its login (AccountError when it cannot be added: nothing is kept then)."""
        account = self.store.add(name=name, panel_url=panel_url, email=email, auth_kind=auth_kind)
        log.info("added account %s", account.id)
        self.secrets.save(account.id, credentials)
        self._open(account)
        self.select(account.id)
        return account

    def rename(self, account_id: str, name: str) -> Account:
        account = self.store.rename(account_id, name)
        session = self._sessions.get(account_id)
        if session is not None:
            session.account = account
        self.accounts_changed.emit()
        return account

    def remove(self, account_id: str) -> None:
        """Everything Sett holds for an account goes: its session, sync, login (ended at the panel too), list entry
        and cached data; another account becomes current if it was."""
        session = self._sessions.get(account_id)
        if session is None:
            return
        credentials = self.secrets.load(account_id)
        self.forget(account_id)
        self._log_out_at_panel(session, credentials)
        if self.current_id == account_id or self.current_id is None:
            remaining = self.store.all()
            self.select(remaining[0].id if remaining else None)
        else:
            self.accounts_changed.emit()

    def sign_out(self, account_id: str) -> None:
        """The user signs out of one account and keeps it: the login ends at the panel and leaves the keyring, syncs
        stop, and the saved data stays readable until they sign in again (no prompt pops up: they asked for this)."""
        session = self._sessions.get(account_id)
        if session is None or session.needs_login:
            return
        credentials = self.secrets.load(account_id)
        self.secrets.delete(account_id)
        self._log_out_at_panel(session, credentials)
        self._prompted.add(account_id)
        session.sign_out()
        log.info("signed out of account %s", account_id)

    def _log_out_at_panel(self, session: AccountSession, credentials: Credentials | None) -> None:
        """A password login's tokens end at the panel too, on the runner (an API key is the user's to revoke)."""
        if credentials is not None and credentials.kind == "tokens":
            url, account_id = session.account.panel_url, session.id
            self.runner.run(lambda: _logout(url, credentials), None,
                            lambda e: log.info("logging out of %s at the panel failed: %s", account_id, e))

    def forget(self, account_id: str) -> None:
        session = self._sessions.pop(account_id, None)
        if session is not None:
            session.removed = True
            session.close()
            session.deleteLater()
        if account_id in self.sync.accounts:
            self.sync.accounts.remove(account_id)
        self.secrets.delete(account_id)
        self.store.remove(account_id)
        self._prompted.discard(account_id)
        if self.prompt is not None and self._prompt_for == account_id:
            # A password asked for an account that is gone (a demo restart replaces the last run's) can sign nothing in.
            self.prompt.reject()
        # On the account's own worker, after whatever it (and its local lane) was asked to do before: nothing of it
        # can write the cache again after, nor save a login a refresh rotated while it ran (the secret is deleted
        # there once more). What comes after on either lane refuses to start, the session being removed.
        secrets = self.secrets
        self.sync.run(account_id, lambda: (_remove_cache(account_id), secrets.delete(account_id)))
        log.info("removed account %s", account_id)

    # -- the one login prompt -------------------------------------------------------------------------------------
    def ask_login(self, account_id: str, force: bool = False) -> None:
        session = self.get(account_id)
        if session is None or account_id != self.current_id or self.shut_down or self.prompt_factory is None:
            return
        if self.prompt is not None or (account_id in self._prompted and not force):
            return
        self._prompted.add(account_id)
        prompt = self.prompt_factory(session)
        prompt.signed_in.connect(self.signed_in)
        prompt.finished.connect(lambda _r: setattr(self, "prompt", None))
        self.prompt = prompt
        self._prompt_for = account_id
        prompt.open()

    def signed_in(self, account_id: str, credentials: Credentials) -> None:
        session = self.get(account_id)
        if session is None:
            return
        self.secrets.save(account_id, credentials)
        self._prompted.discard(account_id)
        session.signed_in()

    # -- notes that belong to no account ----------------------------------------------------------------------------
    def note(self, key: str, level: str, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.global_notes[key] = Note(level, text, action)
        self.notes_changed.emit(GLOBAL)

    def clear_note(self, key: str) -> None:
        if self.global_notes.pop(key, None) is not None:
            self.notes_changed.emit(GLOBAL)

    # -- syncs ----------------------------------------------------------------------------------------------------
    def _sync_job(self, account_id: str):
        session = self._sessions.get(account_id)

        def job(progress, cancellation) -> ChangeSet:
            # On the worker: the sync engine, the client (requests) and the cache's store load with the first sync.
            from app.cache import open_account_cache
            from app.sync import SyncCancelled, SyncEngine

            if session is None or session.closed:
                raise SyncCancelled()
            wait = session.asked_to_wait()
            if wait > 0:
                # The panel's Retry-After is not over: not asked at all (the note says how long is left).
                from app.api import RateLimited
                raise RateLimited(translate("Sessions", "The panel asked Sett to wait before syncing again."),
                                  retry_after=wait)
            with session.open_client(cancellation) as client, open_account_cache(account_id) as cache:
                return SyncEngine(client, cache).run(progress=progress, cancellation=cancellation)
        return job

    def _sync_finished(self, account_id: str, changes: ChangeSet) -> None:
        session = self._sessions.get(account_id)
        if session is not None and not session.closed:
            session.sync_finished(changes)

    def _sync_failed(self, account_id: str, error: BaseException) -> None:
        session = self._sessions.get(account_id)
        if session is not None:
            session.took_error(error)
            if isinstance(error, Cancelled):
                self.status_changed.emit(account_id)    # an abandoned sync: "Syncing…" ends without a word

    # -- the end --------------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel syncs and operations (their requests are abandoned at once), wait a little for the workers."""
        if self.shut_down:
            return
        self.shut_down = True
        for session in self._sessions.values():
            session.close()
        # Both at once, in one bounded wait: every request in flight is abandoned together, and a cache write under
        # way gets one short wait before it is interrupted (it rolls back). The pools get what is left of QUIT_WAIT.
        deadline = time.monotonic() + QUIT_WAIT_MS / 1000
        self.sync.stop_timer()
        self.prober.stop()
        cancel_all(self.sync.cancellation, self.runner.cancellation)
        left = lambda: max(0, int((deadline - time.monotonic()) * 1000))  # noqa: E731
        self.sync.shutdown(left())
        self.runner.shutdown(left())
        self.prober.runner.wait(left())
        if self.prompt is not None:
            self.prompt.reject()


def _remove_cache(account_id: str) -> None:
    from app.cache import remove_account_cache

    remove_account_cache(account_id)


def _logout(url: str, credentials: Credentials) -> None:
    from app.api import PanelClient

    with PanelClient(url, credentials, timeout=5, max_retries=0) as client:
        client.logout()
