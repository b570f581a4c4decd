"""The outbox as a user meets it, with canned panel answers and a synchronous worker: what was queued offline is
sent once when the panel is back, and a notification the panel no longer has does not turn a queued "Mark all
read" into a refusal that leaves the others unread."""
from __future__ import annotations

from app.api import NotFound
from app.cache import CacheChanges
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
