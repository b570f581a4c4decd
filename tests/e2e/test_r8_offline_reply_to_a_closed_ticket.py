"""A reply written offline to a ticket the buyer had closed, in the running client against the real panel: the page
offers to queue it, shows it waiting in the conversation, and once the panel is back the reply reaches it once and
the ticket is open again, on the page and in the Support list, as writing to a closed ticket does online."""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.gui.conftest import WAIT, add_account
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of

NOTICED_MS = 15_000


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


def statuses(support) -> list[str]:
    model = support.proxy
    return [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_a_reply_queued_offline_to_a_closed_ticket_reopens_it_once_the_panel_is_back(
        qtbot, make_app, private_panel, tmp_path):
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    shop = Shop(admin_of(proc))
    shop.settings(tickets_enabled=True)
    user = shop.user()
    ticket = user.data("POST", "/support/tickets", {"subject": "DNS", "department": "technical",
                                                    "body": "My domain does not resolve."}, expect=201)
    user.data("POST", f"/support/tickets/{ticket['id']}/close", expect=200)

    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    app.window.select_section("support")
    support = app.window.sections["support"]
    qtbot.waitUntil(lambda: support.open_ticket(ticket["id"]), timeout=WAIT)
    page = support.page
    qtbot.waitUntil(lambda: bodies(page) == ["My domain does not resolve."] and page.chip.text() == "Closed",
                    timeout=WAIT)
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)

    qtbot.waitUntil(lambda: page.send_button.text() == "Queue reply" and page.send_button.isEnabled(), timeout=WAIT)
    page.reply_box.setPlainText("It is back to failing.")
    page.send_button.click()
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: bodies(page)[-1:] == ["It is back to failing."], timeout=WAIT)
    assert "waiting in the Outbox" in page.messages[-1].header.text()
    assert page.reply_box.toPlainText() == ""

    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
    at_panel = user.data("GET", f"/support/tickets/{ticket['id']}")
    assert [m["body"] for m in at_panel["messages"]] == ["My domain does not resolve.", "It is back to failing."]
    assert at_panel["status"] != "closed"
    qtbot.waitUntil(lambda: page.chip.text() not in ("Closed", "") and "Outbox" not in page.messages[-1].header.text(),
                    timeout=WAIT)
    assert page.close_button.isVisibleTo(page)
    support.show_list()
    qtbot.waitUntil(lambda: "Closed" not in statuses(support), timeout=WAIT)
