"""Fast tests of the spine's glue (sessions, operations, change-sets, the cart model) with canned panel answers and
a synchronous worker: no panel process, no threads. The real-panel GUI and e2e tests cover the same roads end to
end; these pin down the order of things (the cache written before the screens hear, the login prompt before the
caller) in milliseconds."""
from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app import tasks
from app.api import AuthRequired, Credentials
from app.core.changes import CART, ChangeSet
from app.session import Sessions
from app.session.account import AccountSession
from app.session.operations import payments as pay_ops
from app.settings import Settings


class SyncPool:
    """A QThreadPool that runs each task at once on the calling thread (results still arrive by queued signal)."""

    def __init__(self, *_args) -> None:
        pass

    def setMaxThreadCount(self, _n: int) -> None:  # noqa: N802 - Qt's name
        pass

    def start(self, runnable) -> None:
        runnable.run()

    def waitForDone(self, _msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True

    def activeThreadCount(self) -> int:  # noqa: N802 - Qt's name
        return 0


class CannedClient:
    """The typed calls an operation makes, answered from a script; every call is recorded."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers, self.calls = answers, []

    def __getattr__(self, name: str):
        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            answer = self.answers[name]
            if isinstance(answer, BaseException):
                raise answer
            return answer(*args, **kwargs) if callable(answer) else answer
        return call

    def close(self) -> None:
        pass


@pytest.fixture
def sessions(qapp, data_dir, secrets, monkeypatch):
    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    monkeypatch.setattr(Sessions, "_sync_job", lambda self, account_id: lambda progress, cancellation: ChangeSet(
        billing_enabled=True))
    made = Sessions(Settings(), secrets)
    yield made
    made.shutdown()


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def add(sessions: Sessions, client: CannedClient) -> AccountSession:
    account = sessions.add(name="Canned", panel_url="http://127.0.0.1:9", email="c@example.test",
                           auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    session = sessions.get(account.id)
    session.open_client = lambda cancellation=None: client
    settle()
    return session


def test_a_cart_edit_is_saved_and_comes_back_as_a_change_set(sessions):
    session = add(sessions, CannedClient({}))
    heard: list[ChangeSet] = []
    sessions.changed.connect(lambda _aid, changes: heard.append(changes))
    session.cart.add("p-1", "monthly", {}, 2)
    assert [i.quantity for i in session.cart.cart] == [2]           # at once, on the UI thread
    settle()
    assert any(CART in c and c.source == "save_cart" for c in heard)
    assert [row["product_id"] for row in session.data.cart] == ["p-1"]   # read back from the cache


def test_the_cart_model_asks_for_credits_only_when_there_are_some_to_spend(sessions):
    session = add(sessions, CannedClient({}))
    session.cart.add("p-1", "monthly")
    settle()
    assert session.cart.use_credits                                   # the buyer's choice, on by default
    for balance, asked in (("0.00", False), ("5.00", True)):
        session.data = dataclasses.replace(session.data, credits={"enabled": True, "balance": balance})
        assert session.cart.request_body()["use_credits"] is asked, balance
    session.cart.set_use_credits(False)
    assert session.cart.request_body()["use_credits"] is False        # switched off stays off


def test_an_order_empties_the_cached_cart_before_anyone_hears_of_it(sessions):
    answer = {"order": {"id": "o-1", "order_number": "ORD-1", "status": "pending", "updated_at": "x"},
              "invoice": {"id": "i-1", "invoice_number": "INV-1", "status": "pending", "updated_at": "x"},
              "payment": {"id": "pay-1", "status": "requires_action", "checkout_url": "http://127.0.0.1:9/pay"}}
    client = CannedClient({"checkout": answer})
    session = add(sessions, client)
    session.cart.add("p-1", "monthly")
    session.cart.set_coupon({"code": "TEN", "type": "percent", "value": "10"})
    settle()
    seen: list = []
    session.run(pay_ops.start, "order", session.cart.request_body(), "stripe", True, "key-1",
                on_done=lambda value: seen.append((value, session.data.cart, session.data.cart_options)))
    settle()
    (value, cart_rows, options), = seen
    assert value == answer and cart_rows == [] and options["coupon"] is None
    name, _args, kwargs = client.calls[-1]
    assert name == "checkout" and kwargs["key"] == "key-1" and kwargs["coupon_code"] == "TEN"
    assert [o["id"] for o in session.data.orders] == ["o-1"]


def test_a_login_that_ended_prompts_once_before_the_caller_hears(sessions):
    session = add(sessions, CannedClient({"validate_coupon": AuthRequired("Your session has expired.")}))
    order: list[str] = []
    sessions.auth_required.connect(lambda _aid: order.append("prompt"))
    session.run(lambda ctx: ctx.client.validate_coupon("X", []), on_error=lambda _e: order.append("caller"))
    settle()
    assert order == ["prompt", "caller"]
    assert session.needs_login and session.online is False and "login" in session.notes


def test_answers_for_a_removed_account_reach_no_one(sessions):
    session = add(sessions, CannedClient({"credits": {"balance": "1.00"}}))
    answers: list = []
    sessions.remove(session.id)
    session.run(lambda ctx: ctx.client.credits(), on_done=answers.append, on_error=answers.append)
    settle()
    assert answers == [] and sessions.get(session.id) is None


def test_a_ticket_reply_queued_offline_is_sent_once_with_its_key(sessions):
    from app.session.operations import outbox as outbox_ops

    ticket = {"id": "t-1", "ticket_number": "TKT-1", "subject": "Hi", "status": "customer_reply",
              "updated_at": "2026-12-05T10:00:00Z", "messages": []}
    client = CannedClient({"reply_ticket": {"id": "m-1"}, "ticket": ticket})
    session = add(sessions, client)
    session.run(outbox_ops.queue_reply, "t-1", "Is it <b>down</b>?", "key-9", "Reply to TKT-1")
    settle()
    assert client.calls == []                                         # queued, nothing sent yet
    for _ in range(2):                                                # the panel is back: replayed, twice
        session.run(outbox_ops.replay)
        settle()
    sent = [call for call in client.calls if call[0] == "reply_ticket"]
    assert sent == [("reply_ticket", ("t-1", "Is it <b>down</b>?"), {"key": "key-9"})]   # once, as written
    assert [t["id"] for t in session.data.tickets] == ["t-1"]


def test_a_read_overtaken_by_a_newer_one_still_announces_what_it_changed(sessions):
    session = add(sessions, CannedClient({}))
    heard: list[ChangeSet] = []
    sessions.changed.connect(lambda _aid, changes: heard.append(changes))
    session.reload(ChangeSet({"services", "invoices"}, source="read_outcome"))
    session.reload(ChangeSet({CART}, source="save_cart"))          # lands first or last: only the newest counts
    settle()
    assert len(heard) == 1 and {"services", "invoices", CART} <= heard[0].resources


def test_a_sync_after_a_failed_read_is_still_announced_as_a_sync(sessions):
    session = add(sessions, CannedClient({}))
    synced: list[ChangeSet] = []
    sessions.synced.connect(lambda _aid, changes: synced.append(changes))
    session.reload()                                          # a first read, say of a cache that was rebuilt
    session.reload(ChangeSet({"invoices"}, source="sync"))    # and the sync's own, overtaking it
    settle()
    assert len(synced) == 1 and "invoices" in synced[0]


def test_a_start_that_read_ahead_reads_the_saved_data_once_then_lets_the_syncs_go(sessions, secrets, monkeypatch):
    # create_app reads the current account's cache while the window is built; the start takes that read, and the
    # syncs it holds go once the data is on screen.
    from app.session import account as account_module

    first = add(sessions, CannedClient({}))
    sessions.shutdown()
    reads: list[str] = []
    read = account_module.read_account_data
    monkeypatch.setattr(account_module, "read_account_data", lambda aid: reads.append(aid) or read(aid))
    again = Sessions(Settings(), secrets)
    try:
        started: list[str] = []
        again.sync.started.connect(started.append)
        again.read_ahead()
        again.start()
        assert again.current_id == first.id and started == []      # held: the data is not on screen yet
        settle()
        assert reads == [first.id] and again.current.data is not None and not again.current.reading
        assert started == [first.id]
    finally:
        again.shutdown()
