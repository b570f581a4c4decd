"""The Outbox exactly once, end to end: with the panel gone, the buyer asks to cancel a service and answers a support
ticket; both are shown queued (the service's page, the ticket's conversation, the Outbox button and dialog). Sett is
quit and started again while the panel is still away: the two still wait, shown as before. The panel comes back on
its address, and each reaches it once (read over its API). (tests/gui covers a cancellation and its withdrawal
across a restart, and a reply queued without one; here both kinds go out together after the restart.)"""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.gui.conftest import WAIT, add_account, close
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of

NOTICED_MS = 15_000          # the README: Sett knows within 10 s when a panel goes away


def requests_for(admin, service_id: str) -> list[dict]:
    rows = admin.data("GET", "/admin/billing/cancellations", params={"per_page": 100})
    return [r for r in rows if str(r.get("service_id")) == str(service_id)]


def open_ticket(qtbot, app, ticket_id: str):
    app.window.select_section("support")
    support = app.window.sections["support"]
    assert support.open_ticket(ticket_id)
    return support.page


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


def test_a_cancellation_and_a_reply_queued_offline_reach_the_panel_once_after_a_restart(
        qtbot, make_app, private_panel, tmp_path):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    admin = admin_of(proc)
    shop = Shop(admin)
    shop.settings(credits_enabled=True, auto_activate=True, tickets_enabled=True)
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, shop.product(name="Commuter VPS", pricing=MONTHLY_10)["id"])["order"]["service_ids"]
    ticket = user.data("POST", "/support/tickets", {"subject": "Backups", "department": "technical",
                                                    "body": "How often are backups taken?"}, expect=201)
    admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "Daily. Need more?"}, expect=201)

    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    page = open_ticket(qtbot, app, ticket["id"])
    qtbot.waitUntil(lambda: bodies(page) == ["How often are backups taken?", "Daily. Need more?"], timeout=WAIT)
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)

    # The reply, written offline: Queue reply, and it shows in the conversation as waiting.
    assert page.send_button.text() == "Queue reply" and page.send_button.isEnabled()
    page.reply_box.setPlainText("Hourly, please.")
    page.send_button.click()
    qtbot.waitUntil(lambda: bodies(page)[-1:] == ["Hourly, please."], timeout=WAIT)
    assert "waiting in the Outbox" in page.messages[-1].header.text()

    # The cancellation, asked offline from the service's page.
    app.window.select_section("services")
    services = app.window.sections["services"]
    assert services.open_service(service_id)
    service_page = services.page
    qtbot.waitUntil(lambda: service_page.cancel_button.isEnabled(), timeout=WAIT)
    dialog = service_page.open_cancel_dialog()
    dialog.end_of_period.setChecked(True)
    dialog.reason.setPlainText("Moving to a bigger plan")
    dialog.submit.click()
    qtbot.waitUntil(lambda: "waiting in the Outbox" in service_page.cancellation.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 2, timeout=WAIT)
    assert app.features["outbox"].button.text() == "Outbox (2)"
    close(app)

    app = make_app()                                            # started again, the panel still away
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 2, timeout=WAIT)
    assert app.features["outbox"].button.text() == "Outbox (2)"
    outbox = app.features["outbox"].open()
    qtbot.waitUntil(lambda: outbox.table.rowCount() == 2, timeout=WAIT)
    listed = " | ".join(outbox.table.item(r, 0).text() for r in range(2))
    assert "Moving to a bigger plan" in listed and "Hourly, please." in listed, listed
    assert [outbox.table.item(r, 2).text() for r in range(2)] == ["Waiting", "Waiting"]
    outbox.close()
    page = open_ticket(qtbot, app, ticket["id"])
    qtbot.waitUntil(lambda: bodies(page)[-1:] == ["Hourly, please."], timeout=WAIT)
    assert "waiting in the Outbox" in page.messages[-1].header.text()
    app.window.select_section("services")
    services = app.window.sections["services"]
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: "waiting in the Outbox" in services.page.cancellation.text(), timeout=WAIT)
    assert "Moving to a bigger plan" in services.page.cancellation.text()
    assert not services.page.cancel_button.isVisibleTo(services.page) or not services.page.cancel_button.isEnabled()
    app.window.select_section("support")

    private_panel(workdir, extra_args=["--port", str(port)])     # the panel is back, where it was
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: any(t.startswith("Sent from the outbox") for t in app.window.banner_texts()),
                    timeout=WAIT)

    (request,) = requests_for(admin_of(proc), service_id)        # once each, at the panel
    assert (request["type"], request["reason"], request["status"]) == ("end_of_period", "Moving to a bigger plan",
                                                                      "pending")
    at_panel = user.data("GET", f"/support/tickets/{ticket['id']}")
    assert [m["body"] for m in at_panel["messages"]] == ["How often are backups taken?", "Daily. Need more?",
                                                         "Hourly, please."]
    assert at_panel["status"] == "customer_reply"
    # and the screens say sent: the reply no longer waits, the service shows its request as the panel holds it.
    qtbot.waitUntil(lambda: bodies(page) == ["How often are backups taken?", "Daily. Need more?", "Hourly, please."]
                    and "Outbox" not in page.messages[-1].header.text(), timeout=WAIT)
    app.window.select_section("services")
    services = app.window.sections["services"]
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: services.page.cancellation.text() == "Cancellation requested (at the end of the "
                    "period). Reason: Moving to a bigger plan", timeout=WAIT)
    assert app.features["outbox"].button.text() == "Outbox"
