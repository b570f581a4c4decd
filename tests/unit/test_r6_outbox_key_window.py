"""An outbox entry sent without an answer is sent again with its key only within the panel's window for keys (24 h,
KEY_WINDOW), as kept keys and the cart's order key are. After a lost answer and a day or more away, the panel may
have forgotten the key, and the same key would be a new request to it: a second reply, a second cancellation
request. Such an entry is set aside, saying so, and what waits behind it is sent."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app import paths
from app.api import NetworkError
from app.cache import CacheChanges, open_account_cache
from app.core import outbox as ob
from app.session.operations import outbox as outbox_ops
from app.session.operations.keeping import KEY_WINDOW, stamp

from .test_outbox import Client, run  # the canned client and one operation on a real cache, as there

ACCOUNT = "acct-1"


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [Client().service("s1")]}))
    yield tmp_path
    paths.use_data_dir(None)


def rows() -> list[dict]:
    with open_account_cache(ACCOUNT) as cache:
        return cache.outbox()


def first_sent(ago: timedelta | None) -> None:
    """The `sending` entry key-1 as if first sent `ago` (None: as an older Sett stored it, without the time)."""
    row = next(r for r in rows() if r["id"] == "key-1")
    row = {k: v for k, v in row.items() if k != "sending_since"}
    if ago is not None:
        row["sending_since"] = stamp(datetime.now(UTC) - ago)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"outbox": [row]}))


def lost_answer() -> Client:
    client = Client({1: NetworkError("gone")})
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    run(outbox_ops.queue_mark_read, client, ["n-1"], "key-2", "Mark read")
    with pytest.raises(NetworkError):
        run(outbox_ops.replay, client)
    assert [r["status"] for r in rows()] == ["sending", "queued"] and rows()[0]["sending_since"]
    client.fail = {}
    return client


def test_an_entry_first_sent_longer_ago_than_the_window_is_not_sent_again_and_says_why():
    client = lost_answer()
    first_sent(KEY_WINDOW + timedelta(hours=1))
    result = run(outbox_ops.replay, client)
    assert client.calls[1:] == [("read", "n-1")]                 # the cancellation is not sent again; the rest is
    assert result.expired == ["Cancel s1"] and result.sent == ["Mark read"]
    aside = rows()[0]
    assert aside["status"] == "set_aside" and aside["message"].startswith("Not sent again")
    assert "more than a day ago" in aside["message"]
    run(outbox_ops.replay, client)
    assert len(client.calls) == 2                               # never sent again
    run(outbox_ops.remove, client, "key-1")                     # the user dismisses it
    assert [r["id"] for r in rows()] == ["key-2"]


@pytest.mark.parametrize("ago", [KEY_WINDOW - timedelta(hours=1), None], ids=["within", "older-sett"])
def test_within_the_window_or_of_unknown_age_it_is_sent_again_with_its_key(ago):
    client = lost_answer()
    first_sent(ago)
    result = run(outbox_ops.replay, client)
    assert client.calls[1:] == [("cancel", "s1", "key-1"), ("read", "n-1")]
    assert result.sent == ["Cancel s1", "Mark read"] and not result.expired


def test_the_time_of_the_first_send_is_kept_across_attempts():
    client = Client({1: NetworkError("gone"), 2: NetworkError("gone again")})
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    with pytest.raises(NetworkError):
        run(outbox_ops.replay, client)
    first = rows()[0]["sending_since"]
    with pytest.raises(NetworkError):
        run(outbox_ops.replay, client)
    assert rows()[0]["sending_since"] == first and ob.parse(rows()[0]).sending_since == first
