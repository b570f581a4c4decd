"""Live connectivity against the real panel: a panel that stops is noticed within 10 s with no sync asked for,
and one that comes back on the same address too; the switcher says each account's state in words."""
from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from tests.client.servers import SilentSocket
from tests.support.catalogue import Shop

from .conftest import WAIT, add_account, admin_of, wait_synced

NOTICED_MS = 10_000    # the promise: within 10 s, without a manual sync


def test_a_panel_that_stops_is_noticed_within_seconds_and_its_return_too(make_app, private_panel, tmp_path, qtbot):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    user = Shop(admin_of(proc)).user()
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"], name="Train")
    wait_synced(qtbot, app, account.id)
    qtbot.waitUntil(lambda: app.window.status.state == "online", timeout=WAIT)
    assert "Online" in app.window.switcher.host.text()
    port = urlsplit(proc.url).port

    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
    assert "Offline since" in app.window.switcher.host.text()
    assert " since " in app.window.status.connection.text()
    tip = app.window.switcher.combo.itemData(0, 3)   # Qt.ToolTipRole
    assert "Offline since" in tip

    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.window.status.state == "online", timeout=NOTICED_MS)
    assert "Online" in app.window.switcher.host.text()


def test_a_wake_from_sleep_probes_at_once(make_app, shop, panel, qtbot, monkeypatch):
    app = make_app()
    user = shop.user()
    account = add_account(qtbot, app, panel.url, user.user["email"])
    wait_synced(qtbot, app, account.id)
    prober = app.sessions.prober
    # A probe of the account still in flight (the regular ones run every few seconds) would make the tick skip it.
    qtbot.waitUntil(lambda: account.id not in prober._busy, timeout=WAIT)
    asked = []
    monkeypatch.setattr(prober, "_probe", lambda session: asked.append(session.id))
    prober._due[account.id] = float("inf")                 # not due for a long time...
    wall, mono = prober._clocks
    prober._clocks = (wall - 3600, mono)                   # ...but the wall clock ran an hour ahead meanwhile
    prober._tick()
    assert asked == [account.id]


def online_session(make_app, shop, panel, qtbot):
    """An app with one synced account whose panel answers: (app, its session)."""
    app = make_app()
    account = add_account(qtbot, app, panel.url, shop.user().user["email"])
    wait_synced(qtbot, app, account.id)
    session = app.sessions.get(account.id)
    qtbot.waitUntil(lambda: session.link.online, timeout=WAIT)
    return app, session


def test_a_panel_that_goes_silent_is_offline_after_two_probe_timeouts_within_seconds(make_app, shop, panel, qtbot):
    app, session = online_session(make_app, shop, panel, qtbot)
    failures = []
    session.sync_failed.connect(failures.append)
    silent = SilentSocket()             # accepts connections, never answers: a black-holed network
    try:
        session.account = dataclasses.replace(session.account, panel_url=silent.url)
        qtbot.waitUntil(lambda: session.link.offline, timeout=NOTICED_MS)
        assert "no answer within" in session.link.reason or "timed out" in session.link.reason, session.link.reason
        assert app.sessions.prober._timed_out == set()       # the second timeout decided, and was forgotten
    finally:
        silent.close()


def test_a_sync_stuck_on_a_silent_panel_gives_up_when_the_account_goes_offline(make_app, shop, panel, qtbot):
    """What the user does offline (an action put in the outbox, its count) runs on the account's worker: a sync
    waiting on a black-holed panel (10 s timeouts, retried) must not hold it once the prober has said Offline."""
    from app.session.operations import outbox as outbox_ops

    app, session = online_session(make_app, shop, panel, qtbot)
    silent = SilentSocket()
    try:
        session.account = dataclasses.replace(session.account, panel_url=silent.url)
        session.sync()                                        # Sync now, as the panel goes silent
        assert app.sessions.sync.is_running(session.id)
        qtbot.waitUntil(lambda: session.link.offline, timeout=NOTICED_MS)
        counted = []
        session.run(outbox_ops.pending_count, on_done=counted.append)
        # The stuck sync would hold the worker for 10 s per attempt; abandoned, the count comes at once.
        qtbot.waitUntil(lambda: counted == [0], timeout=NOTICED_MS // 2)
        assert not app.sessions.sync.is_running(session.id)
        assert "Syncing" not in app.window.status.connection.text()
        assert session.link.offline                           # the abandoned sync said nothing else
    finally:
        silent.close()


def test_a_sync_started_while_offline_gives_up_when_the_panel_stays_silent(make_app, shop, panel, qtbot):
    """Offline already, a sync starts (a probe's answer, or Sync now) and the panel goes silent again: the next
    failed probe abandons it too, so what the user does next does not wait behind its timeouts."""
    from app.session.operations import outbox as outbox_ops

    app, session = online_session(make_app, shop, panel, qtbot)
    silent = SilentSocket()
    try:
        session.account = dataclasses.replace(session.account, panel_url=silent.url)
        qtbot.waitUntil(lambda: session.link.offline, timeout=NOTICED_MS)
        qtbot.waitUntil(lambda: not app.sessions.sync.is_running(session.id), timeout=NOTICED_MS)
        session.sync()                                        # offline, a sync that will hang on the silent panel
        assert app.sessions.sync.is_running(session.id)
        qtbot.waitUntil(lambda: not app.sessions.sync.is_running(session.id), timeout=NOTICED_MS + 2_000)
        counted = []
        session.run(outbox_ops.pending_count, on_done=counted.append)
        qtbot.waitUntil(lambda: counted == [0], timeout=NOTICED_MS // 2)
        assert session.link.offline
        assert "Syncing" not in app.window.status.connection.text()
    finally:
        silent.close()
