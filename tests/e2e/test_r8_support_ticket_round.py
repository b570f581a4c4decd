"""A support ticket's whole round, as a buyer lives it in the running client against the real panel: asked from an
invoice's page (Get help with this) with markup in the subject and the message; the staff answer over the admin API;
after a sync the bell counts one unread, its list says Support replied, and a click there opens the ticket
with the answer, shown as the characters written; the Support list follows each status (Open, Answered, Awaiting
reply, Closed); a reply, Close, then a reply to the closed ticket reopens it. Each step is read at the panel too.
(tests/gui/test_support walks most of this and opens the notice through the tray; here the bell's own list is used
and the list's statuses and the reopening are followed.)"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT, sync_now
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of

SUBJECT = "<b>Charged</b> twice? & more"
BODY = "<img src=x onerror=alert(1)> Why two charges for <i>one</i> server?"
ANSWER = "<a href='http://example.test/'>Click here</a> &amp; we refund the second one."


@pytest.fixture(scope="module")
def e2e_shop(e2e_panel) -> Shop:
    """This module's shop: support tickets are on."""
    shop = Shop(admin_of(e2e_panel))
    shop.settings(credits_enabled=True, auto_activate=True, tickets_enabled=True)
    return shop


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


def list_row(support) -> dict[str, str]:
    """The one ticket's row of the Support list: header -> text."""
    model = support.proxy
    assert model.rowCount() == 1
    return {str(model.headerData(c, Qt.Orientation.Horizontal)): model.index(0, c).data()
            for c in range(model.columnCount())}


def test_a_ticket_asked_from_an_invoice_is_answered_notified_replied_closed_and_reopened(
        qtbot, client_of, e2e_shop, e2e_panel):
    admin = admin_of(e2e_panel)
    product = e2e_shop.product(name="Helpdesk Round VPS", pricing=MONTHLY_10)
    app, account, buyer = client_of(credits="10.00", product=product)
    invoice = buy(buyer, product["id"])["invoice"]
    sync_now(qtbot, app, account.id)
    window = app.window

    # Get help with this, on the invoice's page: the new ticket is about that invoice.
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(invoice["id"]), timeout=WAIT)
    invoices.page.help_button.click()
    support = window.sections["support"]
    dialog = support.dialog
    assert dialog is not None and dialog.isVisible() and invoice["invoice_number"] in dialog.about.text()
    dialog.subject.setText(SUBJECT)
    dialog.body.setPlainText(BODY)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: support.page_open and bool(support.page.ticket_id), timeout=WAIT)
    page = support.page
    (ticket,) = buyer.data("GET", "/support/tickets")
    assert (ticket["subject"], ticket["related"]["invoice_id"], ticket["status"]) == (SUBJECT, invoice["id"], "open")
    qtbot.waitUntil(lambda: bodies(page) == [BODY], timeout=WAIT)
    assert page.title.text() == SUBJECT
    support.show_list()
    qtbot.waitUntil(lambda: support.proxy.rowCount() == 1, timeout=WAIT)
    row = list_row(support)
    assert SUBJECT in row.values() and "Open" in row.values(), row

    # The staff answer; after a sync the bell counts it, and the list says Support replied.
    unread = sum(1 for n in buyer.data("GET", "/notifications") if not n["read"])    # the purchase's own
    assert window.sidebar.notices_badge.text() == (str(unread) if unread else "")
    admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": ANSWER}, expect=201)
    window.select_section("dashboard")
    sync_now(qtbot, app, account.id)
    qtbot.waitUntil(lambda: window.sidebar.notices_badge.text() == str(unread + 1), timeout=WAIT)
    bell = app.notices.open_dialog()
    (notice,) = [n for n in bell.notices() if n.get("ticket_id") == ticket["id"]]
    assert notice["title"] == "Support replied" and not notice["read"]
    item = bell.list.item(bell.notices().index(notice))
    qtbot.waitExposed(bell)
    bell.list.scrollToItem(item)
    qtbot.mouseClick(bell.list.viewport(), Qt.MouseButton.LeftButton, pos=bell.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.current_key == "support" and support.page_open
                    and page.ticket_id == ticket["id"], timeout=WAIT)
    qtbot.waitUntil(lambda: bodies(page) == [BODY, ANSWER], timeout=WAIT)
    assert page.messages[1].body.textFormat() == Qt.TextFormat.PlainText
    assert "(staff)" in page.messages[1].header.text() and page.chip.text() == "Answered"
    qtbot.waitUntil(lambda: window.sidebar.notices_badge.text() == (str(unread) if unread else ""),
                    timeout=WAIT)                                                      # read now
    qtbot.waitUntil(lambda: all(n["read"] for n in buyer.data("GET", "/notifications")
                                if n["uuid"] == notice["uuid"]), timeout=WAIT)

    # A reply: Awaiting reply, at the panel and in the list.
    page.reply_box.setPlainText("Thanks, <b>both</b> were mine?")
    page.send_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "Reply sent.", timeout=WAIT)
    assert buyer.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "customer_reply"
    support.show_list()
    qtbot.waitUntil(lambda: "Awaiting reply" in list_row(support).values(), timeout=WAIT)

    # Close, then a reply to the closed ticket opens it again.
    assert support.open_ticket(ticket["id"])
    page = support.page
    page.close_button.click()
    qtbot.waitUntil(lambda: page.chip.text() == "Closed", timeout=WAIT)
    assert buyer.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "closed"
    assert page.send_button.text() == "Send and reopen"
    page.reply_box.setPlainText("One more thing.")
    page.send_button.click()
    qtbot.waitUntil(lambda: bodies(page)[-1:] == ["One more thing."] and page.chip.text() != "Closed", timeout=WAIT)
    at_panel = buyer.data("GET", f"/support/tickets/{ticket['id']}")
    assert at_panel["status"] != "closed"
    assert [m["body"] for m in at_panel["messages"]] == [BODY, ANSWER, "Thanks, <b>both</b> were mine?",
                                                         "One more thing."]
    assert page.close_button.isVisibleTo(page) and page.send_button.text() != "Send and reopen"
    support.show_list()
    qtbot.waitUntil(lambda: "Closed" not in list_row(support).values(), timeout=WAIT)
