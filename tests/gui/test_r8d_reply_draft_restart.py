"""Against the real panel, with the real workers: a reply half written in one ticket survives opening the other
ticket, switching to another account and back, and quitting Sett mid-sentence (no pause in typing before the quit)
and starting it again; sending it then leaves nothing behind."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.cache import open_account_cache
from app.session.operations import support as support_ops

from .conftest import WAIT, add_account, close
from .test_flows import switch_to


@pytest.fixture(scope="module")
def tickets_on(shop):
    shop.settings(tickets_enabled=True)
    return shop


def opened(qtbot, app, ticket_id: str, body: str):
    """The ticket's page with its conversation from the panel."""
    app.window.select_section("support")
    support = app.window.sections["support"]
    qtbot.waitUntil(lambda: support.open_ticket(ticket_id), timeout=WAIT)
    page = support.page
    qtbot.waitUntil(lambda: [v.body.text() for v in page.messages][:1] == [body], timeout=WAIT)
    return page


def shows(qtbot, page, text: str) -> None:
    """The reply box shows `text` (a kept draft comes from the cache a moment after the ticket opens)."""
    qtbot.waitUntil(lambda: page.reply_box.toPlainText() == text, timeout=WAIT)


def drafts(account_id: str) -> dict:
    with open_account_cache(account_id) as cache:
        return cache.config(support_ops.DRAFTS) or {}


def test_a_half_written_reply_survives_another_ticket_an_account_switch_and_a_restart(make_app, panel, tickets_on,
                                                                                      qtbot):
    user, other = tickets_on.user(), tickets_on.user()
    first = user.data("POST", "/support/tickets", {"subject": "Disk full", "department": "technical",
                                                   "body": "The disk is full."}, expect=201)
    second = user.data("POST", "/support/tickets", {"subject": "VAT number", "department": "billing",
                                                    "body": "Please add my VAT number."}, expect=201)
    app = make_app()
    account = add_account(qtbot, app, panel.url, user.user["email"], name="Mine")
    page = opened(qtbot, app, first["id"], "The disk is full.")
    qtbot.keyClicks(page.reply_box, "I deleted the logs")
    page = opened(qtbot, app, second["id"], "Please add my VAT number.")
    assert page.reply_box.toPlainText() == ""
    qtbot.keyClicks(page.reply_box, "It is DE123")
    shows(qtbot, opened(qtbot, app, first["id"], "The disk is full."), "I deleted the logs")

    elsewhere = add_account(qtbot, app, panel.url, other.user["email"], name="Other")   # switches to it
    assert app.window.data.account_id == elsewhere.id
    switch_to(app, qtbot, account.id)
    page = opened(qtbot, app, first["id"], "The disk is full.")
    shows(qtbot, page, "I deleted the logs")
    qtbot.keyClicks(page.reply_box, " but it is full again")
    close(app)                                      # quit mid-sentence: the pause in typing never came

    app = make_app()                                # the login is in the keyring: signed in at once
    switch_to(app, qtbot, account.id)
    page = opened(qtbot, app, first["id"], "The disk is full.")
    shows(qtbot, page, "I deleted the logs but it is full again")
    shows(qtbot, opened(qtbot, app, second["id"], "Please add my VAT number."), "It is DE123")
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Reply sent.", timeout=WAIT)
    assert page.reply_box.toPlainText() == ""
    qtbot.waitUntil(lambda: drafts(account.id) == {first["id"]: "I deleted the logs but it is full again"},
                    timeout=WAIT)
