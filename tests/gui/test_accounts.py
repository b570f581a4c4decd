"""Adding accounts against the real panel: password, two-factor, API key; the mistakes a person makes on the way;
several accounts at once; rename, remove, switch."""
from __future__ import annotations

import json
from decimal import Decimal

import pyotp
import pytest
import requests
from PySide6.QtGui import QKeySequence

from app import paths
from app.secrets import SERVICE
from tests.client.servers import CannedServer, Reply, SilentSocket, closed_port
from tests.support.panel import USER_PASSWORD
from tests.support.two_factor import enable_2fa, wrong_code

from .conftest import WAIT, add_account, add_dialog_at_sign_in, sign_in_with_password, wait_synced


def stored(keyring_backend, account_id: str) -> dict:
    return json.loads(keyring_backend.store[(SERVICE, account_id)])


def test_adding_an_account_with_a_password_syncs_it_and_shows_its_data(make_app, shop, panel, keyring_backend,
                                                                        qtbot):
    user = shop.user(credits="12.50")
    app = make_app()
    assert app.window.current_key == "welcome"                      # no account yet: the welcome page
    account = add_account(qtbot, app, panel.url, user.user["email"], name="Work")
    assert (account.name, account.email, account.auth_kind, account.panel_url) == (
        "Work", user.user["email"], "password", panel.url)
    assert app.current_id == account.id and app.window.switcher.combo.currentText() == "Work"
    assert user.user["email"] in app.window.who.text()
    assert app.window.status.state == "online"
    assert app.window.current_key == "dashboard"
    assert Decimal(app.window.data.credits["balance"]) == Decimal("12.50")
    secret = stored(keyring_backend, account.id)
    assert secret["access_token"] and secret["refresh_token"] and secret["api_key"] is None
    # The account list holds no secret; the cache exists.
    assert secret["refresh_token"] not in paths.accounts_file().read_text()
    assert paths.account_cache(account.id).exists()


def test_a_wrong_password_is_said_in_the_dialog_and_nothing_is_added(make_app, shop, panel, qtbot):
    user = shop.user()
    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url)
    assert dialog.login_heading.text().startswith("Sign in to ")
    sign_in_with_password(dialog, user.user["email"], "not-the-password")
    qtbot.waitUntil(lambda: dialog.login_error.isVisible(), timeout=WAIT)
    assert "Email or password is incorrect" in dialog.login_error.text()
    assert app.accounts.all() == [] and dialog.isVisible() and dialog.sign_in_button.isEnabled()


@pytest.mark.parametrize("reply, expected", [
    (Reply(200, "<html><body><h1>Welcome to my blog</h1></body></html>", content_type="text/html"),
     "That address is not a billing panel."),
    (Reply(200, '{"data": {"panel_name": "half', content_type="application/json"),
     "That address is not a billing panel."),
    (Reply(404, "<html>Not here</html>", content_type="text/html"), "That address is not a billing panel."),
], ids=["html-page", "malformed-json", "404-page"])
def test_an_address_that_is_not_a_panel_is_said_in_words(make_app, qtbot, reply, expected):
    server = CannedServer(reply)
    try:
        app = make_app()
        dialog = app.open_add_dialog()
        dialog.url_edit.setText(server.url)
        dialog.continue_button.click()
        qtbot.waitUntil(lambda: dialog.url_error.isVisible(), timeout=WAIT)
        assert dialog.url_error.text().startswith(expected)
        assert dialog.step == "address" and dialog.continue_button.isEnabled()
    finally:
        server.close()


def test_an_unreachable_or_silent_address_and_a_bad_one(make_app, qtbot):
    silent = SilentSocket()
    try:
        app = make_app(request_timeout=1.0)
        dialog = app.open_add_dialog()
        for url, expected in ((f"http://127.0.0.1:{closed_port()}", "The panel could not be reached."),
                              (silent.url, "The panel could not be reached."),
                              ("http://panel.example.com", "Use https://"),
                              ("ftp://x", "Enter the panel's address")):
            dialog.url_error.clear()
            dialog.url_edit.setText(url)
            dialog.continue_button.click()
            qtbot.waitUntil(lambda: dialog.url_error.isVisible(), timeout=WAIT)
            assert expected in dialog.url_error.text(), url
    finally:
        silent.close()


def test_two_factor_login_asks_for_the_code(make_app, shop, panel, keyring_backend, qtbot):
    user = shop.user()
    secret = enable_2fa(user)
    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url)
    sign_in_with_password(dialog, user.user["email"])
    qtbot.waitUntil(lambda: dialog.step == "code", timeout=WAIT)
    assert "two-factor" in dialog.code_hint.text()
    dialog.code_edit.setText(wrong_code(secret))
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: dialog.code_error.isVisible(), timeout=WAIT)
    assert dialog.code_error.text() and app.accounts.all() == []
    dialog.code_edit.setText(pyotp.TOTP(secret).now())
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    account = app.accounts.all()[0]
    wait_synced(qtbot, app, account.id)
    assert stored(keyring_backend, account.id)["refresh_token"]
    assert app.window.data.me["email"] == user.user["email"]


def test_an_api_key_account(make_app, shop, panel, keyring_backend, qtbot):
    user = shop.user(credits="3.00")
    key = user.data("POST", "/account/api-keys", {"name": "Sett"}, expect=201)["key"]
    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url + "/api/v1/")      # a pasted API address works too
    dialog.tabs.setCurrentIndex(1)
    dialog.key_edit.setText("not-a-key")
    dialog.sign_in_button.click()
    assert "start with bp_" in dialog.login_error.text()
    dialog.key_edit.setText(key[:-4] + "zzzz")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.login_error.isVisible() and "start with" not in dialog.login_error.text(),
                    timeout=WAIT)
    assert app.accounts.all() == []
    dialog.key_edit.setText(key)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    account = app.accounts.all()[0]
    wait_synced(qtbot, app, account.id)
    assert account.auth_kind == "api_key" and account.email == user.user["email"]
    assert stored(keyring_backend, account.id) == {"api_key": key, "access_token": None, "refresh_token": None}
    assert Decimal(app.window.data.credits["balance"]) == Decimal("3.00")


def test_two_accounts_on_one_panel_switch_rename_and_remove(make_app, shop, panel, keyring_backend, qtbot):
    first, second = shop.user(credits="11.00"), shop.user(credits="22.00")
    app = make_app()
    a = add_account(qtbot, app, panel.url, first.user["email"], name="First")
    b = add_account(qtbot, app, panel.url, second.user["email"], name="Second")
    assert app.current_id == b.id and Decimal(app.window.data.credits["balance"]) == Decimal("22.00")

    combo = app.window.switcher.combo
    combo.setCurrentIndex(combo.findData(a.id))
    assert app.current_id == a.id
    qtbot.waitUntil(lambda: app.window.data.account_id == a.id, timeout=WAIT)
    assert Decimal(app.window.data.credits["balance"]) == Decimal("11.00")
    assert first.user["email"] in app.window.who.text()
    combo.setCurrentIndex(combo.findData(b.id))
    assert Decimal(app.window.data.credits["balance"]) == Decimal("22.00")
    assert second.user["email"] in app.window.who.text()

    # From the keyboard: Account ▸ Next account (Ctrl+PgDown) and Previous account (Ctrl+PgUp), round the list.
    following, preceding = (app.window.menus.actions[key] for key in ("next_account", "previous_account"))
    assert following.shortcut() == QKeySequence("Ctrl+PgDown") and preceding.shortcut() == QKeySequence("Ctrl+PgUp")
    following.trigger()                               # Second is the last: round to First
    assert app.current_id == a.id and combo.currentText() == "First"
    qtbot.waitUntil(lambda: app.window.data.account_id == a.id, timeout=WAIT)
    assert first.user["email"] in app.window.who.text()
    preceding.trigger()
    assert app.current_id == b.id
    qtbot.waitUntil(lambda: app.window.data.account_id == b.id, timeout=WAIT)

    # The same login twice is refused in the dialog.
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url)
    sign_in_with_password(dialog, first.user["email"])
    qtbot.waitUntil(lambda: dialog.login_error.isVisible(), timeout=WAIT)
    assert "already in your accounts" in dialog.login_error.text() and len(app.accounts.all()) == 2
    dialog.reject()

    manage = app.open_manage_dialog()
    manage.list.setCurrentRow(0)
    manage.name_edit.setText("Renamed")
    manage.rename_button.click()
    assert app.accounts.get(a.id).name == "Renamed"
    assert combo.itemText(combo.findData(a.id)) == "Renamed"
    manage.name_edit.setText("   ")
    manage.rename_button.click()
    assert manage.error.text() == "An account needs a name." and app.accounts.get(a.id).name == "Renamed"

    # Removing asks once more, in place; then the account, its secret and its cache are gone.
    manage.list.setCurrentRow(1)
    manage.remove_button.click()
    assert manage.confirm.isVisible() and "Remove Second?" in manage.confirm_text.text()
    cache_folder = paths.account_cache(b.id).parent
    assert cache_folder.exists()
    manage.confirm_button.click()
    assert [x.id for x in app.accounts.all()] == [a.id]
    assert (SERVICE, b.id) not in keyring_backend.store
    qtbot.waitUntil(lambda: not cache_folder.exists(), timeout=WAIT)   # on the account's worker, after its sync
    assert app.current_id == a.id and combo.count() == 1
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == a.id, timeout=WAIT)

    manage.list.setCurrentRow(0)
    manage.remove_button.click()
    manage.confirm_button.click()
    assert app.accounts.all() == [] and app.current_id is None
    assert app.window.current_key == "welcome" and app.window.status.state == "none"


def test_signing_out_keeps_the_account_and_its_data_and_signing_in_again_syncs(make_app, shop, panel,
                                                                               keyring_backend, qtbot):
    user = shop.user(credits="7.00")
    app = make_app()
    account = add_account(qtbot, app, panel.url, user.user["email"], name="Mine")
    old = stored(keyring_backend, account.id)
    session = app.sessions.get(account.id)

    manage = app.open_manage_dialog()
    manage.list.setCurrentRow(0)
    assert manage.sign_button.text() == "Sign out"
    manage.sign_button.click()
    assert (SERVICE, account.id) not in keyring_backend.store          # the login left the keyring
    assert session.needs_login and manage.sign_button.text() == "Sign in…" and "signed out" in manage.details.text()
    assert app.prompt is None                                          # asked for: no prompt pops up
    assert [a.id for a in app.accounts.all()] == [account.id]          # the account stays...
    assert Decimal(app.window.data.credits["balance"]) == Decimal("7.00")   # ...and what it saved shows
    assert any("You are signed out of Mine" in text for text in app.window.banner_texts())
    # The login ended at the panel too (on a worker): its access token stops working.
    qtbot.waitUntil(lambda: requests.get(panel.api_url + "/auth/me", timeout=30, headers={
        "Authorization": f"Bearer {old['access_token']}"}).status_code == 401, timeout=WAIT)

    manage.sign_button.click()                                         # "Sign in…": the prompt takes over
    assert not manage.isVisible()
    qtbot.waitUntil(lambda: app.prompt is not None and app.prompt.isVisible(), timeout=WAIT)
    assert "to sign in again" in app.prompt.message.text() and "ended" not in app.prompt.message.text()
    count = len(app.synced_log)
    app.prompt.secret_edit.setText(USER_PASSWORD)
    app.prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert not session.needs_login and (SERVICE, account.id) in keyring_backend.store
    assert not any("signed out" in text for text in app.window.banner_texts())
