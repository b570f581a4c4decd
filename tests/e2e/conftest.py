"""End-to-end fixtures: one real panel per module, started with --localstripe (Stripe through localstripe, PayPal
through the panel's sandbox page), a shop on it, and the running client from the GUI tests' fixtures, signed in as a
new buyer of that shop (`client_of`). The steps of a checkout are in checkout_steps.py.

Qt warnings fail these tests, as they do the GUI tests.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui import conftest as gui
from tests.gui.conftest import (  # noqa: F401 - fixtures, used by name
    data_dir,
    keyring_backend,
    make_app,
    private_panel,
    secrets,
)
from tests.support.catalogue import MONTHLY_10, Shop
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

HERE = Path(__file__).parent
# What QtWebEngine says about the headless machine itself (no GPU, no OpenGL context, the offscreen platform);
# nothing of ours. Every other Qt warning still fails a test.
HEADLESS_NOISE = (r"^This plugin does not support propagateSizeHints\(\)", r"^QRhiGles2: Failed to create",
                  r"^Failed to create RHI for backend", r"^GPUInfo not initialized",
                  r"^Unable to detect GPU vendor")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*HEADLESS_NOISE))


@pytest.fixture(scope="module")
def e2e_panel(tmp_path_factory) -> Iterator[PanelProcess]:
    proc = PanelProcess(tmp_path_factory.mktemp("e2e-panel"), extra_args=["--localstripe"]).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def e2e_shop(e2e_panel) -> Shop:
    shop = Shop(admin_of(e2e_panel))
    shop.settings(paypal_enabled=True, credits_enabled=True, auto_activate=True)
    return shop


@pytest.fixture(scope="module")
def vps(e2e_shop) -> dict:
    """A product sold at $10.00 a month, made before any client of the module signs in. (Its name is in the
    checkout picture test_checkout saves to docs/.)"""
    return e2e_shop.product(name="Card VPS", pricing=MONTHLY_10)


@pytest.fixture
def client_of(make_app, qtbot, e2e_panel, e2e_shop):  # noqa: F811 - the fixture imported above
    """`client_of(credits=None, product=None)`: a running Sett signed in as a new buyer of the shop, synced;
    -> (app, account, buyer Api). Pass a `product` made after the first sync, and it syncs again until it is in."""
    def make(credits=None, product=None):
        buyer = e2e_shop.user(credits=credits)
        app = make_app()
        account = gui.add_account(qtbot, app, e2e_panel.url, buyer.user["email"])
        if product is not None:
            app.sync.sync(account.id)
            qtbot.waitUntil(lambda: any(p["id"] == product["id"] for p in app.data[account.id].products),
                            timeout=gui.WAIT)
        return app, account, buyer
    return make
