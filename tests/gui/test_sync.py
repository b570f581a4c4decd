"""Syncing against the real panel: the cache fills, an incremental sync costs one request per list and re-feeds only
the screens whose data changed, tokens refresh silently, and a login that ended asks once."""
from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

from app import paths
from app.api import AuthRequired
from app.cache import AccountCache
from app.secrets import SERVICE
from app.sync.resources import LISTS
from app.views.login_prompt import LoginPrompt
from tests.support.catalogue import Shop
from tests.support.clock import advance_clock
from tests.support.panel import USER_PASSWORD, Api

from .conftest import (
    WAIT,
    add_account,
    add_dialog_at_sign_in,
    admin_of,
    close,
    restart_without_login,
    sync_now,
    wait_synced,
)


def count_show_data(app) -> Counter:
    """Count, per screen, how often the window hands it the account's data."""
    calls: Counter = Counter()
    for key, section in app.window.sections.items():
        original = section.show_data

        def counting(data, key=key, original=original):
            calls[key] += 1
            return original(data)

        section.show_data = counting
    return calls


def test_sync_fills_the_cache_incremental_syncs_are_cheap_and_only_changed_screens_reread(
        make_app, private_panel, qtbot):
    proc = private_panel()
    admin = admin_of(proc)
    user = Shop(admin).user()
    for n in range(130):   # more than one page of transactions
        admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "1.00", "note": f"gift {n}"},
                   expect=201)
    advance_clock(proc, 1)       # everything above is now older than any sync's overlap window
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    first = app.synced_log[-1][1]
    with AccountCache(paths.account_cache(account.id)) as cache:
        assert len(cache.credit_transactions()) == 130
        assert Decimal(cache.config("credits")["balance"]) == Decimal("130.00")
    assert {"credits", "credit_transactions", "me", "public_settings"} <= first.resources
    lists = sum(1 for resource in LISTS if not resource.tickets)      # tickets are off on this panel: not asked
    assert first.requests > 2 + 3 + lists         # the second page of transactions

    calls = count_show_data(app)
    second = sync_now(qtbot, app)
    assert second.resources == set()
    assert second.requests <= 2 + 3 + lists        # one request per object and per list, nothing more
    assert sum(calls.values()) == 0                # nothing changed: no screen re-read anything

    admin_of(proc).data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "5.00", "note": "bonus"},
                        expect=201)
    third = sync_now(qtbot, app)
    assert {"credits", "credit_transactions"} <= third.resources
    assert "services" not in third.resources and "invoices" not in third.resources
    assert calls["credits"] == 1 and calls["dashboard"] == 1
    assert calls["services"] == 0 and calls["invoices"] == 0
    assert Decimal(app.window.data.credits["balance"]) == Decimal("135.00")
    assert app.window.status.last_synced.text() == "Last synced just now"


def test_tokens_refresh_silently_and_a_failed_refresh_asks_for_login_once(make_app, private_panel, keyring_backend,
                                                                         qtbot):
    proc = private_panel()
    user = Shop(admin_of(proc)).user(credits="7.00")
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    before = json.loads(keyring_backend.store[(SERVICE, account.id)])
    prompts = []
    app.auth_required.connect(prompts.append)

    advance_clock(proc, 1)       # the access token (15 minutes) has expired; the refresh token (7 days) has not
    sync_now(qtbot, app)
    after = json.loads(keyring_backend.store[(SERVICE, account.id)])
    assert after["access_token"] != before["access_token"] and after["refresh_token"] != before["refresh_token"]
    assert prompts == [] and app.prompt is None and app.window.status.state == "online"

    advance_clock(proc, 8)       # now the refresh token has expired too
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT) as failed:
        app.window.sidebar.sync_button.click()
    assert isinstance(failed.args[1], AuthRequired)
    qtbot.waitUntil(lambda: app.prompt is not None and app.prompt.isVisible(), timeout=WAIT)
    prompt = app.prompt
    assert user.user["email"] in prompt.message.text() and "session" in prompt.message.text()
    assert app.window.status.state == "signed_out"
    assert any("signed out" in text for text in app.window.banner_texts())
    # More triggers (the timer, another press of Ctrl+R, the other accounts) bring no second prompt.
    app.sync.sync_all()
    app.sync_now()
    qtbot.wait(300)
    assert len(app.window.findChildren(LoginPrompt)) == 1 and prompts == [account.id, account.id]

    prompt.secret_edit.setText("wrong-password")
    prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: prompt.error.isVisible(), timeout=WAIT)
    assert "incorrect" in prompt.error.text()
    prompt.secret_edit.setText(USER_PASSWORD)
    count = len(app.synced_log)
    prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert app.prompt is None and not prompt.isVisible()
    assert app.window.status.state == "online" and not app.sessions.get(account.id).needs_login
    assert not any("signed out" in text for text in app.window.banner_texts())
    assert Decimal(app.window.data.credits["balance"]) == Decimal("7.00")


def test_a_revoked_api_key_asks_for_a_new_key(make_app, shop, panel, qtbot):
    user = shop.user(credits="4.00")
    key = user.data("POST", "/account/api-keys", {"name": "Sett"}, expect=201)
    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url)
    dialog.tabs.setCurrentIndex(1)
    dialog.key_edit.setText(key["key"])
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    account = app.accounts.all()[0]
    wait_synced(qtbot, app, account.id)

    user.data("PATCH", f"/account/api-keys/{key['id']}", {"active": False})
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        app.window.sidebar.sync_button.click()
    qtbot.waitUntil(lambda: app.prompt is not None, timeout=WAIT)
    assert "no longer accepts the API key" in app.prompt.message.text()
    fresh = Api(panel, user.token).data("POST", "/account/api-keys", {"name": "Sett 2"}, expect=201)["key"]
    app.prompt.secret_edit.setText(fresh)
    count = len(app.synced_log)
    app.prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert app.secrets.load(account.id).api_key == fresh
    assert Decimal(app.window.data.credits["balance"]) == Decimal("4.00")


def test_an_account_with_no_saved_login_asks_for_one_without_saying_it_was_refused(make_app, shop, panel, secrets,
                                                                                  qtbot):
    """A login kept in memory only (a demo's) or lost with the keyring: the prompt said the panel "no longer
    accepts the API key: it may have expired or been revoked" (or that the session ended), though nothing was sent
    and nothing refused; and the account counted as reached."""
    user = shop.user(credits="3.00")
    key = user.data("POST", "/account/api-keys", {"name": "Sett"}, expect=201)["key"]
    app = make_app()
    dialog = add_dialog_at_sign_in(qtbot, app, panel.url)
    dialog.tabs.setCurrentIndex(1)
    dialog.key_edit.setText(key)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.accounts.all()) == 1, timeout=WAIT)
    account = app.accounts.all()[0]
    wait_synced(qtbot, app, account.id)

    app = restart_without_login(qtbot, make_app, secrets, app, account.id)
    words = app.prompt.message.text()
    assert "no API key saved on this computer" in words and account.email in words
    assert "revoked" not in words and "no longer accepts" not in words
    assert not app.prompt.detail.isVisible()          # no second sentence repeating it
    assert app.sessions.get(account.id).online is False and app.window.status.state == "signed_out"
    app.prompt.secret_edit.setText(key)
    count = len(app.synced_log)
    app.prompt.sign_in_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert not app.sessions.get(account.id).login_missing
    assert Decimal(app.window.data.credits["balance"]) == Decimal("3.00")


def test_a_password_account_with_no_saved_login_asks_for_the_password_in_those_words(make_app, shop, panel, secrets,
                                                                                     qtbot):
    user = shop.user()
    app = make_app()
    account = add_account(qtbot, app, panel.url, user.user["email"])

    app = restart_without_login(qtbot, make_app, secrets, app, account.id)
    words = app.prompt.message.text()
    assert "no login saved on this computer" in words and user.user["email"] in words
    assert "ended" not in words


def test_a_start_paints_the_saved_data_before_any_sync_begins(make_app, shop, qtbot):
    user = shop.user()
    first = make_app()
    add_account(qtbot, first, user.panel.url, user.user["email"])
    wait_synced(qtbot, first, first.current_id)
    close(first)

    app = make_app(start=False)          # the next start, the same data folder
    events: list[str] = []
    app.data_shown.connect(lambda _account_id, _data: events.append("shown"))
    app.sync.started.connect(lambda _account_id: events.append("sync"))
    app.start(show=True)
    qtbot.waitUntil(lambda: "sync" in events, timeout=WAIT)
    assert events[0] == "shown"           # the network waited for the saved data to reach the screens
    assert app.window.sections["dashboard"].data.account_id == app.current_id
