"""The installed app's demo has no localstripe (GPL, never bundled): its panel takes credits and the PayPal sandbox,
and the frozen executable starts the panel itself (`--run-panel`) where there is no `python -m`."""
from __future__ import annotations

import sys

import requests

from app.shell.demo import DemoPanel, localstripe_available
from panel.launcher import python_command


def test_without_localstripe_the_demo_panel_offers_credits_and_the_paypal_sandbox():
    demo = DemoPanel(offline_stripe=False)
    try:
        login, reseller = demo.start_and_login()
        assert (login.email, reseller.email) == ("demo@sett.test", "reseller@sett.test")
        config = requests.get(f"{login.panel_url}/api/v1/billing/config", timeout=10,
                              headers={"Authorization": f"Bearer {login.credentials.access_token}"}).json()["data"]
    finally:
        demo.stop()
    assert config["credits_enabled"] is True
    assert config["gateways"]["paypal"]["enabled"] is True
    assert config["gateways"]["stripe"]["enabled"] is False


def test_from_source_the_demo_keeps_localstripe():
    assert localstripe_available()          # the demo extra is installed for the tests
    assert DemoPanel().offline_stripe


def test_a_frozen_app_runs_the_panel_with_its_own_executable(monkeypatch):
    assert python_command(["-m", "panel", "serve"]) == [sys.executable, "-m", "panel", "serve"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert python_command(["-m", "panel", "serve", "--port", "0"]) == [sys.executable, "--run-panel", "serve",
                                                                        "--port", "0"]

