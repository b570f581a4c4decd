"""Wiring: the sessions (every account, its panel and cache), the main window, and the parts that connect them:
the screens following the sessions, banners and the status line, the account dialogs, and the features that turn
what the screens ask for into operations. Each part is an object of its own; this module builds and starts them.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from app import settings as keys
from app.core.account_data import AccountData
from app.core.text import translate
from app.features import billing_profile as billing_profile_feature
from app.features import cart as cart_feature
from app.features import checkout as checkout_feature
from app.features import exports as exports_feature
from app.features import invoices as invoice_pages
from app.features import notices as notices_feature
from app.features import orders as orders_feature
from app.features import outbox as outbox_feature
from app.features import overview
from app.features import services as service_pages
from app.features import support as support_pages
from app.secrets import SecretStore
from app.session import GLOBAL, Note, Sessions
from app.settings import Settings
from app.shell import tray as tray_shell
from app.shell.account_dialogs import AccountDialogs
from app.shell.link_opener import LinkOpener
from app.shell.menu_actions import MenuActions
from app.shell.preferences import Preferences
from app.shell.screens import Screens
from app.shell.status_notes import StatusNotes
from app.shell.table_sorts import TableSorts
from app.views import theme
from app.views.main_window import MainWindow
from app.views.sections import screens

if TYPE_CHECKING:   # the demo (and the panel's launcher it brings) loads only with --demo
    from app.shell.demo import DemoLogin, DemoPanel

__all__ = ["GLOBAL", "Application", "Note"]

log = logging.getLogger(__name__)


class Application(QObject):
    """The running client. `start()` shows the window; `shutdown()` cancels syncs and waits for the workers."""

    demo_failed = Signal(str)

    def __init__(self, *, secrets: SecretStore | None = None, settings: Settings | None = None,
                 theme_name: str | None = None, retry_base: float = 5.0, retry_cap: float = 300.0,
                 request_timeout: float = 15.0, keyring_note: bool = True, read_ahead: bool = False) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.secrets = secrets or SecretStore()
        self.theme_name = theme_name or self.settings.theme
        self.keyring_note: str | None = None      # set once the keyring is known to be missing (see start)
        self._check_keyring = keyring_note
        self.sessions = Sessions(self.settings, self.secrets, retry_base=retry_base, retry_cap=retry_cap,
                                 request_timeout=request_timeout, parent=self)
        if read_ahead:    # the caller starts at once (main): the saved data is read while the window is built
            self.sessions.read_ahead()
        self.window = MainWindow(screens())   # each screen built (and its module loaded) when first shown
        self.screens = Screens(self.sessions, self.window)
        self.status_notes = StatusNotes(self.sessions, self.window)
        self.dialogs = AccountDialogs(self.sessions, self.window, lambda: self.keyring_note)
        self.demo: DemoPanel | None = None
        self._shut_down = False
        self._wire()
        self.features = self._install_features()
        self.links = LinkOpener(self.sessions, self.window)    # sett:// links, from the command line or a 2nd start
        self.table_sorts = TableSorts(self.settings, self.window)   # each list opens sorted as the user left it
        self.menu_actions = MenuActions(self.sessions, self.window, self.features["orders"]["pay_all_due"].pay_all)
        self.preferences = Preferences(self.sessions, self.window, self.set_theme,
                                       lambda: self.notices.refresh() if self.notices is not None else None,
                                       restart=self.restart)
        self.restart_requested = False    # main() starts Sett again once this one has shut down
        self.notifier, self.tray_menu = tray_shell.install(
            self.sessions, self.window, self.notices, bring_to_front=self.links.bring_to_front,
            pay_due=self.menu_actions.pay_due)
        hints = QApplication.styleHints()
        if hints is not None:       # "system" follows the desktop's light/dark switch while Sett runs
            hints.colorSchemeChanged.connect(self._system_scheme_changed)

    def _install_features(self) -> dict:
        """Features connect what the screens ask for to operations of the sessions; each gets the sessions and the
        window, never the application."""
        sessions, window = self.sessions, self.window
        checkout = checkout_feature.install(sessions, window)
        return {
            "cart": cart_feature.install(sessions, window),
            "checkout": checkout,
            "services": service_pages.install(sessions, window, checkout),
            "invoices": invoice_pages.install(sessions, window, checkout),
            "overview": overview.install(sessions, window, checkout),
            "notices": notices_feature.install(sessions, window),
            "orders": orders_feature.install(sessions, window, checkout),
            "support": support_pages.install(sessions, window),
            "outbox": outbox_feature.install(sessions, window),
            "exports": exports_feature.install(sessions, window),
            "billing_profile": billing_profile_feature.install(sessions, window),
        }

    @property
    def notices(self):
        return self.features["notices"]

    @property
    def checkout_sessions(self) -> list:
        return self.features["checkout"].open_sessions

    # -- what tests and the command line reach through the application ---------------------------------------------
    @property
    def synced(self):
        return self.sessions.synced

    @property
    def sync_failed(self):
        return self.sessions.sync_failed

    @property
    def data_shown(self):
        return self.sessions.data_shown

    @property
    def accounts_changed(self):
        return self.sessions.accounts_changed

    @property
    def auth_required(self):
        return self.sessions.auth_required

    def is_online(self, account_id: str | None) -> bool | None:
        return self.sessions.is_online(account_id)

    @property
    def sync(self):
        return self.sessions.sync

    @property
    def accounts(self):
        return self.sessions.store

    @property
    def current_id(self) -> str | None:
        return self.sessions.current_id

    @property
    def current(self):
        session = self.sessions.current
        return session.account if session else None

    @property
    def data(self) -> dict[str, AccountData]:
        """Each account's data on screen, by account id (a snapshot of the sessions' data)."""
        return {s.id: s.data for s in self.sessions.all() if s.data is not None}

    @property
    def prompt(self):
        return self.sessions.prompt

    @property
    def add_dialog(self):
        return self.dialogs.add_dialog

    def select_account(self, account_id: str | None) -> None:
        self.sessions.select(account_id)

    def sync_now(self) -> None:
        self.sessions.sync_current()

    def open_add_dialog(self):
        return self.dialogs.open_add_dialog()

    def open_manage_dialog(self):
        return self.dialogs.open_manage_dialog()

    def note(self, account_id: str, key: str, level: str, text: str, action=None) -> None:
        session = self.sessions.get(account_id)
        if session is not None:
            session.note(key, level, text, action)
        elif account_id == GLOBAL:
            self.sessions.note(key, level, text, action)

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

    def start(self, show: bool = True) -> None:
        if self._check_keyring:
            # Knowing whether a keyring exists means importing keyring and asking the system (~50 ms): done on a
            # worker once the saved data is painted, so the start neither waits for it nor competes with it.
            self.sessions.when_started(lambda: self.sessions.runner.run(lambda: self.secrets.note,
                                                                        self._keyring_checked))
        self.window.restore(self.settings.get(keys.WINDOW_GEOMETRY))
        self.window.current_key = self.settings.get(keys.WINDOW_SECTION)
        self.status_notes.show_all()
        self.sessions.start()
        if show:
            self.window.show()

    def _keyring_checked(self, note: str | None) -> None:
        if note and not self._shut_down:
            log.warning("no keyring backend: logins are kept in memory for this run only")
            self.keyring_note = note
            self.sessions.note("keyring", "info", note)

    def start_demo(self, demo: DemoPanel) -> None:
        """Start the demo panel on a worker; then add (or replace) the demo accounts and sync them."""
        self.demo = demo
        self.sessions.note("demo", "info", translate("Application", "Starting the demo panel with demo data…"))
        self.sessions.runner.run(demo.start_and_login, self._demo_ready, self._demo_error)

    def _demo_ready(self, logins: list[DemoLogin]) -> None:
        """The demo's accounts replace those of an earlier demo run; the first is shown, the others sync too."""
        self.sessions.clear_note("demo")
        previous = set(filter(None, self.settings.get(keys.DEMO_ACCOUNT).split(",")))
        emails = {login.email for login in logins}
        for account in self.sessions.accounts():
            if account.id in previous or (account.panel_url == logins[0].panel_url and account.email in emails):
                self.sessions.forget(account.id)
        added = [self.sessions.add(name=translate("Demo", login.name), panel_url=login.panel_url, email=login.email,
                                   auth_kind="password", credentials=login.credentials) for login in logins]
        self.settings.set(keys.DEMO_ACCOUNT, ",".join(account.id for account in added))
        self.sessions.select(added[0].id)          # the demo customer is the one on screen

    def _demo_error(self, error: BaseException) -> None:
        log.error("the demo panel did not start: %s", error)
        self.sessions.note("demo", "error", translate("Application", "The demo panel did not start: {error}").format(
            error=error))
        self.demo_failed.emit(str(error))

    def toggle_theme(self) -> None:
        app = QApplication.instance()
        self.theme_name = "light" if theme.current(app) == "dark" else "dark"
        theme.apply_theme(app, self.theme_name)
        self.settings.set(keys.THEME, self.theme_name)
        self.window.refresh_icons()

    def set_theme(self, name: str) -> None:
        """The Preferences' theme: "light", "dark" or "system" (then following the desktop live), saved."""
        self.theme_name = name
        theme.apply_theme(QApplication.instance(), name)
        self.settings.set(keys.THEME, name)
        self.window.refresh_icons()

    def _system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme_name != "system" or self._shut_down:
            return
        theme.apply_theme(QApplication.instance(), "dark" if scheme == Qt.ColorScheme.Dark else "light")
        self.window.refresh_icons()

    # -- the end --------------------------------------------------------------------------------------------------
    def save_window(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, self.window.saveGeometry())
        self.settings.sync()

    def restart(self) -> None:
        """Preferences ▸ Restart now (a new language): quit as the tray's Quit does; main() starts Sett again."""
        self.restart_requested = True
        self.save_window()
        QApplication.quit()

    def shutdown(self) -> None:
        """On quit: cancel syncs and operations (their requests are abandoned at once), wait a little for the
        workers, close the dialogs, stop the demo panel. A sync left running writes nothing (see tasks.py)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.features["checkout"].close_all()
        self.sessions.shutdown()
        self.dialogs.close()
        self.settings.sync()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
