"""Queueing in the outbox runs on the account's local lane, beside the worker that sends it: what the user does in
the Outbox while the replay is sending lands wholly before the entry is taken or is refused after, so the panel
never gets a stale reason and nothing goes twice; the lane itself runs while the worker is held, and a read-then-
write in `cache.transaction()` is all or nothing."""
from __future__ import annotations

import threading

import pytest

from app import paths
from app.cache import CacheChanges, open_account_cache
from app.core import outbox as ob
from app.session.operations import Context, NoPanelHere, is_local
from app.session.operations import kept_keys as kept_ops
from app.session.operations import outbox as outbox_ops
from app.tasks import SyncController
from tests.unit.test_exactly_once_outbox import KeyedPanel
from tests.unit.test_outbox import ACCOUNT, run


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [KeyedPanel().service("s1"), KeyedPanel().service("s2")]}))
    yield tmp_path
    paths.use_data_dir(None)


def entry(key: str) -> dict:
    with open_account_cache(ACCOUNT) as cache:
        return next(row for row in cache.outbox() if row["id"] == key)


def beside(operation, *args):
    """`operation` as the local lane runs it, on its own connection (another thread's), while the caller's is open."""
    result: dict = {}

    def work() -> None:
        try:
            result["value"] = run(operation, None, *args)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            result["error"] = exc
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return result


def test_what_queues_edits_counts_and_removes_is_local_and_the_replay_is_not():
    for operation in (outbox_ops.queue_cancellation, outbox_ops.queue_withdrawal, outbox_ops.queue_mark_read,
                      outbox_ops.queue_reply, outbox_ops.entries, outbox_ops.pending_count, outbox_ops.edit_reason,
                      outbox_ops.remove, outbox_ops.retry, kept_ops.queue_cancellation, kept_ops.queue_reply):
        assert is_local(operation), operation.__name__
    assert not is_local(outbox_ops.replay)
    assert not is_local(kept_ops.request_cancellation)


def test_a_local_operation_that_asks_for_the_panel_is_refused_before_anything_is_sent():
    from app.session.account import _no_panel  # what the session gives a local operation for its client

    ctx = Context(ACCOUNT, _no_panel, "asks")
    try:
        with pytest.raises(NoPanelHere):
            ctx.client.request_cancellation("s1", type="immediate", reason="r", key="k")
    finally:
        ctx.close()


def test_a_reason_edited_while_its_request_is_on_the_way_is_refused_and_the_panel_gets_the_reason_it_was_sent_with():
    run(outbox_ops.queue_cancellation, None, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    edits: list[dict] = []

    class EditsMeanwhile(KeyedPanel):
        def request_cancellation(self, service_id, *, type, reason, key=None):  # noqa: A002
            # The user edits the reason and removes the entry in the Outbox while its request is on the way.
            edits.append(beside(outbox_ops.edit_reason, "key-1", "A newer reason"))
            edits.append(beside(outbox_ops.remove, "key-1"))
            return super().request_cancellation(service_id, type=type, reason=reason, key=key)

    panel = EditsMeanwhile()
    result = run(outbox_ops.replay, panel)
    assert result.sent == ["Cancel s1"]
    assert [type(e.get("error")) for e in edits] == [ob.NotQueueable, ob.NotQueueable]
    assert "being sent" in str(edits[0]["error"]) and "being sent" in str(edits[1]["error"])
    assert panel.requests == [("cancel", "key-1")]
    assert entry("key-1")["status"] == "sent" and entry("key-1")["args"]["reason"] == "Too slow"


def test_an_edit_and_a_removal_made_after_the_replay_read_the_outbox_are_what_it_finds():
    run(outbox_ops.queue_cancellation, None, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    run(outbox_ops.queue_cancellation, None, "s2", "immediate", "Too dear", "key-2", "Cancel s2")
    panel = KeyedPanel()
    ctx = Context(ACCOUNT, lambda: panel, "replay")
    read_outbox = ctx.cache.outbox
    done: list[dict] = []

    def read_then_user_acts():
        rows = read_outbox()
        if not done:       # the replay's first read; then, before it takes the first entry, the user acts
            done.append(beside(outbox_ops.remove, "key-1"))
            done.append(beside(outbox_ops.edit_reason, "key-2", "Too dear, and slow"))
        return rows
    ctx.cache.outbox = read_then_user_acts
    try:
        result = outbox_ops.replay(ctx)
    finally:
        ctx.close()
    assert all("error" not in d for d in done)
    # The removed entry is not sent; the edited one is not sent as it was read (the next replay sends it as edited).
    assert panel.requests == [] and result.sent == []
    assert entry("key-2")["status"] == "queued" and entry("key-2")["args"]["reason"] == "Too dear, and slow"
    result = run(outbox_ops.replay, panel)
    assert panel.requests == [("cancel", "key-2")] and result.sent == ["Cancel s2"]


def test_a_transaction_is_all_or_nothing_and_a_failed_write_inside_it_undoes_only_itself():
    with open_account_cache(ACCOUNT) as cache:
        with pytest.raises(RuntimeError), cache.transaction():
            cache.apply(CacheChanges(deletes={"services": ["s1"]}))
            raise RuntimeError("the operation failed after its first write")
        assert cache.service("s1") is not None          # rolled back whole
        with cache.transaction():
            cache.apply(CacheChanges(deletes={"services": ["s1"]}))
            with pytest.raises(Exception):  # noqa: B017 - any refusal of the bad change-set
                cache.apply(CacheChanges(upserts={"no_such_table": [{"id": "x"}]}))
            cache.apply(CacheChanges(deletes={"services": ["s2"]}))
        assert cache.service("s1") is None and cache.service("s2") is None


def lanes_with_a_held_worker_job(qtbot, *, asks_the_panel: bool):
    """A controller whose account's worker runs a job held until `release`; (controller, held, release, ends)."""
    controller = SyncController(lambda _aid: None)
    held, release, ends = threading.Event(), threading.Event(), []

    def worker_job():
        if asks_the_panel:
            controller.asking_panel(ACCOUNT)     # what AccountSession.open_client says before a request
        held.set()
        release.wait(60)
        ends.append("worker")
    controller.run(ACCOUNT, worker_job)
    assert held.wait(30)
    return controller, release, ends


def test_the_local_lane_goes_ahead_of_a_worker_that_waits_on_the_panel(qtbot):
    controller, release, ends = lanes_with_a_held_worker_job(qtbot, asks_the_panel=True)
    controller.run_local(ACCOUNT, lambda: ends.append("local"))
    qtbot.waitUntil(lambda: ends == ["local"], timeout=30_000)
    assert not release.is_set()          # the worker's request is still waiting
    release.set()
    qtbot.waitUntil(lambda: ends == ["local", "worker"], timeout=30_000)
    assert controller.shutdown()


def test_otherwise_the_two_lanes_keep_the_order_they_were_asked_in(qtbot):
    """A queued action sees the row a worker job saved just before it (a service synced, then its cancellation
    queued), and a replay sees the action queued just before it."""
    controller, release, ends = lanes_with_a_held_worker_job(qtbot, asks_the_panel=False)
    local_held = threading.Event()
    controller.run_local(ACCOUNT, lambda: (ends.append("local"), local_held.wait(60)))
    controller.run(ACCOUNT, lambda: ends.append("worker after local"))
    release.set()
    qtbot.waitUntil(lambda: ends == ["worker", "local"], timeout=30_000)
    local_held.set()
    qtbot.waitUntil(lambda: ends == ["worker", "local", "worker after local"], timeout=30_000)
    assert controller.shutdown()
