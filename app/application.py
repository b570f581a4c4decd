"""Wiring: the accounts, their secrets and caches, the sync controller, the one-off task runner, and the main
window. Views only show; everything they ask for arrives here as a signal and runs off the UI thread.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import paths
from app import settings as keys
from app.accounts import Account, AccountError, AccountStore
from app.api import (
    ApiError,
    AuthRequired,
    BillingDisabled,
    Credentials,
    NetworkError,
    PanelClient,
)
from app.cache import AccountCache, CacheDamaged, CacheError
from app.connectivity import Connectivity
from app.demo import DEMO_ACCOUNT_NAME, DEMO_EMAIL, DemoLogin, DemoPanel
from app.features import cart as cart_feature
from app.features import checkout as checkout_feature
from app.features import invoices as invoice_pages
from app.features import notices as notices_feature
from app.features import overview
from app.features import services as service_pages
from app.logins import PanelLogins
from app.secrets import SecretStore
from app.settings import Settings
from app.snapshot import AccountData, load_account_data
from app.sync import ChangeSet, SyncCancelled, SyncEngine
from app.sync.resources import BILLING_OFF_REASON
from app.tasks import SyncController, TaskRunner
from app.views import theme
from app.views.account_switcher import host_of
from app.views.accounts_dialog import AccountDraft, AddAccountDialog, ManageAccountsDialog, explain
from app.views.login_prompt import LoginPrompt
from app.views.main_window import MainWindow
from app.views.sections import create_sections

log = logging.getLogger(__name__)
GLOBAL = ""   # banners that belong to no account
# Features that add screens' actions (cart, checkout, ...): each module's `install(app)` connects its views'
# signals to work done through `app.call`, so this file stays wiring only.
FEATURES: tuple = (cart_feature, checkout_feature, service_pages, invoice_pages, overview, notices_feature)


def read_cache(account_id: str) -> AccountData:
    """On a worker: everything the screens show of one account, from its cache."""
    with AccountCache(paths.account_cache(account_id)) as cache:
        return load_account_data(account_id, cache)


@dataclass
class Note:
    level: str
    text: str
    action: tuple[str, Callable[[], None]] | None = None


class Application(QObject):
    """The running client. `start()` shows the window; `shutdown()` cancels syncs and waits for the workers."""

    data_shown = Signal(str, object)     # account id, AccountData now on screen
    synced = Signal(str, object)         # account id, ChangeSet: after its changes are on screen
    sync_failed = Signal(str, object)    # account id, the error: after it was shown
    auth_required = Signal(str)          # account id: its login ended; one prompt per account
    demo_failed = Signal(str)

    def __init__(self, *, secrets: SecretStore | None = None, settings: Settings | None = None,
                 theme_name: str | None = None, retry_base: float = 5.0, retry_cap: float = 300.0,
                 request_timeout: float = 15.0, keyring_note: bool = True) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.secrets = secrets or SecretStore()
        self.theme_name = theme_name or self.settings.theme
        self.retry_base, self.retry_cap, self.request_timeout = retry_base, retry_cap, request_timeout
        self.keyring_note = self.secrets.note if keyring_note else None
        self.runner = TaskRunner(parent=self)
        self.logins = PanelLogins(self.runner, timeout=max(request_timeout, 1.0))
        self.sync = SyncController(self._make_job, parent=self)
        self.notes: dict[str, dict[str, Note]] = {GLOBAL: {}}
        self.accounts = self._open_accounts()
        self.window = MainWindow(create_sections())
        self.current_id: str | None = None
        self.data: dict[str, AccountData] = {}
        self.links: dict[str, Connectivity] = {}
        self.billing: dict[str, tuple[bool, str | None]] = {}
        self.last_synced: dict[str, datetime] = {}
        self.needs_login: set[str] = set()
        self._prompted: set[str] = set()
        self._auth_reasons: dict[str, str] = {}     # what the panel said when the login ended
        self.prompt: LoginPrompt | None = None
        self.add_dialog: AddAccountDialog | None = None
        self.manage_dialog: ManageAccountsDialog | None = None
        self._retry_timers: dict[str, QTimer] = {}
        self._loading: dict[str, int] = {}
        self.demo: DemoPanel | None = None
        self._shut_down = False
        self._wire()
        for feature in FEATURES:
            feature.install(self)

    # -- set-up ---------------------------------------------------------------------------------------------------
    def _open_accounts(self) -> AccountStore:
        path = paths.accounts_file()
        try:
            return AccountStore(path)
        except AccountError as exc:
            moved = path.with_name(f"{path.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            path.replace(moved)
            log.error("%s Moved to %s.", exc, moved)
            self.notes[GLOBAL]["accounts"] = Note("error", f"The list of accounts could not be read, so Sett "
                                                  f"started with none; the damaged file was kept as {moved}.")
            return AccountStore(path)

    def _wire(self) -> None:
        w = self.window
        w.sync_requested.connect(self.sync_now)
        w.account_chosen.connect(self.select_account)
        w.add_account_requested.connect(self.open_add_dialog)
        w.manage_accounts_requested.connect(self.open_manage_dialog)
        w.theme_toggle_requested.connect(self.toggle_theme)
        w.section_selected.connect(lambda key: self.settings.set(keys.WINDOW_SECTION, key))
        w.closing.connect(self.save_window)
        self.sync.started.connect(self._sync_started)
        self.sync.progress.connect(self._sync_progress)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_error)
        self.auth_required.connect(self._ask_login)

    def start(self, show: bool = True) -> None:
        if self.keyring_note:
            log.warning("no keyring backend: logins are kept in memory for this run only")
            self.notes[GLOBAL]["keyring"] = Note("info", self.keyring_note)
        accounts = self.accounts.all()
        self.sync.accounts = [a.id for a in accounts]
        last = self.settings.get(keys.LAST_ACCOUNT)
        current = next((a.id for a in accounts if a.id == last), accounts[0].id if accounts else None)
        self.window.restore(self.settings.get(keys.WINDOW_GEOMETRY))
        self.window.current_key = self.settings.get(keys.WINDOW_SECTION)
        self.select_account(current)
        self.sync.set_interval(self.settings.sync_interval_minutes)
        for account in accounts:
            if account.id != current:
                self.sync.sync(account.id)
        if show:
            self.window.show()

    def start_demo(self, demo: DemoPanel) -> None:
        """Start the demo panel on a worker; then add (or replace) the demo account and sync it."""
        self.demo = demo
        self.note(GLOBAL, "demo", "info", "Starting the demo panel with demo data…")
        self.runner.run(demo.start_and_login, self._demo_ready, self._demo_error)

    def _demo_ready(self, login: DemoLogin) -> None:
        self.clear_note(GLOBAL, "demo")
        previous = self.settings.get(keys.DEMO_ACCOUNT)
        for account in self.accounts.all():
            if account.id == previous or (account.panel_url == login.panel_url and account.email == DEMO_EMAIL):
                self._forget_account(account.id)
        account = self.accounts.add(name=DEMO_ACCOUNT_NAME, panel_url=login.panel_url, email=DEMO_EMAIL,
                                    auth_kind="password")
        self.settings.set(keys.DEMO_ACCOUNT, account.id)
        self._adopt(account, login.credentials)

    def _demo_error(self, error: BaseException) -> None:
        log.error("the demo panel did not start: %s", error)
        self.note(GLOBAL, "demo", "error", f"The demo panel did not start: {error}")
        self.demo_failed.emit(str(error))

    # -- accounts -------------------------------------------------------------------------------------------------
    @property
    def current(self) -> Account | None:
        return self.accounts.get(self.current_id) if self.current_id else None

    def select_account(self, account_id: str | None) -> None:
        if account_id is not None and self.accounts.get(account_id) is None:
            account_id = None
        self.current_id = account_id
        self.window.set_accounts(self.accounts.all(), account_id)
        self._show_notes()
        if account_id is None:
            return
        self.settings.set(keys.LAST_ACCOUNT, account_id)
        enabled, reason = self.billing.get(account_id, (True, None))
        self.window.set_billing(enabled, reason, self._panel_name(account_id))
        self.window.show_account_data(self.data.get(account_id) or AccountData(account_id))
        self._show_status()
        if account_id not in self.data:
            self._load(account_id)
        if account_id in self.needs_login:
            self.auth_required.emit(account_id)
        else:
            self.sync.sync(account_id)

    def _adopt(self, account: Account, credentials: Credentials) -> None:
        self.secrets.save(account.id, credentials)
        if account.id not in self.sync.accounts:
            self.sync.accounts.append(account.id)
        self.select_account(account.id)

    def open_add_dialog(self) -> AddAccountDialog:
        if self.add_dialog is not None:
            self.add_dialog.raise_()
            return self.add_dialog
        dialog = AddAccountDialog(self.logins, self.keyring_note, self.window)
        dialog.completed.connect(lambda draft: self._add_account(dialog, draft))
        dialog.finished.connect(lambda _r: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_account(self, dialog: AddAccountDialog, draft: AccountDraft) -> None:
        try:
            account = self.accounts.add(name=draft.name, panel_url=draft.panel_url, email=draft.email,
                                        auth_kind=draft.auth_kind)
        except AccountError as exc:
            dialog.show_error(str(exc))
            return
        log.info("added account %s at %s", account.id, host_of(account.panel_url))
        dialog.accept()
        self._adopt(account, draft.credentials)

    def open_manage_dialog(self) -> ManageAccountsDialog:
        if self.manage_dialog is None:
            dialog = ManageAccountsDialog(self.window)
            dialog.rename_requested.connect(self.rename_account)
            dialog.remove_requested.connect(self.remove_account)
            dialog.finished.connect(lambda _r: setattr(self, "manage_dialog", None))
            self.manage_dialog = dialog
        self.manage_dialog.set_accounts(self.accounts.all(), self.current_id)
        self.manage_dialog.open()
        return self.manage_dialog

    def rename_account(self, account_id: str, name: str) -> None:
        try:
            self.accounts.rename(account_id, name)
        except AccountError as exc:
            if self.manage_dialog is not None:
                self.manage_dialog.show_error(str(exc))
            return
        self.window.set_accounts(self.accounts.all(), self.current_id)
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(self.accounts.all(), account_id)

    def remove_account(self, account_id: str) -> None:
        account = self.accounts.get(account_id)
        if account is None:
            return
        credentials = self.secrets.load(account_id)
        self._forget_account(account_id)
        if credentials is not None and credentials.kind == "tokens":
            self.runner.run(lambda: self._logout(account.panel_url, credentials), None,
                            lambda e: log.info("logging out of a removed account failed: %s", e))
        remaining = self.accounts.all()
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(remaining)
        if self.current_id == account_id or self.current_id is None:
            self.select_account(remaining[0].id if remaining else None)
        else:
            self.window.set_accounts(remaining, self.current_id)

    def _logout(self, url: str, credentials: Credentials) -> None:
        with PanelClient(url, credentials, timeout=5, max_retries=0) as client:
            client.logout()

    def _forget_account(self, account_id: str) -> None:
        """Everything Sett holds for an account goes: the sync, the secret, the list entry, the cached data."""
        self.sync.forget(account_id)
        if account_id in self.sync.accounts:
            self.sync.accounts.remove(account_id)
        timer = self._retry_timers.pop(account_id, None)
        if timer is not None:
            timer.stop()
        self.secrets.delete(account_id)
        self.accounts.remove(account_id)
        for store in (self.data, self.links, self.billing, self.last_synced, self.notes):
            store.pop(account_id, None)
        self.needs_login.discard(account_id)
        self._prompted.discard(account_id)
        folder = paths.account_cache(account_id).parent
        shutil.rmtree(folder, ignore_errors=True)
        log.info("removed account %s", account_id)

    # -- syncing --------------------------------------------------------------------------------------------------
    def open_client(self, account_id: str) -> PanelClient:
        """On a worker: a client with the account's saved login; tokens a refresh rotates are saved back."""
        account = self.accounts.get(account_id)
        if account is None:
            raise SyncCancelled()
        credentials = self.secrets.load(account_id)
        if credentials is None:
            raise AuthRequired("Sett has no saved login for this account; sign in again.")
        return PanelClient(account.panel_url, credentials, timeout=self.request_timeout, max_retries=2,
                           on_credentials=lambda new: self.secrets.save(account_id, new))

    def is_online(self, account_id: str | None) -> bool | None:
        """False when the panel cannot be asked now (offline, or signed out); None while not known yet."""
        if account_id is None or account_id in self.needs_login:
            return False
        link = self.links.get(account_id)
        if link is None:
            return None
        return False if link.offline else (True if link.online else None)

    def call(self, account_id: str, work: Callable[[PanelClient], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> int:
        """One-off panel call for an account (apply a coupon, start a checkout): `work(client)` runs on the task
        runner; a login that ended raises the one login prompt before `on_error` hears of it."""
        def run() -> Any:
            with self.open_client(account_id) as client:
                return work(client)

        def failed(error: BaseException) -> None:
            if isinstance(error, AuthRequired):
                self._sync_error(account_id, error)   # the same banner and single prompt as a sync's
            on_error(error)
        return self.runner.run(run, on_done, failed)

    def _make_job(self, account_id: str):
        cache_path = paths.account_cache(account_id)

        def job(progress, cancelled) -> ChangeSet:
            with self.open_client(account_id) as client, AccountCache(cache_path) as cache:
                return SyncEngine(client, cache).run(progress=progress, cancelled=cancelled)
        return job

    def sync_now(self) -> None:
        account_id = self.current_id
        if account_id is None:
            return
        if account_id in self.needs_login:
            self._prompted.discard(account_id)   # the user asked: ask them again
            self.auth_required.emit(account_id)
            return
        self.sync.sync(account_id)

    def _link(self, account_id: str) -> Connectivity:
        link = self.links.get(account_id)
        if link is None:
            link = self.links[account_id] = Connectivity(self.retry_base, self.retry_cap)
        return link

    def _sync_started(self, account_id: str) -> None:
        if account_id == self.current_id:
            self.window.status.start_progress()

    def _sync_progress(self, account_id: str, done: int, total: int, label: str) -> None:
        if account_id == self.current_id:
            self.window.status.set_progress(done, total, label)

    def _sync_finished(self, account_id: str, changes: ChangeSet) -> None:
        if self.accounts.get(account_id) is None:
            return
        log.info("synced %s: %d requests, changed %s", account_id, changes.requests,
                 ", ".join(sorted(changes.resources)) or "nothing")
        if self._link(account_id).reached():
            self.note(account_id, "offline", "success", "Back online: the panel is reachable again.")
        else:
            self.clear_note(account_id, "offline")
        for key in ("sync", "cache"):
            self.clear_note(account_id, key)
        self.last_synced[account_id] = datetime.now(UTC)
        self.billing[account_id] = (changes.billing_enabled, changes.billing_reason)
        if account_id == self.current_id:
            self.window.set_billing(changes.billing_enabled, changes.billing_reason, self._panel_name(account_id))
        if changes.resources or account_id not in self.data:
            self._load(account_id, set(changes.resources), after_sync=changes)
        else:
            self.synced.emit(account_id, changes)
        self._show_status()

    def _sync_error(self, account_id: str, error: BaseException) -> None:
        account = self.accounts.get(account_id)
        if account is None or isinstance(error, SyncCancelled):
            return
        if isinstance(error, NetworkError):
            link = self._link(account_id)
            started = link.unreachable(str(error))
            delay = link.retry_in()
            (log.warning if started else log.info)("%s is offline: %s (next try in %.0f s)", account_id, error,
                                                   delay)
            self.note(account_id, "offline", "warning",
                      f"Offline: {error} Sett shows the data saved on this computer and reconnects by itself.")
            self._schedule_retry(account_id, delay)
        elif isinstance(error, AuthRequired):
            log.warning("the login of account %s ended: %s", account_id, error)
            self._link(account_id).reached()
            self.needs_login.add(account_id)
            self._auth_reasons[account_id] = str(error)
            if account_id in self.sync.accounts:
                self.sync.accounts.remove(account_id)
            self.note(account_id, "login", "warning", f"You are signed out of {account.name}. {error}",
                      ("Sign in", lambda: self._ask_login(account_id, force=True)))
            self.auth_required.emit(account_id)
        elif isinstance(error, CacheDamaged):
            log.error("cache of account %s: %s", account_id, error)
            self.note(account_id, "cache", "error", str(error), ("Rebuild", lambda: self.rebuild_cache(account_id)))
        elif isinstance(error, CacheError):
            log.error("cache of account %s: %s", account_id, error)
            self.note(account_id, "cache", "error", str(error))
        elif isinstance(error, BillingDisabled):
            self.billing[account_id] = (False, BILLING_OFF_REASON)
            if account_id == self.current_id:
                self.window.set_billing(False, BILLING_OFF_REASON, self._panel_name(account_id))
        elif isinstance(error, ApiError):
            self._link(account_id).reached()
            headline, detail = explain(error)
            log.error("sync of account %s failed: %r", account_id, error)
            self.note(account_id, "sync", "error", f"Sync with {host_of(account.panel_url)} failed. {headline}"
                      + (f" {detail}" if detail and detail != headline else ""))
        else:
            log.error("sync of account %s failed unexpectedly", account_id, exc_info=error)
            self.note(account_id, "sync", "error", f"Sync failed unexpectedly: {error}. Details are in the log.")
        self._show_status()
        self.sync_failed.emit(account_id, error)

    def _schedule_retry(self, account_id: str, delay: float) -> None:
        timer = self._retry_timers.get(account_id)
        if timer is None:
            timer = self._retry_timers[account_id] = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._retry(account_id))
        timer.start(int(delay * 1000))

    def _retry(self, account_id: str) -> None:
        if self.accounts.get(account_id) is not None and self._link(account_id).offline and not self._shut_down:
            self.sync.sync(account_id)

    # -- the cache ------------------------------------------------------------------------------------------------
    def _load(self, account_id: str, changed: set[str] | None = None, after_sync: ChangeSet | None = None) -> None:
        generation = self._loading[account_id] = self._loading.get(account_id, 0) + 1

        def done(data: AccountData) -> None:
            if self._loading.get(account_id) != generation or self.accounts.get(account_id) is None:
                return
            first = account_id not in self.data
            self.data[account_id] = data
            if account_id not in self.billing:
                self.billing[account_id] = (data.billing_enabled, None if data.billing_enabled else BILLING_OFF_REASON)
            if account_id == self.current_id:
                enabled, reason = self.billing[account_id]
                self.window.set_billing(enabled, reason, self._panel_name(account_id))
                self.window.show_account_data(data, None if first else changed)
                self._show_status()
            self.data_shown.emit(account_id, data)
            if after_sync is not None:
                self.synced.emit(account_id, after_sync)

        def failed(error: BaseException) -> None:
            if self._loading.get(account_id) != generation:
                return
            self._sync_error(account_id, error)

        self.runner.run(lambda: read_cache(account_id), done, failed)

    def rebuild_cache(self, account_id: str) -> None:
        path = paths.account_cache(account_id)

        def work() -> Path | None:
            cache = AccountCache.rebuild(path)
            cache.close()
            return cache.damaged_copy

        def done(moved: Path | None) -> None:
            log.info("rebuilt the cache of %s; the damaged file is kept at %s", account_id, moved)
            self.clear_note(account_id, "cache")
            self.data.pop(account_id, None)
            self.sync.sync(account_id)

        self.runner.run(work, done, lambda e: self._sync_error(account_id, e))

    # -- logging in again -----------------------------------------------------------------------------------------
    def _ask_login(self, account_id: str, force: bool = False) -> None:
        account = self.accounts.get(account_id)
        if account is None or account_id != self.current_id or self._shut_down:
            return
        if self.prompt is not None or (account_id in self._prompted and not force):
            return
        self._prompted.add(account_id)
        prompt = LoginPrompt(account, self.logins, self._auth_reasons.get(account_id, ""), self.keyring_note,
                             self.window)
        prompt.signed_in.connect(self._signed_in)
        prompt.finished.connect(lambda _r: setattr(self, "prompt", None))
        self.prompt = prompt
        prompt.open()

    def _signed_in(self, account_id: str, credentials: Credentials) -> None:
        if self.accounts.get(account_id) is None:
            return
        self.secrets.save(account_id, credentials)
        self.needs_login.discard(account_id)
        self._prompted.discard(account_id)
        self.clear_note(account_id, "login")
        if account_id not in self.sync.accounts:
            self.sync.accounts.append(account_id)
        self.sync.sync(account_id)

    # -- what the window shows ------------------------------------------------------------------------------------
    def note(self, account_id: str, key: str, level: str, text: str,
             action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.notes.setdefault(account_id, {})[key] = Note(level, text, action)
        if account_id in (GLOBAL, self.current_id):
            self.window.show_banner(f"{account_id}:{key}", level, text, action)

    def clear_note(self, account_id: str, key: str) -> None:
        self.notes.get(account_id, {}).pop(key, None)
        self.window.clear_banner(f"{account_id}:{key}")

    def _show_notes(self) -> None:
        self.window.clear_banners("")
        for account_id in [GLOBAL] + ([self.current_id] if self.current_id else []):
            for key, note in self.notes.get(account_id, {}).items():
                self.window.show_banner(f"{account_id}:{key}", note.level, note.text, note.action)

    def _show_status(self) -> None:
        account_id = self.current_id
        status = self.window.status
        if account_id is None:
            status.set_connection("none")
            return
        link = self._link(account_id)
        if account_id in self.needs_login:
            status.set_connection("signed_out", "sign in to sync")
        elif "cache" in self.notes.get(account_id, {}):
            status.set_connection("error", "the data saved on this computer needs attention")
        elif link.offline:
            status.set_connection("offline", f"{host_of(self.current.panel_url)} cannot be reached; "
                                             "showing saved data")
        elif link.online:
            status.set_connection("online", host_of(self.current.panel_url))
        else:
            status.set_connection("unknown", host_of(self.current.panel_url))
        if not self.sync.is_running(account_id):
            status.finish_progress()
        status.set_last_synced(self.last_synced.get(account_id) or self._cached_sync_time(account_id))

    def _cached_sync_time(self, account_id: str) -> datetime | None:
        data = self.data.get(account_id)
        if data is None or not data.last_synced_at:
            return None
        try:
            return datetime.fromisoformat(data.last_synced_at.replace("Z", "+00:00"))
        except ValueError:
            return None

    def _panel_name(self, account_id: str) -> str | None:
        data = self.data.get(account_id)
        name = (data.public_settings or {}).get("panel_name") if data else None
        account = self.accounts.get(account_id)
        return name or (host_of(account.panel_url) if account else None)

    def toggle_theme(self) -> None:
        app = QApplication.instance()
        self.theme_name = "light" if theme.current(app) == "dark" else "dark"
        theme.apply_theme(app, self.theme_name)
        self.settings.set(keys.THEME, self.theme_name)
        self.window.refresh_icons()

    # -- the end --------------------------------------------------------------------------------------------------
    def save_window(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, self.window.saveGeometry())
        self.settings.sync()

    def shutdown(self) -> None:
        """On quit: stop timers, cancel syncs, wait for every worker, stop the demo panel."""
        if self._shut_down:
            return
        self._shut_down = True
        for timer in self._retry_timers.values():
            timer.stop()
        self.sync.shutdown()
        self.runner.wait()
        self.runner.forget_all()
        for dialog in (self.prompt, self.add_dialog, self.manage_dialog):
            if dialog is not None:
                dialog.reject()
        self.settings.sync()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
