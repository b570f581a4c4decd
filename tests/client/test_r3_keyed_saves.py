"""Rows an operation saves are kept by their table's own identity: a notification has a `uuid` and no `id`, and
saving it marked read was dropped (the bell went back to unread until the next sync). Canned panel answers through
the real client and operations, on a real cache file."""
from __future__ import annotations

import pytest

from app.cache import AccountCache, CacheChanges, has_row_id
from app.session.operations import notices as notice_ops
from app.session.operations import outbox as outbox_ops

from .test_reads_after_actions import Ctx, panel


def _notices(*uuids: str) -> list[dict]:
    return [{"uuid": uuid, "type": "billing", "title": "Paid", "message": "", "read": False,
             "created_at": "2026-01-01T00:00:00Z"} for uuid in uuids]


@pytest.fixture
def cache(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as made:
        made.apply(CacheChanges(upserts={"notifications": _notices("n-1", "n-2", "n-3")}))
        assert all("id" not in row for row in made.notifications())
        yield made


def _read(cache: AccountCache) -> dict:
    return {row["uuid"]: row["read"] for row in cache.notifications()}


def test_marking_one_notification_read_reaches_the_cache(cache):
    ctx = Ctx(panel({"/notifications/n-2/read": {}}), cache, "mark_read")
    assert notice_ops.mark_read(ctx, ["n-2"]) == 1
    assert _read(cache) == {"n-1": False, "n-2": True, "n-3": False}
    assert "notifications" in ctx.changes.resources
    assert cache.notifications(unread_only=True) and len(cache.notifications(unread_only=True)) == 2


def test_a_queued_mark_all_read_shows_them_read_at_once(cache):
    ctx = Ctx(panel(), cache, "queue_mark_read")
    assert outbox_ops.queue_mark_read(ctx, ["n-1", "n-2", "n-3"], "key-1", "Mark all read") == 3
    assert set(_read(cache).values()) == {True}
    assert "notifications" in ctx.changes.resources


def test_the_queued_marking_sent_later_saves_them_read(cache):
    from app.core import outbox as ob

    answers = {f"/notifications/{u}/read": {} for u in ("n-1", "n-2", "n-3")}
    ctx = Ctx(panel(answers), cache, "send")
    entry = ob.Entry(id="key-1", kind=ob.MARK_READ, target="", label="Mark all read", position=1,
                     queued_at="2026-01-01T00:00:00Z", args={"uuids": ["n-1", "n-3"]})
    outbox_ops._send_mark_read(ctx, entry)
    assert _read(cache) == {"n-1": True, "n-2": False, "n-3": True}


def test_rows_are_checked_by_their_tables_identity():
    assert has_row_id("notifications", {"uuid": "n-1"})
    assert has_row_id("invoices", {"id": 7})
    assert not has_row_id("invoices", {"uuid": "n-1"})
    assert not has_row_id("notifications", {"uuid": ""})
    assert not has_row_id("notifications", ["n-1"])
    assert not has_row_id("no_such_table", {"id": 1})
