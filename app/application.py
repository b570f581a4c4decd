"""Wiring: the accounts, their secrets and caches, the sync controller, the one-off task runner, and the main
window. Views only show; everything they ask for arrives here as a signal and runs off the UI thread.

The Application's work is in its parts (app/wiring/): account actions and sign-in prompts, the sync's results and
retries, cached data onto the screens, and the notes and status line. This module builds and starts them.
"""
from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import settings as keys
from app.connectivity import Connectivity
from app.demo import DemoLogin, DemoPanel
from app.features import cart as cart_feature
from app.features import checkout as checkout_feature
from app.features import invoices as invoice_pages
from app.features import notices as notices_feature
from app.features import overview
from app.features import services as service_pages
from app.logins import PanelLogins
from app.secrets import SecretStore
from app.settings import Settings
from app.snapshot import AccountData
from app.tasks import SyncController, TaskRunner
from app.views import theme
from app.views.add_account_dialog import AddAccountDialog
from app.views.login_prompt import LoginPrompt
from app.views.main_window import MainWindow
from app.views.manage_accounts_dialog import ManageAccountsDialog
from app.views.sections import create_sections
from app.wiring.account_actions import AccountActions
from app.wiring.cached_data import CachedData
from app.wiring.status_notes import GLOBAL, Note, StatusNotes
from app.wiring.syncing import SyncWiring

__all__ = ["FEATURES", "GLOBAL", "Application", "Note"]

log = logging.getLogger(__name__)
# Features that add screens' actions (cart, checkout, ...): each module's `install(app)` connects its views'
# signals to work done through `app.call`, so this file stays wiring only.
FEATURES: tuple = (cart_feature, checkout_feature, service_pages, invoice_pages, overview, notices_feature)


class Application(AccountActions, SyncWiring, CachedData, StatusNotes, QObject):
    """The running client. `start()` shows the window; `shutdown()` cancels syncs and waits for the workers."""

    data_shown = Signal(str, object)     # account id, AccountData now on screen
    synced = Signal(str, object)         # account id, ChangeSet: after its changes are on screen
    sync_failed = Signal(str, object)    # account id, the error: after it was shown
    auth_required = Signal(str)          # account id: its login ended; one prompt per account
    demo_failed = Signal(str)
    accounts_changed = Signal()          # an account was added, renamed or removed, or another one is current

    def __init__(self, *, secrets: SecretStore | None = None, settings: Settings | None = None,
                 theme_name: str | None = None, retry_base: float = 5.0, retry_cap: float = 300.0,
                 request_timeout: float = 15.0, keyring_note: bool = True) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.secrets = secrets or SecretStore()
        self.theme_name = theme_name or self.settings.theme
        self.retry_base, self.retry_cap, self.request_timeout = retry_base, retry_cap, request_timeout
        self.keyring_note: str | None = None      # set once the keyring is known to be missing (see start)
        self._check_keyring = keyring_note
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
        if self._check_keyring:
            # Knowing whether a keyring exists means importing keyring and asking the system (~50 ms): done on a
            # worker, so the window and the saved data are painted without waiting for it.
            self.runner.run(lambda: self.secrets.note, self._keyring_checked)
        accounts = self.accounts.all()
        # The network waits until the saved data is on screen: syncs starting now (importing requests, opening
        # caches, on 2 cores) would compete with the first paint and show nothing sooner. Released by the first
        # read of a cache, whether it succeeds or fails (see CachedData._load).
        self.sync.hold()
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
        if current is None:
            self.sync.release()
        if show:
            self.window.show()

    def _keyring_checked(self, note: str | None) -> None:
        if note and not self._shut_down:
            log.warning("no keyring backend: logins are kept in memory for this run only")
            self.keyring_note = note
            self.note(GLOBAL, "keyring", "info", note)

    def start_demo(self, demo: DemoPanel) -> None:
        """Start the demo panel on a worker; then add (or replace) the demo account and sync it."""
        self.demo = demo
        self.note(GLOBAL, "demo", "info", "Starting the demo panel with demo data…")
        self.runner.run(demo.start_and_login, self._demo_ready, self._demo_error)

    def _demo_ready(self, logins: list[DemoLogin]) -> None:
        """The demo's accounts replace those of an earlier demo run; the first is shown, the others sync too."""
        self.clear_note(GLOBAL, "demo")
        previous = set(filter(None, self.settings.get(keys.DEMO_ACCOUNT).split(",")))
        emails = {login.email for login in logins}
        for account in self.accounts.all():
            if account.id in previous or (account.panel_url == logins[0].panel_url and account.email in emails):
                self._forget_account(account.id)
        added = [(self.accounts.add(name=login.name, panel_url=login.panel_url, email=login.email,
                                    auth_kind="password"), login) for login in logins]
        self.settings.set(keys.DEMO_ACCOUNT, ",".join(account.id for account, _login in added))
        for account, login in reversed(added):        # the first one last: it is the one left on screen
            self._adopt(account, login.credentials)

    def _demo_error(self, error: BaseException) -> None:
        log.error("the demo panel did not start: %s", error)
        self.note(GLOBAL, "demo", "error", f"The demo panel did not start: {error}")
        self.demo_failed.emit(str(error))

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
        """On quit: stop timers, cancel syncs and one-off calls (their requests are abandoned at once), wait a
        little for the workers, stop the demo panel. A sync left running writes nothing (see tasks.py)."""
        if self._shut_down:
            return
        self._shut_down = True
        for timer in self._retry_timers.values():
            timer.stop()
        self.sync.cancel()     # both before any wait: every request in flight is abandoned together
        self.runner.cancel()
        self.sync.shutdown()
        self.runner.shutdown()
        for dialog in (self.prompt, self.add_dialog, self.manage_dialog):
            if dialog is not None:
                dialog.reject()
        self.settings.sync()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
