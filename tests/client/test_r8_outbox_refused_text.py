"""What the user typed survives the panel refusing it on replay. A queued reply (or cancellation) the panel answers
4xx is kept in the Outbox with its text listed, copyable and sent again on request with a new key; dismissing a
refused reply puts its text back in its ticket's reply box. Before, the Outbox listed only "Reply to TKT-1" and
the note, so once the banner was dismissed the reply's text was nowhere on screen, and dismissing the entry
deleted it for good. The real client talks to canned panel answers (no sockets) over a real cache file."""
from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication

from app import paths
from app.api import PanelClient
from app.cache import CacheChanges, open_account_cache
from app.core import outbox as ob
from app.session.operations import Context
from app.session.operations import outbox as outbox_ops
from app.session.operations import support as support_ops
from app.views.outbox import OutboxDialog

from .canned_session import Canned, CannedSession, data

ACCOUNT = "acct-r8"
BODY = "The server still drops every connection after 20:00.\n\nLogs attached below:\n  eth0 down"
TICKET = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Down", "status": "answered",
          "department": "technical", "related": {"invoice_id": None, "service_id": None},
          "last_reply_at": "2026-12-01T10:00:00Z", "created_at": "2026-12-01T09:00:00Z",
          "updated_at": "2026-12-01T10:00:00Z",
          "messages": [{"id": "m-1", "author": {"name": "Ann", "staff": False}, "body": "Help",
                        "created_at": "2026-12-01T09:00:00Z"}]}
SERVICE = {"id": "s-1", "status": "active", "cancellation": None, "updated_at": "2026-12-01T10:00:00Z",
           "product": {"id": "p-1", "name": "VPS"}}


def refusal(status: int, code: str, message: str) -> Canned:
    return Canned(status, json.dumps({"error": {"code": code, "message": message, "details": {}}}).encode(),
                  {"Content-Type": "application/json"})


class Panel:
    """Refuses replies and cancellation requests until `accept` is set; answers reads with the rows above."""

    def __init__(self) -> None:
        self.accept = False
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if sent.method == "POST" and sent.path.endswith("/replies"):
            if not self.accept:
                return refusal(403, "tickets_disabled", "Support tickets are switched off on this panel.")
            return data({"id": "m-9", "author": {"name": "Ann", "staff": False}, "body": sent.body["body"],
                         "created_at": "2026-12-02T10:00:00Z"}, 201)
        if sent.method == "POST" and sent.path.endswith("/cancel"):
            if not self.accept:
                return refusal(409, "conflict", "This service already has an open request.")
            return data({"id": "c-1", "type": sent.body["type"], "reason": sent.body["reason"],
                         "status": "pending"}, 201)
        if sent.path.startswith("/support/tickets/"):
            return data(TICKET)
        if sent.path.startswith("/billing/services/"):
            return data(SERVICE)
        return refusal(404, "not_found", "Not found.")

    def posts(self) -> list:
        return [s for s in self.session.sent if s.method == "POST"]


@pytest.fixture
def panel(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"tickets": [TICKET], "services": [SERVICE]}))
    yield Panel()
    paths.use_data_dir(None)


def run(panel: Panel, operation, *args):
    client = PanelClient("https://panel.example", session=panel.session, sleep=lambda s: None, max_retries=0)
    ctx = Context(ACCOUNT, lambda: client, operation.__name__)
    try:
        return operation(ctx, *args)
    finally:
        ctx.close()
        client.close()


def outbox_rows() -> list[dict]:
    with open_account_cache(ACCOUNT) as cache:
        return cache.outbox()


def refused_reply(panel: Panel) -> dict:
    run(panel, outbox_ops.queue_reply, "t-1", BODY, "key-1", "Reply to TKT-000001")
    result = run(panel, outbox_ops.replay)
    assert [label for label, _why in result.refused] == ["Reply to TKT-000001"]
    (row,) = outbox_rows()
    return row


def test_a_refused_reply_stays_listed_with_its_text_exactly_as_written(panel):
    row = refused_reply(panel)
    assert row["status"] == ob.REFUSED and "switched off" in row["message"]
    (listed,) = run(panel, outbox_ops.entries)
    assert ob.typed_text(listed) == BODY                      # every character, line breaks and indents included
    # The conversation no longer shows it as waiting (the panel refused it): the Outbox is where it is.
    shown = run(panel, support_ops.cached_ticket, "t-1")
    assert [m["body"] for m in shown["messages"]] == ["Help"] and "draft" not in shown


def test_a_refused_reply_sent_again_goes_with_a_new_key_and_the_same_text(panel):
    row = refused_reply(panel)
    panel.accept = True
    again = run(panel, outbox_ops.retry, row["id"], "key-2")
    assert again["status"] == ob.QUEUED and again["args"]["body"] == BODY and again["id"] == "key-2"
    assert [r["id"] for r in outbox_rows()] == ["key-2"]     # the refused entry gave way to the new one
    shown = run(panel, support_ops.cached_ticket, "t-1")
    assert shown["messages"][-1]["body"] == BODY and shown["messages"][-1]["queued"] == "key-2"
    result = run(panel, outbox_ops.replay)
    assert result.sent == ["Reply to TKT-000001"] and not result.refused
    first, second = panel.posts()
    assert first.body == second.body == {"body": BODY}
    assert (first.headers["Idempotency-Key"], second.headers["Idempotency-Key"]) == ("key-1", "key-2")
    assert [r["status"] for r in outbox_rows()] == [ob.SENT]


def test_dismissing_a_refused_reply_puts_its_text_back_in_the_tickets_reply_box(panel):
    row = refused_reply(panel)
    assert run(panel, outbox_ops.remove, row["id"]) == "t-1"
    assert outbox_rows() == []
    shown = run(panel, support_ops.cached_ticket, "t-1")
    assert shown["draft"] == BODY
    assert run(panel, support_ops.fetch_ticket, "t-1")["draft"] == BODY      # the panel's copy as well
    run(panel, support_ops.take_draft, "t-1", BODY)           # the page holds it now
    assert "draft" not in run(panel, support_ops.cached_ticket, "t-1")


def test_two_dismissed_replies_to_one_ticket_are_both_kept(panel):
    first = refused_reply(panel)
    run(panel, outbox_ops.remove, first["id"])
    run(panel, outbox_ops.queue_reply, "t-1", "A second thought.", "key-3", "Reply to TKT-000001")
    run(panel, outbox_ops.replay)
    run(panel, outbox_ops.remove, "key-3")
    assert run(panel, support_ops.cached_ticket, "t-1")["draft"] == f"{BODY}\n\nA second thought."
    # A page that took an older draft does not drop the one kept since.
    run(panel, support_ops.take_draft, "t-1", BODY)
    assert run(panel, support_ops.cached_ticket, "t-1")["draft"] == f"{BODY}\n\nA second thought."


def test_a_queued_reply_removed_before_sending_is_not_turned_into_a_draft(panel):
    run(panel, outbox_ops.queue_reply, "t-1", BODY, "key-1", "Reply to TKT-000001")
    assert run(panel, outbox_ops.remove, "key-1") is None      # the user took it out on purpose
    assert "draft" not in run(panel, support_ops.cached_ticket, "t-1")


def test_a_refused_cancellation_keeps_its_reason_and_is_sent_again_as_written(panel):
    run(panel, outbox_ops.queue_cancellation, "s-1", "end_of_period", "Moving to a bigger plan", "key-c",
        "Cancel VPS")
    result = run(panel, outbox_ops.replay)
    assert [label for label, _why in result.refused] == ["Cancel VPS"]
    (row,) = outbox_rows()
    assert ob.typed_text(row) == "Moving to a bigger plan"
    panel.accept = True
    run(panel, outbox_ops.retry, "key-c", "key-d")
    assert run(panel, outbox_ops.replay).sent == ["Cancel VPS"]
    *_, last = panel.posts()
    assert last.body == {"type": "end_of_period", "reason": "Moving to a bigger plan"}
    assert last.headers["Idempotency-Key"] == "key-d"


def test_only_a_refused_entry_is_sent_again(panel):
    run(panel, outbox_ops.queue_reply, "t-1", BODY, "key-1", "Reply to TKT-000001")
    with pytest.raises(ob.NotQueueable) as caught:
        run(panel, outbox_ops.retry, "key-1", "key-2")
    assert "refused" in str(caught.value)
    assert [r["id"] for r in outbox_rows()] == ["key-1"] and panel.posts() == []
    with pytest.raises(ob.NotQueueable):
        run(panel, outbox_ops.retry, "no-such-key", "key-2")


def test_the_outbox_dialog_lists_copies_and_offers_to_send_again_a_refused_reply(panel, qtbot):
    refused_reply(panel)
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.set_entries(run(panel, outbox_ops.entries))
    what = dialog.table.item(0, 0).text()
    assert what.startswith("Reply to TKT-000001") and "drops every connection" in what
    assert "drops every connection" in dialog.table.item(0, 0).toolTip()
    dialog.select(0)
    assert dialog.retry_button.isEnabled() and dialog.copy_button.isEnabled()
    assert dialog.copy_text() == BODY and QGuiApplication.clipboard().text() == BODY
    with qtbot.waitSignal(dialog.retry_requested) as asked:
        dialog.retry_button.click()
    assert asked.args == ["key-1"]


def test_a_long_reply_is_listed_short_and_copied_whole(panel, qtbot):
    body = "word " * 4000
    run(panel, outbox_ops.queue_reply, "t-1", body, "key-1", "Reply to TKT-000001")
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.set_entries(run(panel, outbox_ops.entries))
    assert len(dialog.table.item(0, 0).text()) < 300
    dialog.select(0)
    assert not dialog.retry_button.isEnabled()                # waiting: nothing to send again
    assert dialog.copy_text() == body
