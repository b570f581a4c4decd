"""The outbox against the real panel: a cancellation request and its withdrawal queued offline survive a restart
and reach the panel once each when it is back; a replay killed with SIGKILL after the panel acted (its answer
stalled by a proxy) is sent again with the same key on restart, and the panel holds exactly one request."""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.catalogue import Shop, buy

from .conftest import WAIT, add_account, admin_of, close

NOTICED_MS = 10_000


def requests_for(admin, service_id: str) -> list[dict]:
    rows = admin.data("GET", "/admin/billing/cancellations", params={"per_page": 100})
    return [r for r in rows if str(r.get("service_id")) == str(service_id)]


def queue_offline_cancellation(qtbot, app, service_id: str, reason: str):
    app.window.select_section("services")
    section = app.window.sections["services"]
    assert section.open_service(service_id)
    page = section.page
    qtbot.waitUntil(lambda: page.cancel_button.isVisible() and page.cancel_button.isEnabled(), timeout=WAIT)
    assert "Outbox" in page.cancel_button.toolTip()          # offline: enabled, and says it will wait
    dialog = page.open_cancel_dialog()
    dialog.immediate.setChecked(True)
    dialog.reason.setPlainText(reason)
    dialog.submit.click()
    qtbot.waitUntil(lambda: "waiting in the Outbox" in page.cancellation.text(), timeout=WAIT)
    assert page.message.text().startswith("Queued in the Outbox")
    return page


def test_a_request_and_its_withdrawal_queued_offline_reach_the_panel_once_after_a_restart(
        make_app, private_panel, tmp_path, qtbot):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    admin = admin_of(proc)
    shop = Shop(admin)
    product = shop.product(name="Train VPS")
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, product["id"])["order"]["service_ids"]
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)

    # What cannot wait looks disabled and says why: money is never queued.
    app.window.select_section("credits")
    credits = app.window.sections["credits"]
    assert not credits.top_up_button.isEnabled() and "never wait" in credits.top_up_button.toolTip()
    app.window.select_section("cart")
    cart = app.window.sections["cart"]
    assert not cart.checkout.isEnabled() and cart.checkout.toolTip()
    page = queue_offline_cancellation(qtbot, app, service_id, "Too slow on trains")
    qtbot.waitUntil(lambda: page.withdraw_button.isVisible() and page.withdraw_button.isEnabled(), timeout=WAIT)
    page.withdraw_button.click()
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 2, timeout=WAIT)
    feature = app.features["outbox"]
    assert feature.button.text() == "Outbox (2)"
    dialog = feature.open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT)
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["Waiting", "Waiting"]
    assert dialog.lead.isVisible() and "sent once" in dialog.lead.text() and not dialog.empty.isVisible()
    assert "Too slow on trains" in dialog.table.item(0, 0).text()
    # The reason can be edited until it is sent.
    dialog.edit_requested.emit(dialog.rows[0]["id"], "Too slow on trains, and the VPN drops")
    qtbot.waitUntil(lambda: "VPN drops" in dialog.table.item(0, 0).text(), timeout=WAIT)
    close(app)

    app = make_app()                                             # the restart: the outbox is on disk
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 2, timeout=WAIT)
    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)

    (request,) = requests_for(admin, service_id)                 # one request reached the panel, and was withdrawn
    assert request["status"] == "withdrawn" and request["reason"] == "Too slow on trains, and the VPN drops"
    qtbot.waitUntil(lambda: any(t.startswith("Sent from the outbox") for t in app.window.banner_texts()),
                    timeout=WAIT)
    app.window.select_section("services")
    services = app.window.sections["services"]
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: services.page.cancellation.text() == "No cancellation requested.", timeout=WAIT)
    dialog = app.features["outbox"].open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2 and dialog.table.item(1, 2).text() == "Sent", timeout=WAIT)


def test_what_the_panel_refuses_on_replay_is_told_and_kept_until_dismissed(make_app, private_panel, tmp_path, qtbot):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    admin = admin_of(proc)
    shop = Shop(admin)
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, shop.product(name="Doomed VPS")["id"])["order"]["service_ids"]
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
    queue_offline_cancellation(qtbot, app, service_id, "Not needed")
    close(app)   # the app is not running while the service ends elsewhere, so the replay meets a cancelled one
    proc = private_panel(workdir, extra_args=["--port", str(port)])
    admin = admin_of(proc)
    web = user.data("POST", f"/billing/services/{service_id}/cancel", {"type": "immediate", "reason": "from the web"},
                    expect=201)
    admin.data("POST", f"/admin/billing/cancellations/{web['id']}/approve")
    app = make_app()
    qtbot.waitUntil(lambda: any("refused" in t for t in app.window.banner_texts()), timeout=WAIT)
    dialog = app.features["outbox"].open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.table.item(0, 2).text() == "Refused by the panel" and dialog.table.item(0, 3).text()
    dialog.select(0)
    assert dialog.remove_button.text() == "Dismiss" and dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=WAIT)
    assert dialog.empty.isVisible() and not dialog.lead.isVisible()
    assert [r["reason"] for r in requests_for(admin, service_id)] == ["from the web"]
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)


def test_mark_all_read_offline_is_queued_shown_read_and_sent_when_the_panel_is_back(make_app, private_panel,
                                                                                     tmp_path, qtbot):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    shop = Shop(admin_of(proc))
    user = shop.user(credits="10.00")
    buy(user, shop.product(name="Read-later VPS")["id"])
    unread = [n["uuid"] for n in user.data("GET", "/notifications", params={"per_page": 100}) if not n["read"]]
    assert unread
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
    dialog = app.notices.open_dialog()
    qtbot.waitUntil(lambda: dialog.mark_button.isEnabled(), timeout=WAIT)
    assert "Outbox" in dialog.mark_button.toolTip()
    dialog.mark_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Queued in the Outbox"), timeout=WAIT)
    qtbot.waitUntil(lambda: all(n["read"] for n in dialog.notices()), timeout=WAIT)    # read here at once
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 1, timeout=WAIT)   # counted after

    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
    still = {n["uuid"] for n in user.data("GET", "/notifications", params={"per_page": 100}) if not n["read"]}
    assert still.isdisjoint(unread)
