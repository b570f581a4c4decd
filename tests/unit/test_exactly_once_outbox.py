"""The outbox's replay keeps an entry's Idempotency-Key by the rule of every keyed action
(`app.api.panel_may_have_acted`): an entry whose answer was unreadable (a wrong shape, a proxy's page), a 5xx (even
naming a refusal's code) or lost stays `sending` and is sent again with the same key by the next replay, never
marked refused (which dropped it, and sent again as new it was done twice); a definite refusal is marked refused.
A replay after a crash between the request and the `sent` mark sends the same key, so a panel that replays by key
does the action once. A panel keyed as the contract says stands behind the canned client."""
from __future__ import annotations

import pytest

from app import paths
from app.api import BadAnswer, Conflict, NetworkError, NotAPanel, ServerError, ValidationFailed
from app.cache import CacheChanges, open_account_cache
from app.session.operations import outbox as outbox_ops
from tests.unit.test_outbox import ACCOUNT, run, statuses  # one account, run and outbox reading for both


class Crash(BaseException):
    """The process dying right after the panel took the request (kill -9 before the `sent` mark)."""


class KeyedPanel:
    """Acts once per Idempotency-Key, as the contract says, answering a repeated key with the first answer;
    `after[n]` (1-based request number) is what the wire does to that answer after the panel acted on it."""

    def __init__(self, after: dict[int, BaseException] | None = None) -> None:
        self.after = after or {}
        self.requests: list[tuple[str, str | None]] = []
        self.done: dict[str, dict] = {}          # key -> the first answer

    def _act(self, what: str, key: str | None, answer: dict) -> dict:
        self.requests.append((what, key))
        first = self.done.setdefault(key, answer) if key else answer
        error = self.after.get(len(self.requests))
        if error is not None:
            raise error
        return first

    def request_cancellation(self, service_id, *, type, reason, key=None):  # noqa: A002
        return self._act("cancel", key, {"id": f"cr-{len(self.done) + 1}", "type": type, "status": "pending"})

    def reply_ticket(self, ticket_id, body, *, key):
        return self._act("reply", key, {"id": f"m-{len(self.done) + 1}", "body": body,
                                        "author": {"name": "Ada", "staff": False}})

    def service(self, service_id):
        return {"id": service_id, "status": "active", "cancellation": None, "updated_at": "2026-12-05T10:00:00Z"}

    def ticket(self, ticket_id):
        return {"id": ticket_id, "ticket_number": "TKT-1", "subject": "Help", "status": "customer_reply",
                "department": "billing", "updated_at": "2026-12-05T10:00:00Z", "messages": []}

    def close(self):
        pass

    @property
    def acted(self) -> int:
        return len(self.done)


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"services": [KeyedPanel().service("s1")],
                                          "tickets": [KeyedPanel().ticket("t-1")]}))
    yield tmp_path
    paths.use_data_dir(None)


def queue_both(panel: KeyedPanel) -> None:
    run(outbox_ops.queue_cancellation, panel, "s1", "immediate", "Too slow", "key-c", "Cancel s1")
    run(outbox_ops.queue_reply, panel, "t-1", "Hello", "key-r", "Reply to TKT-1")


MAY_HAVE_ACTED = {
    "wrong shape": BadAnswer("The panel sent an answer Sett does not understand.", resource="cancellation"),
    "proxy page": NotAPanel("The panel address answered with a web page.", status=200),
    "5xx": ServerError("The panel failed with 500.", status=500, code="internal_error"),
    "5xx naming a refusal's code": ValidationFailed("Odd.", status=500, code="validation_error"),
    "4xx with a code no contract has": Conflict("Odd.", status=409, code="weird_state"),
    "lost": NetworkError("The connection was reset."),
}


@pytest.mark.parametrize("answer", list(MAY_HAVE_ACTED))
@pytest.mark.parametrize("first", ["cancel", "reply"])
def test_an_entry_the_panel_may_have_acted_on_keeps_its_key_and_is_done_once(first, answer):
    panel = KeyedPanel({1: MAY_HAVE_ACTED[answer]})
    if first == "cancel":
        queue_both(panel)
    else:
        run(outbox_ops.queue_reply, panel, "t-1", "Hello", "key-r", "Reply to TKT-1")
        run(outbox_ops.queue_cancellation, panel, "s1", "immediate", "Too slow", "key-c", "Cancel s1")
    with pytest.raises(type(MAY_HAVE_ACTED[answer])):
        run(outbox_ops.replay, panel)
    assert statuses() == ["sending", "queued"]                  # not refused: it waits with its key, in order
    if answer != "lost":                                        # the Outbox says why it still says "Sending"
        (waiting, _queued) = run(outbox_ops.entries, panel)
        assert waiting["message"].startswith("The panel may have done it") and "same key" in waiting["message"]
    result = run(outbox_ops.replay, panel)
    assert not result.refused and statuses() == ["sent", "sent"]
    assert all(not row["message"] for row in run(outbox_ops.entries, panel))
    keys = [key for _what, key in panel.requests]
    assert keys[0] == keys[1]                                   # the same key again: answered, not done again
    assert panel.acted == 2                                     # each action once


def test_a_definite_refusal_is_marked_refused_and_the_replay_goes_on():
    panel = KeyedPanel({1: Conflict("A request is already open.", status=409, code="conflict")})
    queue_both(panel)
    result = run(outbox_ops.replay, panel)
    assert statuses() == ["refused", "sent"] and result.refused[0][0] == "Cancel s1"


@pytest.mark.parametrize("kind", ["cancel", "reply"])
def test_a_crash_between_sending_and_marking_sent_does_not_act_twice(kind):
    before = KeyedPanel({1: Crash()})
    if kind == "cancel":
        run(outbox_ops.queue_cancellation, before, "s1", "immediate", "Too slow", "key-c", "Cancel s1")
    else:
        run(outbox_ops.queue_reply, before, "t-1", "Hello", "key-r", "Reply to TKT-1")
    with pytest.raises(Crash):
        run(outbox_ops.replay, before)
    assert before.acted == 1 and statuses() == ["sending"]     # the panel did it; the mark never came
    after = KeyedPanel()
    after.done = before.done                                    # the same panel, met by the next start of Sett
    after.requests = list(before.requests)
    result = run(outbox_ops.replay, after)
    assert statuses() == ["sent"] and len(result.sent) == 1
    assert after.requests[0][1] == after.requests[1][1]         # the same key again
    assert after.acted == 1                                     # so the panel did it once
