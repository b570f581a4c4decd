"""Starting localstripe beside a panel and pointing the panel at it: the demo's and the tests' offline Stripe.

The panel talks to it exactly as to Stripe (the `stripe` library with another API base, Stripe.js served by it)
and it sends signed webhooks to the panel, so signatures are checked for real.
"""
from __future__ import annotations

import secrets

import requests

from ..launcher import ListeningProcess

PUBLISHABLE_KEY = "pk_test_localstripe"
SECRET_KEY = "sk_test_localstripe"


class LocalStripe(ListeningProcess):
    def __init__(self) -> None:
        super().__init__(["-m", "panel.gateways.localstripe_server", "--port", "0"], name="localstripe")
        self.webhook_secret = "whsec_" + secrets.token_hex(16)

    def start(self, timeout: float = 30) -> LocalStripe:
        super().start(timeout)
        return self

    def send_webhooks_to(self, panel_url: str) -> None:
        response = requests.post(f"{self.url}/_config/webhooks/sett",
                                 data={"url": f"{panel_url}/api/billing/webhooks/stripe",
                                       "secret": self.webhook_secret}, timeout=10)
        response.raise_for_status()

    def settings(self) -> dict:
        """The panel settings that point it at this server."""
        return {"stripe_enabled": True, "stripe_publishable_key": PUBLISHABLE_KEY, "stripe_secret_key": SECRET_KEY,
                "stripe_webhook_secret": self.webhook_secret, "stripe_api_base": self.url}
