"""Switching accounts while the one left is still syncing, against the real panel: when that sync ends, the screens
keep showing the account switched to (its credits, its name), the sync's data is kept for the account it belongs
to, and switching back shows it without another sync."""
from __future__ import annotations

import threading
from decimal import Decimal

from app.session import Sessions

from .conftest import WAIT, add_account


def test_a_sync_ending_after_a_switch_leaves_the_screens_on_the_new_account(make_app, shop, panel, qtbot,
                                                                           monkeypatch):
    first, second = shop.user(credits="11.00"), shop.user(credits="22.00")
    app = make_app()
    a = add_account(qtbot, app, panel.url, first.user["email"], name="First")
    b = add_account(qtbot, app, panel.url, second.user["email"], name="Second")
    combo = app.window.switcher.combo
    combo.setCurrentIndex(combo.findData(a.id))
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == a.id, timeout=WAIT)
    qtbot.waitUntil(lambda: not app.sync.is_running(a.id), timeout=WAIT)

    release = threading.Event()
    real_job = Sessions._sync_job

    def held_job(self, account_id):
        job = real_job(self, account_id)
        if account_id != a.id:
            return job

        def held(progress, cancellation):
            release.wait(10)           # A's sync is in flight while the user switches
            return job(progress, cancellation)
        return held

    monkeypatch.setattr(Sessions, "_sync_job", held_job)
    count = len(app.synced_log)
    app.window.sidebar.sync_button.click()
    qtbot.waitUntil(lambda: app.sync.is_running(a.id), timeout=WAIT)
    combo.setCurrentIndex(combo.findData(b.id))
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == b.id, timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: any(aid == a.id for aid, _ in app.synced_log[count:]), timeout=WAIT)
    qtbot.wait(200)

    assert app.current_id == b.id and combo.currentText() == "Second"
    assert app.window.data.account_id == b.id
    assert Decimal(app.window.data.credits["balance"]) == Decimal("22.00")
    assert second.user["email"] in app.window.who.text()

    combo.setCurrentIndex(combo.findData(a.id))
    qtbot.waitUntil(lambda: app.window.data.account_id == a.id, timeout=WAIT)
    assert Decimal(app.window.data.credits["balance"]) == Decimal("11.00")
    assert first.user["email"] in app.window.who.text()
