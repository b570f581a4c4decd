"""Quitting while a panel does not answer: the real Sett, a real panel behind a proxy that holds one request and
never answers it. Quitting abandons that request at once (the proxy sees the connection closed while it still
holds it), sends nothing again, writes nothing from the abandoned sync, and tells nobody it failed.

The proxy's hold ends only when the test sets `release`, after quitting returned and every worker ended; with the
old code the worker sat in the unanswered read until its timeout, then sent the request again.
"""
from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import QThreadPool

from app import paths
from app.cache import AccountCache
from tests.client.servers import HoldingProxy

from .conftest import WAIT, add_account, close, move_account

NOTIFICATIONS = "/api/v1/notifications"   # the last list a sync asks for: everything else is fetched by then
BILLING_CONFIG = "/api/v1/billing/config"


def move_to(app, account, url: str) -> None:
    """The account's panel now lives behind `url` (its saved login stays)."""
    move_account(app, account, url)


def workers_idle(app) -> bool:
    """No worker of the app (syncs, one-off calls) is still running."""
    return all(pool.activeThreadCount() == 0 for pool in app.findChildren(QThreadPool))


def cached_state(account_id: str) -> tuple[Decimal, dict]:
    with AccountCache(paths.account_cache(account_id)) as cache:
        return Decimal(cache.config("credits")["balance"]), cache.sync_state("credit_transactions")


def test_quitting_abandons_a_sync_the_panel_holds_and_writes_nothing(make_app, shop, panel, qtbot, caplog):
    user = shop.user(credits="5.00")
    app = make_app(request_timeout=60.0)
    account = add_account(qtbot, app, panel.url, user.user["email"])
    before = cached_state(account.id)
    shop.admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "7.00", "note": "gift"},
                    expect=201)   # what the abandoned sync has fetched when it is abandoned
    proxy = HoldingProxy(panel.url, NOTIFICATIONS)
    failures: list = []
    app.sync_failed.connect(lambda account_id, error: failures.append(error))
    try:
        move_to(app, account, proxy.url)
        app.window.sidebar.sync_button.click()
        assert proxy.arrived.wait(WAIT)
        assert proxy.seen_at("/api/v1/billing/credits")          # the new balance is on its way
        caplog.set_level(logging.INFO)
        close(app)                                               # quit, while the proxy holds the request
        assert proxy.abandoned.wait(WAIT)                        # closed by Sett, not released by the test
        qtbot.waitUntil(lambda: workers_idle(app), timeout=WAIT)  # the sync's worker ended, the request held
        assert len(proxy.seen_at(NOTIFICATIONS)) == 1            # and it was not sent again
    finally:
        proxy.release.set()
        proxy.close()
    assert cached_state(account.id) == before                    # the abandoned sync wrote nothing
    assert failures == []                                        # nobody is told a sync failed
    assert not any(key in app.sessions.get(account.id).notes for key in ("sync", "offline"))
    assert f"sync of account {account.id} cancelled: nothing was written" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_quitting_abandons_a_one_off_call_the_panel_holds(make_app, shop, panel, qtbot, caplog):
    user = shop.user()
    app = make_app(request_timeout=60.0)
    account = add_account(qtbot, app, panel.url, user.user["email"])
    proxy = HoldingProxy(panel.url, BILLING_CONFIG)
    answers: list = []
    try:
        move_to(app, account, proxy.url)
        app.sessions.get(account.id).run(lambda ctx: ctx.client.billing_config(), on_done=answers.append,
                                         on_error=answers.append)
        assert proxy.arrived.wait(WAIT)
        caplog.set_level(logging.INFO)
        close(app)
        assert proxy.abandoned.wait(WAIT)
        qtbot.waitUntil(lambda: workers_idle(app), timeout=WAIT)
        assert len(proxy.seen_at(BILLING_CONFIG)) == 1
    finally:
        proxy.release.set()
        proxy.close()
    assert answers == []                                          # no error reaches a screen being torn down
    assert "GET /api/v1/billing/config abandoned: cancelled" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
