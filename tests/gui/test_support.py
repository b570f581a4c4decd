"""Support tickets against the real panel: a ticket opened from an invoice ("Get help with this"), checked in
words before sending; the admin replies over HTTP; the customer is notified, opens the ticket from the notice and
sees the reply after a sync; replies and closes. Bodies holding HTML or <script> show as plain text. With tickets
off the Support screen says why, and the help buttons are gone."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.session import cannot_reach
from tests.support.catalogue import buy

from .conftest import WAIT, add_account, sync_now
from .test_notices import RecordingTray, start_app

SCRIPT = "<script>alert('owned')</script><b>Why</b> was I charged twice?"


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


def test_a_ticket_from_an_invoice_answered_replied_and_closed(make_app, shop, admin, qtbot, tickets_on):
    product = shop.product(name="Helpdesk VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    invoice = order["invoice"]
    tray = RecordingTray()
    app = start_app(make_app, tray)
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window

    # The invoice's page offers help; it opens New ticket, linked to the invoice and with a subject.
    window.select_section("invoices")
    window.sections["invoices"].apply_filter({"invoice": invoice["id"]})
    invoice_page = window.sections["invoices"].page
    qtbot.waitUntil(lambda: invoice_page.invoice_id == invoice["id"], timeout=WAIT)
    assert invoice_page.help_button.isVisibleTo(invoice_page)
    invoice_page.help_button.click()
    support = window.sections["support"]
    assert window.current_key == "support"
    dialog = support.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.subject.text() == f"Question about invoice {invoice['invoice_number']}"
    assert dialog.department.currentData() == "billing"
    assert invoice["invoice_number"] in dialog.about.text()

    # Refused in words before anything is sent.
    dialog.send_button.click()
    assert dialog.isVisible() and "empty" in dialog.problem.text()
    dialog.body.setPlainText("x" * 20_001)
    dialog.send_button.click()
    assert "20,001 characters" in dialog.problem.text() and "20,000" in dialog.problem.text()
    assert user.data("GET", "/support/tickets") == []

    dialog.body.setPlainText(SCRIPT)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: support.page_open and bool(support.page.ticket_id), timeout=WAIT)
    page = support.page
    (ticket,) = user.data("GET", "/support/tickets")
    assert ticket["related"]["invoice_id"] == invoice["id"] and page.ticket_id == ticket["id"]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: bodies(page) == [SCRIPT], timeout=WAIT)
    # Plain text: the characters of the markup are shown, nothing is rendered or run.
    body = page.messages[0].body
    assert body.textFormat() == Qt.TextFormat.PlainText and body.text() == SCRIPT
    assert page.title.textFormat() == Qt.TextFormat.PlainText
    assert page.related_button.text() == f"About invoice {invoice['invoice_number']} →"

    # The admin answers over HTTP; after a sync the customer is told and sees the reply.
    admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "<i>Refunded</i> the second one."},
               expect=201)
    sync_now(qtbot, app)
    qtbot.waitUntil(lambda: len(page.messages) == 2, timeout=WAIT)
    assert bodies(page)[1] == "<i>Refunded</i> the second one." and "(staff)" in page.messages[1].header.text()
    assert page.chip.text() == "Answered"
    notice = next(n for n in tray.shown if n.get("ticket_id") == ticket["id"])
    assert notice["title"] == "Support replied"
    support.show_list()
    app.notices.open_notice(notice)
    assert window.current_key == "support" and support.page_open and page.ticket_id == ticket["id"]

    # A reply, checked first, then sent; then Close.
    page.reply_box.setPlainText("   ")
    page.send_button.click()
    assert "empty" in page.message.text()
    page.reply_box.setPlainText("Thanks!")
    page.send_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "Reply sent.", timeout=WAIT)
    assert page.reply_box.toPlainText() == "" and bodies(page)[-1] == "Thanks!"
    assert user.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "customer_reply"
    page.close_button.click()
    qtbot.waitUntil(lambda: page.chip.text() == "Closed", timeout=WAIT)
    assert user.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "closed"
    assert not page.close_button.isVisibleTo(page) and page.send_button.text() == "Send and reopen"
    assert support.model.rowCount() == 1

    # Offline a reply waits in the Outbox (Queue reply); New ticket says the panel is needed.
    page.set_online(False)
    support.set_online(False)
    assert page.send_button.isEnabled() and page.send_button.text() == "Queue reply"
    assert page.message.text().startswith("Offline") and "Outbox" in page.message.text()
    assert not support.new_button.isEnabled() and "needs the panel" in support.new_button.toolTip()
    page.set_online(True)


def test_a_service_asks_for_help_and_tickets_off_hides_support_with_a_reason(make_app, shop, qtbot, tickets_on):
    product = shop.product(name="Help VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    (service_id,) = order["order"]["service_ids"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    window.select_section("services")
    window.sections["services"].apply_filter({"service": service_id})
    service_page = window.sections["services"].page
    qtbot.waitUntil(lambda: service_page.service_id == service_id, timeout=WAIT)
    service_page.help_button.click()
    dialog = window.sections["support"].dialog
    assert dialog.subject.text() == "Help with Help VPS" and "Help VPS" in dialog.about.text()
    assert dialog.fields()["service_id"] == service_id
    dialog.reject()

    shop.settings(tickets_enabled=False)
    sync_now(qtbot, app)
    support = window.sections["support"]
    window.select_section("support")
    assert support.stack.currentWidget() is support.off
    assert "switched them off" in support.off.paragraphs[0].text()
    assert support.open_new_ticket() is None
    window.select_section("services")
    assert not service_page.help_button.isVisibleTo(service_page)


def test_signed_out_new_ticket_says_a_login_is_needed_and_offers_sign_in(make_app, shop, qtbot, tickets_on,
                                                                       monkeypatch):
    user = shop.user(credits="10.00")
    app = make_app()
    account = add_account(qtbot, app, user.panel.url, user.user["email"])
    session = app.sessions.get(account.id)
    monkeypatch.setattr(session, "needs_login", True)     # as after a refused login (tests/gui/test_sync.py)
    window = app.window
    window.select_section("support")
    support = window.sections["support"]
    dialog = support.open_new_ticket()      # as "Get help with this" on a service or an invoice page opens it
    assert dialog is not None and not dialog.send_button.isEnabled()
    assert dialog.problem.text().startswith("Signed out") and "sign in" in dialog.problem.text()
    assert "reconnects" not in dialog.problem.text() and dialog.sign_in_button.isVisibleTo(dialog)
    assert "sign in" in support.new_button.toolTip() and not support.new_button.isEnabled()
    # The other actions needing the panel (pay, top up, a service's actions) say so too.
    assert cannot_reach(session).startswith("Signed out") and "reconnects" not in cannot_reach(session)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: app.prompt is not None and app.prompt.isVisible(), timeout=WAIT)
    app.prompt.reject()

    # Really offline (signed in), it keeps the offline sentence and offers no sign-in.
    monkeypatch.setattr(session, "needs_login", False)
    monkeypatch.setattr(app.sessions, "is_online", lambda _account_id: False)
    app.sessions.sync_failed.emit(account.id, RuntimeError("gone"))
    assert dialog.problem.text().startswith("Offline") and "reconnects" in dialog.problem.text()
    assert not dialog.sign_in_button.isVisibleTo(dialog)
    assert cannot_reach(session).startswith("Offline")
