"""What goes wrong outside the app: a damaged or too-new cache, a panel that answers nonsense, a damaged account
list, quitting mid-sync. Each gets a sentence in the window, and the app stays usable."""
from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from app import paths
from app.api import Credentials, NotAPanel
from app.cache import AccountCache, CacheDamaged, CacheTooNew
from app.session.accounts import AccountStore
from tests.client.servers import CannedServer, Reply

from .conftest import WAIT, add_account, close, wait_synced


@pytest.fixture
def synced_account(make_app, shop, panel, qtbot):
    """An account that synced once, with the app closed again: (account, user)."""
    user = shop.user(credits="8.00")
    app = make_app()
    account = add_account(qtbot, app, panel.url, user.user["email"], name="Cached")
    close(app)
    return account, user


def banner(app, starts: str):
    return next((b for b in app.window.banners.values() if b.text.startswith(starts)), None)


def test_a_damaged_cache_is_said_and_can_be_rebuilt(synced_account, make_app, qtbot):
    account, user = synced_account
    path = paths.account_cache(account.id)
    for side in path.parent.glob(path.name + "-*"):
        side.unlink()
    path.write_bytes(b"this is not a database at all" * 100)
    app = make_app(start=False)
    failures = []
    app.sync_failed.connect(lambda _id, error: failures.append(error))
    app.start()
    qtbot.waitUntil(lambda: banner(app, "The cache for this account is damaged") is not None, timeout=WAIT)
    assert all(isinstance(e, CacheDamaged) for e in failures)
    assert app.window.status.state == "error"
    shown = banner(app, "The cache for this account is damaged")
    assert shown.level == "error" and shown.action_button.text() == "Rebuild"
    # Still usable: screens switch, the add-account dialog opens.
    app.window.select_section("invoices")
    assert app.window.current_key == "invoices"
    app.open_add_dialog().reject()

    count = len(app.synced_log)
    shown.action_button.click()
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    assert banner(app, "The cache for this account is damaged") is None
    assert Decimal(app.window.data.credits["balance"]) == Decimal("8.00")
    assert app.window.status.state == "online"
    kept = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_a_cache_from_a_newer_sett_is_refused_untouched_and_the_app_stays_usable(synced_account, make_app, shop,
                                                                                    panel, qtbot):
    account, _user = synced_account
    path = paths.account_cache(account.id)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    app = make_app(start=False)
    failures = []
    app.sync_failed.connect(lambda _id, error: failures.append(error))
    app.start()
    qtbot.waitUntil(lambda: banner(app, "The cache for this account was written by a newer version") is not None,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: len(failures) >= 2, timeout=WAIT)     # the cache read and the sync both refused it
    assert all(isinstance(e, CacheTooNew) for e in failures)
    assert banner(app, "The cache for this account was written").action_button is None   # nothing to rebuild
    assert path.read_bytes() == before
    # Another account works as usual.
    other = shop.user(credits="1.00")
    second = add_account(qtbot, app, panel.url, other.user["email"])
    assert app.current_id == second.id and Decimal(app.window.data.credits["balance"]) == Decimal("1.00")
    assert banner(app, "The cache for this account was written") is None   # it belongs to the other account


@pytest.mark.parametrize("reply", [
    Reply(200, "<!doctype html><html><body>Router login</body></html>", content_type="text/html"),
    Reply(200, '{"data": {"panel_name": ', content_type="application/json"),
    Reply(500, "<html><body>Internal Server Error</body></html>", content_type="text/html"),
], ids=["html", "malformed-json", "server-error-page"])
def test_a_panel_answering_nonsense_is_said_and_nothing_is_written(make_app, data_dir, secrets, qtbot, reply):
    server = CannedServer(reply)
    try:
        account = AccountStore(paths.accounts_file()).add(name="Odd", panel_url=server.url, email="a@b.test",
                                                          auth_kind="password")
        secrets.save(account.id, Credentials.from_tokens("access", "refresh"))
        app = make_app(start=False)
        with qtbot.waitSignal(app.sync_failed, timeout=WAIT) as failed:
            app.start()
        text = next(t for t in app.window.banner_texts() if t.startswith("Sync with"))
        if reply.status == 500:
            assert "The panel ran into a problem." in text
        else:
            assert isinstance(failed.args[1], NotAPanel) and "That address is not a billing panel." in text
        assert app.window.isVisible() and app.window.current_key == "dashboard"
        with AccountCache(paths.account_cache(account.id)) as cache:
            assert cache.sync_states() == {} and cache.config("public_settings") is None
    finally:
        server.close()


def test_a_damaged_account_list_is_set_aside(make_app, data_dir, qtbot):
    paths.accounts_file().write_text("[{not json", encoding="utf-8")
    app = make_app()
    assert app.accounts.all() == [] and app.window.current_key == "welcome"
    assert any("The list of accounts could not be read" in t for t in app.window.banner_texts())
    assert list(data_dir.glob("accounts.json.damaged-*"))


def test_quitting_mid_sync_leaves_the_last_good_cache(synced_account, make_app, qtbot):
    account, _user = synced_account
    app = make_app(start=False)
    with qtbot.waitSignal(app.sync.started, timeout=WAIT):    # once the saved data is shown, the sync begins
        app.start(show=True)
    assert app.sync.is_running(account.id)
    close(app)      # abandons the sync's requests; a sync cut off writes nothing
    with AccountCache(paths.account_cache(account.id)) as cache:
        assert Decimal(cache.config("credits")["balance"]) == Decimal("8.00")
    app = make_app()
    wait_synced(qtbot, app, account.id)
    assert Decimal(app.window.data.credits["balance"]) == Decimal("8.00")
