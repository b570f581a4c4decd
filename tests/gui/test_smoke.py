"""`python -m app` as a user (and CI) runs it: the demo smoke test, a screenshot, a smoke test that must fail; and
demo mode's account handling in-process, with a stand-in for the demo panel."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from app import settings as keys
from app.api import PanelClient
from app.secrets import SERVICE
from app.session.accounts import AccountStore
from app.settings import Settings
from app.shell.demo import (
    DEMO_ACCOUNT_NAME,
    DEMO_ACCOUNTS,
    DEMO_EMAIL,
    RESELLER_ACCOUNT_NAME,
    RESELLER_EMAIL,
    DemoLogin,
)
from app.views.sections import SIDEBAR_ORDER
from tests.client.servers import closed_port
from tests.support.panel import USER_PASSWORD

from .conftest import WAIT, close

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240


def run_app(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)


def test_the_demo_smoke_test_passes():
    result = run_app("--demo", "--smoke-test")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smoke test passed: synced http://127.0.0.1:" in result.stdout
    assert f"{len(SIDEBAR_ORDER)} screens showed its data" in result.stdout


def test_a_screenshot_of_a_view_in_the_dark_theme_at_the_minimum_size(tmp_path, qapp):
    target = tmp_path / "invoices.png"
    result = run_app("--demo", "--screenshot", str(target), "--view", "invoices", "--theme", "dark",
                     "--window-size", "1000x650")
    assert result.returncode == 0, result.stderr[-3000:]
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1000, 650)
    assert image.pixelColor(600, 500).lightness() < 60         # the dark theme's content area


def test_a_screenshot_of_a_page_the_state_does_not_show_fails_instead_of_capturing_another(tmp_path):
    target = tmp_path / "billing.png"
    result = run_app("--demo", "--screenshot", str(target), "--view", "billing-disabled")
    assert result.returncode == 1 and not target.exists()
    assert "the billing-disabled page shows only for a panel without the Billing Module" in result.stderr


def test_a_smoke_test_that_cannot_sync_fails_with_the_reason(tmp_path):
    data = tmp_path / "data"
    AccountStore(data / "accounts.json").add(name="Gone", panel_url=f"http://127.0.0.1:{closed_port()}",
                                             email="gone@example.test", auth_kind="password")
    result = run_app("--data-dir", str(data), "--smoke-test", "--timeout", "60")
    assert result.returncode != 0
    assert "smoke test FAILED: the sync failed: " in result.stderr
    assert (data / "logs" / "sett.log").exists() and (data / "settings.ini").exists()


class StandInDemo:
    """Plays DemoPanel's part against the test panel: `start_and_login` on a worker, `stop` on quit."""

    def __init__(self, url: str, fail: str = "") -> None:
        self.url, self.fail, self.stopped = url, fail, False

    def start_and_login(self) -> list[DemoLogin]:
        if self.fail:
            raise RuntimeError(self.fail)
        logins = []
        for name, email in DEMO_ACCOUNTS:
            with PanelClient(self.url) as client:
                result = client.login(email, USER_PASSWORD)
            logins.append(DemoLogin(self.url, result.credentials, result.user, name, email))
        return logins

    def stop(self) -> None:
        self.stopped = True


def test_demo_mode_adds_the_demo_account_replaces_it_next_run_and_stops_the_panel(make_app, shop, panel,
                                                                                  keyring_backend, qtbot):
    for _name, email in DEMO_ACCOUNTS:
        shop.user(email=email)
    demo = StandInDemo(panel.url)
    app = make_app()
    app.start_demo(demo)
    assert "Starting the demo panel with demo data…" in app.window.banner_texts()
    qtbot.waitUntil(lambda: len({account_id for account_id, _c in app.synced_log}) == 2, timeout=WAIT)
    first = app.accounts.all()
    assert [(a.name, a.email) for a in first] == [(DEMO_ACCOUNT_NAME, DEMO_EMAIL),
                                                  (RESELLER_ACCOUNT_NAME, RESELLER_EMAIL)]
    assert app.current_id == first[0].id                       # the customer on screen, the reseller beside it
    assert "Starting the demo panel with demo data…" not in app.window.banner_texts()
    close(app)
    assert demo.stopped

    app = make_app()          # the next run, same data folder: the old demo accounts make way for the new ones
    app.start_demo(StandInDemo(panel.url))
    old = {a.id for a in first}
    qtbot.waitUntil(lambda: len({account_id for account_id, _c in app.synced_log} - old) == 2, timeout=WAIT)
    second = app.accounts.all()
    assert len(second) == 2 and not old & {a.id for a in second}
    assert Settings().get(keys.DEMO_ACCOUNT) == ",".join(a.id for a in second)
    assert all((SERVICE, a.id) not in keyring_backend.store for a in first)
    assert all((SERVICE, a.id) in keyring_backend.store for a in second)


def test_a_demo_panel_that_does_not_start_is_said(make_app, qtbot):
    app = make_app()
    with qtbot.waitSignal(app.demo_failed, timeout=WAIT):
        app.start_demo(StandInDemo("http://127.0.0.1:9", fail="the panel did not start: port in use"))
    assert "The demo panel did not start: the panel did not start: port in use" in app.window.banner_texts()
    assert app.accounts.all() == [] and app.window.current_key == "welcome"
