"""A refused reply dismissed from the Outbox comes back in its ticket's reply box, where it was written: the Support
page's feature puts the kept text into an empty box when the ticket is shown, and never over a reply being
written. The feature runs with its real TicketPage and operations on a real cache; the account's session is a
stand-in that runs each operation at once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app import paths
from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet
from app.features.support import SupportPages
from app.session.operations import Context, execute
from app.session.operations import outbox as outbox_ops
from app.session.operations import support as support_ops
from app.views.ticket_page import TicketPage

ACCOUNT = "acct-draft"
Z = "2026-12-01T10:00:00Z"
TICKET = {"id": "t-1", "ticket_number": "TKT-1", "subject": "Down", "status": "answered", "department": "technical",
          "related": {"invoice_id": None, "service_id": None}, "created_at": Z, "updated_at": Z,
          "messages": [{"id": "m-1", "author": {"name": "Ann", "staff": True}, "body": "Try again?", "created_at": Z}]}
BODY = "Still down after the restart.\nTraceroute below."


class Refusing:
    """The panel refusing every reply (403 tickets_disabled) until `accept` is set, and giving the ticket back."""

    accept = False

    def reply_ticket(self, ticket_id, body, *, key):
        from app.api import TicketsDisabled

        if Refusing.accept:
            return {"id": "m-9", "author": {"name": "Me", "staff": False}, "body": body, "created_at": Z}
        raise TicketsDisabled("Support tickets are switched off.", status=403, code="tickets_disabled")

    def ticket(self, ticket_id):
        return TICKET

    def close(self):
        pass


class Session:
    id = ACCOUNT
    closed = False
    needs_login = False
    reachable = True
    data = None

    def __init__(self, hub) -> None:
        self.hub = hub

    def sync(self) -> None:
        pass

    def run(self, operation, *args, on_done=None, on_error=None, **kwargs):
        try:
            done = execute(Context(ACCOUNT, Refusing, operation.__name__), operation, args, kwargs)
        except Exception as error:      # noqa: BLE001 - handed on as the session does
            if on_error:
                on_error(error)
            return
        if on_done:
            on_done(done.value)
        if done.changes.resources:
            self.hub.changed.emit(ACCOUNT, done.changes)


class Hub(QObject):
    changed = Signal(str, object)
    sync_failed = Signal(str, object)
    status_changed = Signal(str)
    current_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.current = Session(self)
        self.current_id = ACCOUNT

    def get(self, account_id):
        return self.current if account_id == ACCOUNT else None

    def is_online(self, account_id):
        return True


class Off(QObject):
    action_clicked = Signal()


class Section(QWidget):
    ticket_opened = Signal(str)
    create_requested = Signal(dict)
    dialog_opened = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.page = TicketPage(self)
        self.off = Off()
        self.dialog = None
        self.page_open = True

    def set_online(self, *_args) -> None:
        pass


@pytest.fixture
def pages(qtbot, tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"tickets": [TICKET]}))
    Refusing.accept = False
    section = Section()
    qtbot.addWidget(section)
    hub = Hub()
    feature = SupportPages(hub, section)
    yield feature, hub, section.page
    paths.use_data_dir(None)


def refuse_and_dismiss(hub) -> None:
    session = hub.current
    session.run(outbox_ops.queue_reply, "t-1", BODY, "key-1", "Reply to TKT-1")
    session.run(outbox_ops.replay)
    (row,) = _outbox()
    assert row["status"] == "refused"
    session.run(outbox_ops.remove, "key-1")
    assert _outbox() == []


def _outbox() -> list[dict]:
    with open_account_cache(ACCOUNT) as cache:
        return cache.outbox()


def test_a_dismissed_refused_reply_is_back_in_the_reply_box_of_its_open_ticket(pages):
    feature, hub, page = pages
    page.show_ticket(TICKET)
    feature.opened("t-1")
    assert page.reply_box.toPlainText() == ""
    refuse_and_dismiss(hub)
    assert page.reply_box.toPlainText() == BODY
    # Leaving the ticket empties its box: the text is still kept, and back when the ticket is opened again.
    page.show_ticket({**TICKET, "id": "t-other", "messages": []})
    assert page.reply_box.toPlainText() == ""
    page.show_ticket({key: value for key, value in TICKET.items() if key != "messages"})
    feature.opened("t-1")
    assert page.reply_box.toPlainText() == BODY
    # Sent: no longer kept aside.
    Refusing.accept = True
    page.send()
    with open_account_cache(ACCOUNT) as cache:
        assert not (cache.config(support_ops.DRAFTS) or {}).get("t-1")
    assert page.reply_box.toPlainText() == ""


def test_it_waits_for_the_ticket_and_never_replaces_a_reply_being_written(pages):
    feature, hub, page = pages
    page.show_ticket({**TICKET, "id": "t-other", "messages": []})
    refuse_and_dismiss(hub)                 # another ticket is open: the text waits
    page.show_ticket({key: value for key, value in TICKET.items() if key != "messages"})    # as Support opens it
    feature.opened("t-1")
    assert page.reply_box.toPlainText() == BODY
    page.reply_box.setPlainText("A new reply I am writing")
    hub.current.run(support_ops.keep_draft, "t-1", "Older text")
    hub.changed.emit(ACCOUNT, ChangeSet(resources={"tickets"}, source="sync"))
    assert page.reply_box.toPlainText() == "A new reply I am writing"
    with open_account_cache(ACCOUNT) as cache:
        assert cache.config(support_ops.DRAFTS) == {"t-1": f"{BODY}\n\nOlder text"}      # kept for later, not lost
