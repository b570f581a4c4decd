"""A queued service action refused because its service is gone from the panel (404, and the service cannot be read
back): the service shows what it showed before the queueing, not the request as waiting. Before, the request stayed
on its page and in the list as "waiting" for good: no sync brings a row the panel no longer lists, and dismissing
the refusal only put back what a still-queued entry had hidden."""
from __future__ import annotations

import pytest

from app import paths
from app.api import Conflict, NotFound
from app.cache import CacheChanges, open_account_cache
from app.session.operations import outbox as outbox_ops

from .test_outbox import run  # one operation on a real cache, as there

ACCOUNT = "acct-1"
BEFORE = {"type": "end_of_period", "reason": "Older", "status": "rejected"}


class Client:
    """The panel as it is once the service is gone: every call about it is 404 (or `refusal`)."""

    def __init__(self, refusal: Exception | None = None, readable: bool = False) -> None:
        self.refusal = refusal or NotFound("Not found.", status=404, code="not_found")
        self.readable = readable
        self.calls: list[str] = []

    def request_cancellation(self, service_id, *, type, reason, key=None):  # noqa: A002
        self.calls.append("cancel")
        raise self.refusal

    def withdraw_cancellation(self, service_id):
        self.calls.append("withdraw")
        raise self.refusal

    def service(self, service_id):
        self.calls.append("read")
        if self.readable:
            return {"id": service_id, "status": "active", "cancellation": BEFORE, "updated_at": "2026-12-06T10:00:00Z"}
        raise NotFound("Not found.", status=404, code="not_found")

    def close(self):
        pass


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [
            {"id": "s1", "status": "active", "cancellation": BEFORE, "updated_at": "2026-12-05T10:00:00Z"}]}))
    yield tmp_path
    paths.use_data_dir(None)


def shown() -> dict | None:
    with open_account_cache(ACCOUNT) as cache:
        return cache.service("s1")["cancellation"]


def test_a_cancellation_of_a_service_gone_from_the_panel_is_refused_and_not_shown_as_waiting():
    client = Client()
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    assert shown()["queued"]
    result = run(outbox_ops.replay, client)
    assert client.calls == ["cancel", "read"]
    assert [label for label, _why in result.refused] == ["Cancel s1"] and result.refused[0][1]
    assert shown() == BEFORE
    run(outbox_ops.remove, client, "key-1")          # dismissed: nothing else changes
    assert shown() == BEFORE
    run(outbox_ops.replay, client)
    assert client.calls == ["cancel", "read"]        # never sent again


def test_a_request_and_its_withdrawal_both_refused_leave_no_waiting_request():
    client = Client()
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    run(outbox_ops.queue_withdrawal, client, "s1", "key-2", "Withdraw s1")
    result = run(outbox_ops.replay, client)
    assert len(result.refused) == 2
    assert not (shown() or {}).get("queued")


def test_a_refusal_of_a_service_the_panel_still_has_shows_the_panels_copy():
    client = Client(Conflict("This service already has an open request.", status=409, code="conflict"),
                    readable=True)
    run(outbox_ops.queue_cancellation, client, "s1", "immediate", "Too slow", "key-1", "Cancel s1")
    run(outbox_ops.replay, client)
    assert shown() == BEFORE
    with open_account_cache(ACCOUNT) as cache:
        assert cache.service("s1")["updated_at"] == "2026-12-06T10:00:00Z"
