"""Without a keyring backend the app says so, keeps logins in memory only, and asks for the password next start."""
from __future__ import annotations

import logging
from decimal import Decimal

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QLabel

from app.__main__ import setup_logging
from app.secrets import SecretStore
from tests.support.panel import USER_PASSWORD

from .conftest import WAIT, add_account, close

NOTE = "No system keyring is available"


@pytest.fixture
def app_logging(data_dir):
    """The app's own logging (a file in the data folder), at its most talkative, for this test only."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    setup_logging(verbose=True)
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def every_file(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def test_no_keyring_says_so_writes_no_secret_and_asks_again_next_start(make_app, no_keyring, shop, panel, data_dir,
                                                                      app_logging, qtbot):
    user = shop.user(credits="5.00")
    app = make_app(secrets=no_keyring)
    qtbot.waitUntil(lambda: any(text.startswith(NOTE) for text in app.window.banner_texts()))
    dialog = app.open_add_dialog()
    assert dialog.findChild(QLabel, "KeyringNote").text().startswith(NOTE)
    dialog.reject()
    account = add_account(qtbot, app, panel.url, user.user["email"])
    credentials = no_keyring.load(account.id)
    assert credentials.access_token and credentials.refresh_token
    app.save_window()
    close(app)

    files = every_file(data_dir)
    assert any(p.name == "accounts.json" for p in files) and any(p.name == "settings.ini" for p in files)
    log = next(p for p in files if p.name == "sett.log").read_text()
    assert "GET /api/v1/billing/credits -> 200" in log        # it logged the sync, in detail
    for path in files:
        content = path.read_bytes()
        for secret in (credentials.access_token, credentials.refresh_token, USER_PASSWORD):
            assert secret.encode() not in content, f"a secret was written to {path}"

    # Next start: nothing remembered, so the one prompt asks for the password, noting why.
    app = make_app(secrets=SecretStore(fail.Keyring()))
    qtbot.waitUntil(lambda: app.prompt is not None and app.prompt.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "balance" in app.window.data.credits, timeout=WAIT)    # the cache shows meanwhile
    assert app.window.data.account_id == account.id
    assert Decimal(app.window.data.credits["balance"]) == Decimal("5.00")
    assert "Enter the password for " + user.user["email"] in app.prompt.message.text()
    app.prompt.secret_edit.setText(USER_PASSWORD)
    count = len(app.synced_log)
    app.prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert Decimal(app.window.data.credits["balance"]) == Decimal("5.00")
    assert app.window.status.state == "online"
