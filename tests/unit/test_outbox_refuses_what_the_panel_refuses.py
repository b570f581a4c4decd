"""Queueing or editing an outbox entry with text the panel answers 422 for (NUL, a lone surrogate) is refused in
words naming the field, and the outbox stays as it was: such an entry would only be set aside at its replay."""
from __future__ import annotations

import pytest

from app import paths
from app.cache import CacheChanges, open_account_cache
from app.core import outbox as ob
from app.session.operations import Context
from app.session.operations import outbox as outbox_ops

ACCOUNT = "acct-1"


class Client:
    def service(self, service_id):
        return {"id": service_id, "status": "active", "cancellation": None, "updated_at": "2026-12-05T10:00:00Z"}

    def close(self):
        pass


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [Client().service("s1")]}))
    yield tmp_path
    paths.use_data_dir(None)


def run(operation, *args):
    ctx = Context(ACCOUNT, lambda: Client(), operation.__name__)
    try:
        return operation(ctx, *args)
    finally:
        ctx.close()


def queued() -> list[dict]:
    with open_account_cache(ACCOUNT) as cache:
        return cache.outbox()


@pytest.mark.parametrize("bad", ["\x00", "\ud800"], ids=["nul", "lone-surrogate"])
def test_nothing_the_panel_refuses_is_queued(bad):
    with pytest.raises(ob.OutboxRowInvalid, match="“Reason”"):
        run(outbox_ops.queue_cancellation, "s1", "immediate", "Too slow" + bad, "key-1", "Cancel s1")
    with pytest.raises(ob.OutboxRowInvalid, match="“Message”"):
        run(outbox_ops.queue_reply, "t1", "Thanks" + bad, "key-2", "Reply to TKT-1")
    assert queued() == []
    with open_account_cache(ACCOUNT) as cache:
        assert cache.service("s1")["cancellation"] is None      # the page does not show a request that waits


def test_an_edited_reason_the_panel_would_refuse_changes_nothing():
    run(outbox_ops.queue_cancellation, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    with pytest.raises(ob.NotQueueable) as caught:
        run(outbox_ops.edit_reason, "key-1", "Too\x00 slow")
    assert str(caught.value).startswith("Not changed: “Reason” holds a NUL character") and ".." not in str(caught.value)
    assert [row["args"]["reason"] for row in queued()] == ["Too slow"]
