"""Exactly once across a restart: the Idempotency-Key of an attempt the panel may have acted on (a payment, a
top-up, cancelling an order or a top-up, a new ticket, a reply) is kept in the account's cache, so the same attempt
asked by a new session, over the same cache file, after the first process ended goes with the same key and the
panel answers what it did instead of doing it twice. Real sockets on 127.0.0.1 answer; the operations, the client
and the cache file are the real ones."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.api import ApiError, PanelClient, new_idempotency_key
from app.cache import AccountCache, CacheChanges
from app.session.operations import Context
from app.session.operations import kept_keys as kept_ops
from app.session.operations import payments as pay_ops
from app.session.operations import services as service_ops
from app.session.operations import support as support_ops

from .servers import Reply

HTML = Reply(502, "<!doctype html><html><body>Bad gateway</body></html>", content_type="text/html")
REFUSED = Reply(422, {"error": {"code": "validation_error", "message": "Too small.", "details": {}}})
INVOICE = {"id": "i-9", "invoice_number": "INV-9", "status": "pending", "kind": "top_up", "currency": "USD",
           "total": "10.00", "balance_due": "10.00", "updated_at": "2026-12-06T09:00:00Z"}
STARTED = Reply(201, {"data": {"invoice": INVOICE, "payment": {"id": "pay-9", "method": "stripe",
                                                               "status": "pending"}}})

# action -> (the attempt as the features ask it: action, what it asks, operation, its arguments before the key)
ACTIONS = {
    "top-up": ("pay", ["top_up", {"amount": "10.00"}, "stripe", False], pay_ops.start,
               ("top_up", {"amount": "10.00"}, "stripe", False)),
    "pay an invoice": ("pay", ["invoice", {"invoice_id": "i-1"}, "stripe", True], pay_ops.start,
                       ("invoice", {"invoice_id": "i-1"}, "stripe", True)),
    "pay several": ("pay", ["invoices", {"invoice_ids": ["i-1", "i-2"]}, "stripe", True], pay_ops.start,
                    ("invoices", {"invoice_ids": ["i-1", "i-2"]}, "stripe", True)),
    "cancel order": ("cancel_order", ["o-1"], pay_ops.cancel_order, ("o-1",)),
    "cancel top-up": ("cancel_top_up", ["i-1"], pay_ops.cancel_top_up, ("i-1",)),
    "cancellation request": ("request_cancellation", ["s-1", "immediate", "Too slow"],
                             service_ops.request_cancellation, ("s-1", "immediate", "Too slow")),
    "reply": ("reply", ["t-1", "Any news?"], support_ops.reply, ("t-1", "Any news?")),
    "new ticket": ("ticket", {"subject": "Help", "department": "billing", "body": "Hi"}, support_ops.open_ticket,
                   ({"subject": "Help", "department": "billing", "body": "Hi"},)),
}


class Session:
    """What one run of Sett holds for the account: its own client and its own connection to the cache file."""

    def __init__(self, url: str, path) -> None:
        self.client = PanelClient(url, sleep=lambda s: None, max_retries=0)
        self.cache = AccountCache(path)

    def run(self, name: str, key: str, *, amount: str | None = None):
        """The action `name` of ACTIONS (a top-up of `amount` when given), offered `key`."""
        action, asked, operation, args = ACTIONS[name]
        if amount is not None:
            asked, args = ["top_up", {"amount": amount}, "stripe", False], ("top_up", {"amount": amount}, "stripe",
                                                                             False)
        ctx = Context("acct", lambda: self.client, "keyed")
        ctx._cache = self.cache
        return kept_ops.keyed(ctx, action, asked, operation, *args, key=key)

    def fails(self, name: str, key: str, **kwargs) -> None:
        with pytest.raises(ApiError):
            self.run(name, key, **kwargs)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc) -> None:       # Sett quits
        self.client.close()
        self.cache.close()


def keys_seen(server) -> list[str]:
    return [seen.headers.get("Idempotency-Key") for seen in server.seen if seen.method == "POST"]


@pytest.mark.parametrize("name", list(ACTIONS))
def test_a_lost_answer_is_asked_again_after_a_restart_with_the_same_key(name, canned, tmp_path):
    server = canned(HTML, HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as first:
        first.fails(name, new_idempotency_key())       # the attempt's answer never came; then Sett quits
    with Session(server.url, tmp_path / "cache.sqlite3") as again:
        again.fails(name, new_idempotency_key())       # pressed again after starting again: a new key offered
    sent = keys_seen(server)
    assert len(sent) == 2 and sent[0] == sent[1] and sent[0]


def test_another_attempt_gets_its_own_key(canned, tmp_path):
    server = canned(HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as session:
        session.fails("top-up", "key-a")
        session.fails("top-up", "key-b", amount="20.00")
    assert keys_seen(server) == ["key-a", "key-b"]


def test_the_key_goes_once_the_panel_answered_and_the_next_top_up_is_a_new_one(canned, tmp_path):
    server = canned(HTML, STARTED, STARTED)
    with Session(server.url, tmp_path / "cache.sqlite3") as first:
        first.fails("top-up", "key-1")
    with Session(server.url, tmp_path / "cache.sqlite3") as again:
        assert again.run("top-up", "key-2")["payment"]["id"] == "pay-9"
        assert again.cache.kept_keys() == []
        again.run("top-up", "key-3")             # a second top-up of the same amount, asked for
    assert keys_seen(server) == ["key-1", "key-1", "key-3"]


def test_a_definite_refusal_drops_the_key(canned, tmp_path):
    server = canned(HTML, REFUSED, HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as first:
        first.fails("cancel order", "key-1")
        first.fails("cancel order", "key-2")     # the same key again: refused (422), so the key goes
    with Session(server.url, tmp_path / "cache.sqlite3") as again:
        again.fails("cancel order", "key-3")
    assert keys_seen(server) == ["key-1", "key-1", "key-3"]


def test_the_key_is_in_the_file_before_the_request_leaves(tmp_path):
    # A kill while the request is on the way must leave the key behind: it is committed before sending.
    path = tmp_path / "cache.sqlite3"
    seen_on_the_way = []

    def operation(ctx, key):
        with AccountCache(path) as other:            # another connection: only committed rows are visible
            seen_on_the_way.extend(row["key"] for row in other.kept_keys())
        raise ConnectionResetError("killed")

    with AccountCache(path) as cache:
        ctx = Context("acct", lambda: None, "keyed")
        ctx._cache = cache
        with pytest.raises(ConnectionResetError):
            kept_ops.keyed(ctx, "cancel_order", ["o-1"], operation, key="key-1")
        assert [row["key"] for row in cache.kept_keys()] == ["key-1"]
    assert seen_on_the_way == ["key-1"]


def test_keys_older_than_the_panels_window_are_pruned(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        ctx = Context("acct", lambda: None, "keyed")
        ctx._cache = cache
        start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        old = kept_ops.attempt_id("cancel_order", ["o-1"])
        assert kept_ops.keep(ctx, old, "key-old", "cancel_order", now=start) == "key-old"
        within = start + kept_ops.KEY_WINDOW - timedelta(minutes=1)
        assert kept_ops.keep(ctx, old, "key-new", "cancel_order", now=within) == "key-old"
        later = start + kept_ops.KEY_WINDOW + timedelta(minutes=1)
        # Past the window the panel may have forgotten the key: the attempt starts again with a new one, and the
        # old row is gone.
        assert kept_ops.keep(ctx, old, "key-new", "cancel_order", now=later) == "key-new"
        assert [row["key"] for row in cache.kept_keys()] == ["key-new"]
        other = kept_ops.attempt_id("cancel_top_up", ["i-1"])
        kept_ops.keep(ctx, other, "key-other", "cancel_top_up", now=later + kept_ops.KEY_WINDOW * 2)
        assert [row["key"] for row in cache.kept_keys()] == ["key-other"]


def test_the_window_is_the_contracts_24_hours():
    assert kept_ops.KEY_WINDOW == timedelta(hours=24)


def test_no_words_of_the_attempt_are_stored(canned, tmp_path):
    server = canned(HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as session:
        session.fails("reply", "key-1")
    raw = (tmp_path / "cache.sqlite3").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("cache.sqlite3-*"))
    assert b"key-1" in raw and b"Any news?" not in raw


@pytest.mark.parametrize("name", ["cancellation request", "reply"])
def test_queued_offline_after_a_restart_the_outbox_takes_the_kept_key(name, canned, tmp_path):
    # The request's answer was lost, Sett quit, and after starting again the panel cannot be reached: the request
    # waits in the outbox under the key the panel may have taken it with, so the replay is answered, not refused.
    server = canned(HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as first:
        first.cache.apply(CacheChanges(upserts={
            "services": [{"id": "s-1", "status": "active", "cancellation": None}],
            "tickets": [{"id": "t-1", "subject": "Help", "status": "open", "messages": []}]}))
        first.fails(name, "key-1")
    with Session(server.url, tmp_path / "cache.sqlite3") as again:
        ctx = Context("acct", lambda: again.client, "queue")
        ctx._cache = again.cache
        if name == "reply":
            kept_ops.queue_reply(ctx, "t-1", "Any news?", "key-2", "Reply to TKT-1")
        else:
            kept_ops.queue_cancellation(ctx, "s-1", "immediate", "Too slow", "key-2", "Cancel VPS")
        assert [row["id"] for row in again.cache.outbox()] == ["key-1"]
        assert again.cache.kept_keys() == []           # the outbox keeps it now
