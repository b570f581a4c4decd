"""Fixtures of the panel's HTTP tests. The shared panel and its admin and shop come from tests/support/fixtures.py
(panel, fresh_panel, admin, shop); the gateway tests' own are here: a private panel per test module with
localstripe beside it (they change its settings), its admin and shop, a PayPal stand-in, and the buyer's browser,
played by requests or, for pay pages that run scripts, by a real web engine.
"""
import pytest
import requests

from tests.panel.gateways import CANCEL_URL, RETURN_URL
from tests.support.browser import Browser
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess
from tests.support.paypal_stub import PayPalStub

__all__ = ["admin_of"]


@pytest.fixture(scope="module")
def gateway_panel(tmp_path_factory) -> PanelProcess:
    proc = PanelProcess(tmp_path_factory.mktemp("gateway-panel"), extra_args=["--localstripe"]).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def gateway_admin(gateway_panel) -> Api:
    return admin_of(gateway_panel)


@pytest.fixture(scope="module")
def gateway_shop(gateway_admin) -> Shop:
    return Shop(gateway_admin)


@pytest.fixture
def paypal(gateway_shop) -> PayPalStub:
    """A PayPal stand-in for one test, with the gateway panel pointed at it."""
    with PayPalStub() as stub:
        gateway_shop.settings(**stub.settings())
        yield stub


@pytest.fixture
def browser() -> requests.Session:
    with requests.Session() as session:
        yield session


@pytest.fixture
def web_browser(qapp) -> Browser:
    """A real web engine that stops where a pay page sends the buyer back to the client."""
    b = Browser()
    b.stop_at(RETURN_URL, CANCEL_URL)
    yield b
    b.close()
