"""A reply queued offline stays in its ticket's conversation, marked as waiting, until the panel's copy holds it:
before, a sync that brought a newer copy of the ticket (a staff answer, a status change) replaced the cached
messages and the reply, still in the outbox and sent later, vanished from the conversation."""
from __future__ import annotations

from app.core import outbox as ob
from app.session.operations import outbox as outbox_ops
from app.session.operations import support as support_ops

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture

STAFF = {"id": "m-1", "author": {"name": "Ann", "staff": True}, "body": "Try again?",
         "created_at": "2026-12-06T09:00:00Z"}


def _ticket(*messages: dict, updated: str = "2026-12-06T09:00:00Z") -> dict:
    return {"id": "t-1", "ticket_number": "TKT-1", "subject": "Hi", "status": "answered", "department": "general",
            "updated_at": updated, "created_at": "2026-12-06T08:00:00Z", "messages": list(messages)}


def _shown(session, operation, *args) -> dict:
    out: list = []
    session.run(operation, *args, on_done=out.append, on_error=out.append)
    settle()
    assert out and isinstance(out[-1], dict), out
    return out[-1]


def _bodies(ticket: dict) -> list[tuple[str, bool]]:
    return [(m["body"], bool(m.get("queued"))) for m in ticket["messages"]]


def test_a_queued_reply_survives_a_newer_copy_of_its_ticket(sessions):  # noqa: F811
    later = {"id": "m-2", "author": {"name": "Ann", "staff": True}, "body": "Any news?",
             "created_at": "2026-12-06T11:00:00Z"}
    client = CannedClient({"ticket": _ticket(STAFF, later, updated="2026-12-06T11:00:00Z")})
    session = add(sessions, client)
    session.run(lambda ctx: ctx.save("tickets", [_ticket(STAFF)]))
    settle()
    session.run(outbox_ops.queue_reply, "t-1", "Still down.", "key-r", "Reply to TKT-1")
    settle()
    assert _bodies(_shown(session, support_ops.cached_ticket, "t-1")) == [("Try again?", False),
                                                                          ("Still down.", True)]
    # A sync brings the panel's newer copy (a second staff message) before the reply is sent.
    session.run(lambda ctx: ctx.save("tickets", [_ticket(STAFF, later, updated="2026-12-06T11:00:00Z")]))
    settle()
    expected = [("Try again?", False), ("Any news?", False), ("Still down.", True)]
    assert _bodies(_shown(session, support_ops.cached_ticket, "t-1")) == expected
    assert _bodies(_shown(session, support_ops.fetch_ticket, "t-1")) == expected      # the panel's own read too


def test_a_sent_reply_is_shown_once_as_the_panels(sessions):  # noqa: F811
    mine = {"id": "m-3", "author": {"name": "Me", "staff": False}, "body": "Still down.",
            "created_at": "2026-12-06T12:00:00Z"}
    client = CannedClient({"reply_ticket": {"id": "m-3"}, "ticket": _ticket(STAFF, mine)})
    session = add(sessions, client)
    session.run(lambda ctx: ctx.save("tickets", [_ticket(STAFF)]))
    session.run(outbox_ops.queue_reply, "t-1", "Still down.", "key-r", "Reply to TKT-1")
    session.run(outbox_ops.replay)
    settle()
    assert _bodies(_shown(session, support_ops.cached_ticket, "t-1")) == [("Try again?", False),
                                                                          ("Still down.", False)]


def test_a_reply_whose_answer_was_lost_is_not_shown_twice():
    """`sending` (the app died mid-send): once the panel's copy holds the text, it is the panel's message."""
    row = ob.new_entry(ob.REPLY_TICKET, "t-1", "Reply", {"body": "Still down."}, "key-r", 1).moved(ob.SENDING)
    mine = {"id": "m-3", "author": {"name": "Me", "staff": False}, "body": "Still down.",
            "created_at": "2026-12-06T12:00:00Z"}
    assert _bodies(ob.with_waiting_replies(_ticket(STAFF), [row.to_row()]))[-1] == ("Still down.", True)
    assert _bodies(ob.with_waiting_replies(_ticket(STAFF, mine), [row.to_row()])) == [("Try again?", False),
                                                                                      ("Still down.", False)]
    refused = row.moved(ob.REFUSED, "no").to_row()
    assert _bodies(ob.with_waiting_replies(_ticket(STAFF), [refused])) == [("Try again?", False)]


def test_a_reply_left_sending_by_a_killed_sett_is_sent_again_once_with_its_key(sessions):  # noqa: F811
    """Sett died after the panel took the reply, before its answer came: the entry is `sending`. The next start
    sends it again with the same key (the panel answers with its first answer), once, and the conversation shows
    it once, as the panel's, never beside a waiting copy."""
    mine = {"id": "m-3", "author": {"name": "Me", "staff": False}, "body": "Still down.",
            "created_at": "2026-12-06T12:00:00Z"}
    keys: list[str] = []
    client = CannedClient({"reply_ticket": lambda ticket_id, body, *, key: keys.append(key) or {"id": "m-3"},
                           "ticket": _ticket(STAFF, mine)})
    session = add(sessions, client)
    session.run(lambda ctx: ctx.save("tickets", [_ticket(STAFF)]))
    session.run(outbox_ops.queue_reply, "t-1", "Still down.", "key-r", "Reply to TKT-1")
    session.run(lambda ctx: outbox_ops._put(ctx, {**ctx.cache.outbox()[0], "status": ob.SENDING}))
    session.run(lambda ctx: ctx.save("tickets", [_ticket(STAFF, mine)]))      # a sync read the panel's copy
    settle()
    assert _bodies(_shown(session, support_ops.cached_ticket, "t-1")) == [("Try again?", False),
                                                                          ("Still down.", False)]
    for _ in range(2):
        session.run(outbox_ops.replay)
        settle()
    assert keys == ["key-r"]
    assert _bodies(_shown(session, support_ops.cached_ticket, "t-1")) == [("Try again?", False),
                                                                          ("Still down.", False)]
