"""The outbox's replay, with a canned client and a real cache file: order, exactly-once marks, a network failure
stopping the replay in order, refusals kept in words, a corrupt entry set aside, money never queued."""
from __future__ import annotations

import sqlite3

import pytest

from app import paths
from app.api import Conflict, NetworkError
from app.cache import CacheChanges, open_account_cache
from app.core import outbox as ob
from app.session.operations import Context
from app.session.operations import outbox as outbox_ops

ACCOUNT = "acct-1"


class Client:
    """Records the calls; `fail` maps a call number (1-based) to the error it raises."""

    def __init__(self, fail: dict[int, BaseException] | None = None) -> None:
        self.calls: list[tuple] = []
        self.fail = fail or {}

    def _call(self, *call) -> None:
        self.calls.append(call)
        error = self.fail.get(len(self.calls))
        if error is not None:
            raise error

    def request_cancellation(self, service_id, *, type, reason, key=None):  # noqa: A002
        self._call("cancel", service_id, key)
        return {}

    def withdraw_cancellation(self, service_id):
        self._call("withdraw", service_id)

    def mark_notification_read(self, uuid):
        self._call("read", uuid)

    def service(self, service_id):
        return {"id": service_id, "status": "active", "cancellation": None, "updated_at": "2026-12-05T10:00:00Z"}

    def close(self):
        pass


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [Client().service("s1"), Client().service("s2")]}))
    yield tmp_path
    paths.use_data_dir(None)


def run(operation, client, *args):
    ctx = Context(ACCOUNT, lambda: client, operation.__name__)
    try:
        return operation(ctx, *args)
    finally:
        ctx.close()


def statuses() -> list[str]:
    with open_account_cache(ACCOUNT) as cache:
        return [row["status"] for row in cache.outbox()]


def queue_two(client) -> list[str]:
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    run(outbox_ops.queue_withdrawal, client, "s1", "key-2", "Withdraw s1")
    return ["key-1", "key-2"]


def test_a_replay_sends_in_order_with_the_queued_keys_once():
    client = Client()
    queue_two(client)
    assert client.calls == []                                   # queueing never asks the panel
    result = run(outbox_ops.replay, client)
    assert client.calls == [("cancel", "s1", "key-1"), ("withdraw", "s1")]
    assert result.sent == ["Cancel s1", "Withdraw s1"] and statuses() == ["sent", "sent"]
    run(outbox_ops.replay, client)
    assert len(client.calls) == 2                               # sent entries are never sent again


def test_a_network_failure_stops_the_replay_and_the_rest_waits_in_order():
    client = Client({1: NetworkError("gone")})
    queue_two(client)
    with pytest.raises(NetworkError):
        run(outbox_ops.replay, client)
    assert statuses() == ["sending", "queued"]                  # the first may have reached the panel
    client.fail = {}
    run(outbox_ops.replay, client)
    assert client.calls[1:] == [("cancel", "s1", "key-1"), ("withdraw", "s1")]   # the same key again, then on
    assert statuses() == ["sent", "sent"]


def test_a_refusal_is_kept_in_words_and_the_replay_goes_on():
    client = Client({1: Conflict("This service is cancelled.", status=409, code="conflict")})
    queue_two(client)
    result = run(outbox_ops.replay, client)
    assert statuses() == ["refused", "sent"]
    assert result.refused and "cancelled" in result.refused[0][1]
    rows = run(outbox_ops.entries, client)
    assert rows[0]["message"].startswith("The panel refused it")
    run(outbox_ops.remove, client, "key-1")                     # dismissed
    assert statuses() == ["sent"]


def test_a_withdrawal_resumed_after_a_lost_answer_counts_a_404_as_done():
    from app.api import NotFound
    client = Client({1: NotFound("No pending request.", status=404)})
    run(outbox_ops.queue_withdrawal, client, "s2", "key-9", "Withdraw s2")
    with open_account_cache(ACCOUNT) as cache:
        (row,) = cache.outbox()
        cache.apply(CacheChanges(upserts={"outbox": [{**row, "status": "sending"}]}))
    run(outbox_ops.replay, client)
    assert statuses() == ["sent"]


def test_a_corrupt_entry_is_set_aside_with_a_message_and_the_rest_is_sent():
    client = Client()
    queue_two(client)
    with open_account_cache(ACCOUNT) as cache:
        rows = cache.outbox()
        cache.apply(CacheChanges(upserts={"outbox": [{**rows[0], "args": {"type": "whenever"}}]}))
    result = run(outbox_ops.replay, client)
    assert client.calls == [("withdraw", "s1")]
    assert statuses() == ["set_aside", "sent"] and result.set_aside
    assert "never sent" in run(outbox_ops.entries, client)[0]["message"]


def test_an_entry_whose_stored_text_is_not_json_is_set_aside_not_a_crash():
    client = Client()
    queue_two(client)
    with sqlite3.connect(paths.account_cache(ACCOUNT)) as raw:
        raw.execute("UPDATE outbox SET data = '{not json' WHERE id = 'key-1'")
    rows = run(outbox_ops.entries, client)
    assert rows[0]["status"] == "set_aside" and "not JSON" in rows[0]["message"]
    run(outbox_ops.replay, client)
    assert client.calls == [("withdraw", "s1")] and statuses() == ["set_aside", "sent"]


def test_money_is_never_queued_and_a_sending_entry_cannot_be_edited_or_removed():
    client = Client()
    with pytest.raises(ob.NotQueueable, match="money"):
        run(outbox_ops.enqueue, client, "checkout", "", "Buy", {}, "key-3")
    queue_two(client)
    with pytest.raises(ob.NotQueueable):
        run(outbox_ops.edit_reason, client, "key-1", "")        # a reason is needed
    run(outbox_ops.edit_reason, client, "key-1", "Changed my mind")
    with open_account_cache(ACCOUNT) as cache:
        row = cache.outbox()[0]
        cache.apply(CacheChanges(upserts={"outbox": [{**row, "status": "sending"}]}))
    with pytest.raises(ob.NotQueueable):
        run(outbox_ops.edit_reason, client, "key-1", "Again")
    with pytest.raises(ob.NotQueueable):
        run(outbox_ops.remove, client, "key-1")
    with pytest.raises(ob.NotQueueable, match="already"):
        run(outbox_ops.queue_withdrawal, client, "s1", "key-2", "The same key twice")


def test_sent_entries_are_forgotten_after_a_week_refused_ones_are_kept():
    client = Client({1: Conflict("No.", status=409, code="conflict")})
    queue_two(client)
    run(outbox_ops.replay, client)
    with open_account_cache(ACCOUNT) as cache:
        rows = cache.outbox()
        cache.apply(CacheChanges(upserts={"outbox": [{**r, "sent_at": "2020-01-01T00:00:00.000000Z"} for r in rows]}))
    run(outbox_ops.replay, client)
    assert statuses() == ["refused"]
