"""Fixtures for the desktop client's tests: the real panel over HTTP, a private data folder per test, an in-memory
keyring (and a missing one), and the running application, driven with pytest-qt.

Qt warnings fail these tests (design.md): every test here is marked `qt_log_level_fail("WARNING")`.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import paths
from app.application import Application
from app.secrets import SecretStore
from app.settings import Settings
from app.views.theme import apply_theme
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of as support_admin_of
from tests.support.panel import USER_PASSWORD, Api, PanelProcess

HERE = Path(__file__).parent
WAIT = 30_000   # ms: the longest any single step may take


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only: what the app stores is visible to the test, never on disk."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


# -- panels ------------------------------------------------------------------------------------------------------
@pytest.fixture
def utc(monkeypatch):
    """Timestamps show in local time; tests that read them use UTC wherever they run."""
    monkeypatch.setenv("TZ", "UTC0")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def panel(tmp_path_factory) -> Iterator[PanelProcess]:
    """A panel shared by one test module: tests on it make their own users and leave settings and clock alone."""
    proc = PanelProcess(tmp_path_factory.mktemp("gui-panel")).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def admin(panel) -> Api:
    return admin_of(panel)


@pytest.fixture(scope="module")
def shop(admin) -> Shop:
    return Shop(admin)


@pytest.fixture
def private_panel(fresh_panel) -> Callable[..., PanelProcess]:
    """`private_panel(workdir=None, **kwargs)` starts a panel of this test's own (stopped after it), for clocks
    and licences: tests/support/fixtures.py's fresh_panel, by the name the GUI tests know it by."""
    return fresh_panel


def admin_of(proc: PanelProcess) -> Api:
    """The panel's admin, signed in again whenever its 15-minute access token has expired."""
    return support_admin_of(proc)


# -- the client's state -------------------------------------------------------------------------------------------
@pytest.fixture
def data_dir(tmp_path) -> Iterator[Path]:
    folder = tmp_path / "sett-data"
    paths.use_data_dir(folder)
    yield folder
    paths.use_data_dir(None)


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def secrets(keyring_backend) -> SecretStore:
    return SecretStore(keyring_backend)


@pytest.fixture
def no_keyring() -> SecretStore:
    return SecretStore(fail.Keyring())


@pytest.fixture(autouse=True)
def light_after_dark() -> Iterator[None]:
    """A test that left the application dark hands the next test the light theme the GUI tests assume: a model
    test without a Sett reads its tone colours from the application's palette, and test files need not run in
    one order (pytest-xdist ran a model test after a dark one in the same worker, and its colours failed)."""
    yield
    qapp = QApplication.instance()
    if qapp is not None and qapp.property("theme") == "dark":
        apply_theme(qapp, "light")


@pytest.fixture
def make_app(qapp, qtbot, data_dir, secrets) -> Iterator[Callable[..., Application]]:
    """`make_app(secrets=..., start=True, **kwargs)`: a running Sett on this test's data folder; shut down after."""
    apps: list[Application] = []
    apply_theme(qapp, "light")

    def make(*, secrets: SecretStore = secrets, start: bool = True, **kwargs) -> Application:
        kwargs.setdefault("retry_base", 0.3)
        kwargs.setdefault("retry_cap", 1.0)
        kwargs.setdefault("request_timeout", 10.0)
        app = Application(settings=Settings(), secrets=secrets, **kwargs)
        app.synced_log = []     # (account id, ChangeSet) of every sync whose changes reached the screens
        app.synced.connect(lambda account_id, changes: app.synced_log.append((account_id, changes)))
        apps.append(app)
        if start:
            app.start(show=True)
        return app

    yield make
    for app in apps:
        close(app)


def close(app: Application) -> None:
    """What quitting does, without ending the test's QApplication."""
    if getattr(app, "closed", False):
        return
    app.closed = True
    app.window.close()
    app.shutdown()
    app.window.deleteLater()
    QApplication.processEvents()


# -- steps a user takes ------------------------------------------------------------------------------------------
def restart_without_login(qtbot, make_app, secrets, app: Application, account_id: str) -> Application:
    """Quit `app`, forget the account's saved login (kept in memory only, or lost with the keyring), start again
    on the same data folder, and return the new app once its one login prompt shows."""
    close(app)
    secrets.delete(account_id)
    again = make_app()
    qtbot.waitUntil(lambda: again.prompt is not None and again.prompt.isVisible(), timeout=WAIT)
    return again


def add_account(qtbot, app: Application, url: str, email: str, password: str = USER_PASSWORD, *,
                name: str = "", wait_sync: bool = True):
    """Through the add-account dialog: address, email and password; returns the new account."""
    before = {a.id for a in app.accounts.all()}
    dialog = add_dialog_at_sign_in(qtbot, app, url)
    sign_in_with_password(dialog, email, password, name=name)
    qtbot.waitUntil(lambda: {a.id for a in app.accounts.all()} - before != set(), timeout=WAIT)
    (new,) = [a for a in app.accounts.all() if a.id not in before]
    if wait_sync:
        wait_synced(qtbot, app, new.id)
    return new


def add_dialog_at_sign_in(qtbot, app: Application, url: str):
    """The add-account dialog opened, the panel's address typed and Continue pressed: at its sign-in step."""
    dialog = app.open_add_dialog()
    dialog.url_edit.setText(url)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: dialog.step == "login", timeout=WAIT)
    return dialog


def sign_in_with_password(dialog, email: str, password: str = USER_PASSWORD, *, name: str = "") -> None:
    """On the add-account dialog's sign-in step: email, password (and a name for the account), then Sign in."""
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(password)
    dialog.name_edit.setText(name)
    dialog.sign_in_button.click()


def texts(model, column: int = 0) -> list[str]:
    """What a list shows in one column, top to bottom."""
    return [model.index(r, column).data() for r in range(model.rowCount())]


def open_service_with_enter(qtbot, app: Application, product_name: str):
    """The Services screen, the product's row chosen with the keyboard and opened with Enter: (section, page)."""
    app.window.select_section("services")
    section = app.window.sections["services"]
    table = section.list.table
    row = texts(table.model()).index(product_name)
    table.setCurrentIndex(table.model().index(row, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.page_open, timeout=WAIT)
    return section, section.page


def wait_synced(qtbot, app: Application, account_id: str) -> None:
    """Until a sync of the account ended and its changes are on screen."""
    qtbot.waitUntil(lambda: any(aid == account_id for aid, _ in app.synced_log), timeout=WAIT)


def sync_now(qtbot, app: Application, account_id: str | None = None):
    """Press Sync now and wait for the sync to end; returns the ChangeSet."""
    account_id = account_id or app.current_id
    with qtbot.waitSignal(app.synced, timeout=WAIT,
                          check_params_cb=lambda aid, _changes: aid == account_id) as blocker:
        app.window.sidebar.sync_button.click()
    return blocker.args[1]


def wait_idle(qtbot, app: Application) -> None:
    qtbot.waitUntil(lambda: not any(app.sync.is_running(a.id) for a in app.accounts.all()), timeout=WAIT)
    time.sleep(0.05)
    QApplication.processEvents()


def move_account(app: Application, account, url: str):
    """The account's panel now lives behind `url` (its saved login stays); returns the moved account."""
    moved = type(account)(**{**account.__dict__, "panel_url": url})
    app.accounts._accounts = [moved if a.id == account.id else a for a in app.accounts._accounts]
    app.sessions.get(account.id).account = moved
    return moved
