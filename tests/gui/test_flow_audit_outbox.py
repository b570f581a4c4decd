"""The outbox as a user meets it, with canned panel answers and a synchronous worker: what was queued offline is
sent once when the panel is back, and a notification the panel no longer has does not turn a queued "Mark all
read" into a refusal that leaves the others unread."""
from __future__ import annotations

import pytest

from app.api import NotFound
from app.cache import CacheChanges
from app.core.changes import ChangeSet
from app.session.operations import outbox as outbox_ops

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture

NOTES = [{"uuid": f"n-{n}", "type": "billing", "title": f"Note {n}", "message": "m", "action_url": None,
          "read": False, "created_at": f"2026-12-0{n}T10:00:00Z", "updated_at": f"2026-12-0{n}T10:00:00Z"}
         for n in (1, 2, 3)]


def test_mark_all_read_queued_offline_skips_a_notification_the_panel_deleted(sessions):  # noqa: F811
    marked: list[str] = []

    def mark(uuid: str) -> None:
        if uuid == "n-2":
            raise NotFound("Not found.", status=404, code="not_found")
        marked.append(uuid)

    client = CannedClient({"mark_notification_read": mark})
    session = add(sessions, client)
    replays: list = []
    session.run(lambda ctx: ctx.write(CacheChanges(upserts={"notifications": [dict(n, id=n["uuid"])
                                                                             for n in NOTES]}), "notifications"))
    session.run(outbox_ops.queue_mark_read, [n["uuid"] for n in NOTES], "key-read", "Mark all read")
    settle()
    assert marked == []
    session.run(outbox_ops.replay, on_done=replays.append)
    settle()
    (result,) = replays
    assert result.sent == ["Mark all read"] and result.refused == []
    assert marked == ["n-1", "n-3"]
    session.run(outbox_ops.replay, on_done=replays.append)           # once: nothing is sent again
    settle()
    assert marked == ["n-1", "n-3"] and replays[-1].sent == []
    assert all(n["read"] for n in session.data.notifications)


def test_a_captive_portal_answering_a_replay_does_not_refuse_the_action(sessions):  # noqa: F811
    """A Wi-Fi sign-in page (HTML, not the panel) answered the replay's request: before, the queued cancellation was
    marked refused and never sent. It waits, and goes out once, with its key, when the panel itself answers."""
    from app.api import NotAPanel

    service = {"id": "s-1", "product": {"id": "p-1", "name": "VPS"}, "status": "active", "cancellation": None,
               "updated_at": "2026-12-06T09:00:00Z", "created_at": "2026-12-06T09:00:00Z"}
    portal = [True]
    keys: list[str] = []

    def request_cancellation(service_id, *, type, reason, key=None):  # noqa: A002 - the typed call's name
        if portal[0]:
            raise NotAPanel("That address answered with a web page, not as a billing panel.")
        keys.append(key)
        return {"id": "cr-1", "type": type, "reason": reason, "status": "pending"}

    client = CannedClient({"request_cancellation": request_cancellation,
                           "service": lambda _id: {**service, "cancellation": {"status": "pending"}}})
    session = add(sessions, client)
    session.run(lambda ctx: ctx.save("services", [service]))
    session.run(outbox_ops.queue_cancellation, "s-1", "immediate", "Too slow", "key-c", "Cancel VPS")
    settle()
    outcomes: list = []
    session.run(outbox_ops.replay, on_done=outcomes.append, on_error=outcomes.append)
    settle()
    assert isinstance(outcomes[-1], NotAPanel)
    entries: list = []
    session.run(outbox_ops.entries, on_done=entries.append)
    settle()
    assert [e["status"] for e in entries[-1]] == ["sending"]

    portal[0] = False
    session.run(outbox_ops.replay, on_done=outcomes.append, on_error=outcomes.append)
    settle()
    assert outcomes[-1].sent == ["Cancel VPS"] and keys == ["key-c"]


def test_an_answer_sett_does_not_understand_leaves_the_entry_sending_with_its_key(sessions):  # noqa: F811
    """The panel may have taken the reply (app.api.panel_may_have_acted): marking it refused would tell the user a
    reply the panel holds was not sent, and sending it again under a new key would post it twice. It waits, sent
    again with the same key after the next sync (tests/unit/test_exactly_once_outbox.py follows it to the end)."""
    from app.api import BadAnswer

    client = CannedClient({"reply_ticket": BadAnswer("The panel sent an answer Sett does not understand.",
                                                     resource="reply")})
    session = add(sessions, client)
    session.run(outbox_ops.queue_reply, "t-1", "Hello", "key-r", "Reply to TKT-1")
    outcomes: list = []
    session.run(outbox_ops.replay, on_done=outcomes.append, on_error=outcomes.append)
    settle()
    assert isinstance(outcomes[-1], BadAnswer)
    waiting: list = []
    session.run(outbox_ops.entries, on_done=waiting.append)
    settle()
    (entry,) = waiting[-1]
    assert entry["status"] == "sending" and entry["id"] == "key-r"       # an entry is named by its key


SYNC_FAILS: list = []      # what the next syncs raise (none: they succeed, bringing nothing)


@pytest.fixture
def failing_syncs(qapp, data_dir, secrets, monkeypatch):
    from app import tasks
    from app.session import Sessions
    from app.settings import Settings

    from .test_session_glue import SyncPool

    def job_for(self, account_id):
        def job(progress, cancellation):
            if SYNC_FAILS:
                raise SYNC_FAILS[0]
            return ChangeSet(billing_enabled=True)
        return job

    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    monkeypatch.setattr(Sessions, "_sync_job", job_for)
    SYNC_FAILS[:] = []
    made = Sessions(Settings(), secrets)
    yield made
    made.shutdown()


def test_a_list_sett_does_not_understand_does_not_hold_the_outbox_back(failing_syncs):
    """The panel answers, but one synced list is not understood (every sync fails on it): what waits in the
    outbox goes out all the same, once. Before, it waited for as long as that list stayed broken."""
    from app.api import BadAnswer, NetworkError

    SYNC_FAILS[:] = [NetworkError("No connection.")]
    sent: list[str] = []
    client = CannedClient({"reply_ticket": lambda ticket_id, body, *, key: sent.append(key) or {"id": "m-1"},
                           "ticket": {"id": "t-1", "ticket_number": "TKT-1", "subject": "Hi", "status": "open",
                                      "updated_at": "2026-12-06T10:00:00Z", "messages": []}})
    session = add(failing_syncs, client)
    session.run(outbox_ops.queue_reply, "t-1", "Hello", "key-r", "Reply to TKT-1")
    settle()
    session.sync()
    settle()
    assert sent == []                                   # no connection: it waits
    SYNC_FAILS[:] = [BadAnswer("The panel sent an answer Sett does not understand (invoices).",
                               resource="invoices")]
    session.sync()
    settle()
    assert sent == ["key-r"]
    session.sync()
    settle()
    assert sent == ["key-r"]                            # once
