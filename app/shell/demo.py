"""Demo mode: the embedded panel on a free loopback port, seeded with demo data in a temporary folder, and the demo
customer's login. No Qt: `DemoPanel.start_and_login` runs on a worker thread.

From source the panel takes cards through localstripe (offline Stripe). localstripe is GPL and never bundled, so the
installed app's demo takes payments by credits and the panel's PayPal sandbox page instead (`PAYMENTS_NOTE`).
"""
from __future__ import annotations

import importlib.util
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.api import Credentials, PanelClient
from app.core.text import QT_TRANSLATE_NOOP, translate
from panel.launcher import ListeningProcess, serve_args

DEMO_EMAIL = "demo@sett.test"
DEMO_PASSWORD = "demo-password"
DEMO_ACCOUNT_NAME = QT_TRANSLATE_NOOP("Demo", "Demo customer")     # in the user's language when added
RESELLER_EMAIL = "reseller@sett.test"
RESELLER_ACCOUNT_NAME = QT_TRANSLATE_NOOP("Demo", "Demo reseller")
# Both demo users become accounts, so the demo shows switching accounts and the "All accounts" scope.
DEMO_ACCOUNTS = ((DEMO_ACCOUNT_NAME, DEMO_EMAIL), (RESELLER_ACCOUNT_NAME, RESELLER_EMAIL))
PROJECT_ROOT = Path(__file__).resolve().parents[2]
PAYMENTS_NOTE = QT_TRANSLATE_NOOP("Messages", "This demo takes payments by credits and the PayPal sandbox; to try "
                                  "cards, set the demo panel's Stripe test keys: see README (\"Cards in the "
                                  "installed demo\").")
log = logging.getLogger(__name__)


def localstripe_available() -> bool:
    """True from source with the demo extra installed; never in the bundled app."""
    return importlib.util.find_spec("localstripe") is not None


@dataclass(frozen=True)
class DemoLogin:
    panel_url: str
    credentials: Credentials
    user: dict
    name: str = DEMO_ACCOUNT_NAME
    email: str = DEMO_EMAIL


class DemoPanel:
    """One demo panel for this run; `stop()` ends it and removes its folder (also safe when it never started)."""

    def __init__(self, offline_stripe: bool | None = None) -> None:
        self.workdir: Path | None = None
        self.process: ListeningProcess | None = None
        self.offline_stripe = localstripe_available() if offline_stripe is None else offline_stripe

    @property
    def url(self) -> str:
        return self.process.url if self.process else ""

    def start(self, timeout: float = 90) -> str:
        self.workdir = Path(tempfile.mkdtemp(prefix="sett-demo-panel-"))
        # The panel ends with this process however it ends (a crash included), and takes its folder with it.
        args = serve_args(self.workdir / "panel.db", seed="demo", test_clock=True,
                          localstripe=self.offline_stripe, paypal_sandbox=not self.offline_stripe, lifeline=True,
                          temporary_folder=self.workdir)
        self.process = ListeningProcess(args, name="demo panel", cwd=PROJECT_ROOT, lifeline=True)
        log.info("starting the demo panel in %s", self.workdir)
        self.process.start(timeout)
        log.info("the demo panel listens on %s", self.process.url)
        return self.process.url

    def login(self) -> list[DemoLogin]:
        """Every demo account's login, the demo customer first."""
        logins = []
        for name, email in DEMO_ACCOUNTS:
            with PanelClient(self.url, timeout=30) as client:
                result = client.login(email, DEMO_PASSWORD)
            if result.credentials is None:
                raise RuntimeError(translate("Demo", "The demo panel asked for a two-factor code for {email}.").format(
                    email=email))
            logins.append(DemoLogin(self.url, result.credentials, result.user or {}, name, email))
        return logins

    def start_and_login(self) -> list[DemoLogin]:
        self.start()
        return self.login()

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None
            log.info("the demo panel stopped")
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
