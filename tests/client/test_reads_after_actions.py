"""After an action the panel has taken (a payment, a cancellation request, a reply), the records read back to show
it are secondary: one the panel then does not give (a 404 for a service its own order names) leaves that record
out, said in words, and never turns the action into a failure or loses what was already read and saved. Canned
panel answers through the real client and the real operations, on a real cache file: no panel, no Qt."""
from __future__ import annotations

import json

import pytest

from app.api import NotFound, PanelClient
from app.cache import AccountCache, CacheChanges
from app.core import outbox as ob
from app.session.operations import Context
from app.session.operations import outbox as outbox_ops
from app.session.operations import payments as pay_ops
from app.session.operations import services as service_ops
from app.session.operations import support as support_ops
from app.session.payments import Outcome, describe

from . import hostile
from .canned_session import Canned, CannedSession, data

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "lines": [
    {"description": "Small (monthly)", "service_id": "svc-1", "quantity": 1, "unit_price": "9.99", "amount": "9.99"}]}
PENDING_INVOICE = {**INVOICE, "status": "pending", "balance_due": "9.99"}
ORDER = {**hostile.LIST_ROWS["/billing/orders"][0], "items": [], "service_ids": ["svc-1", "svc-2"]}
SERVICE = {**hostile.LIST_ROWS["/billing/services"][0], "cancellation": None}
PAYMENT = {"id": "pay-1", "status": "succeeded", "amount": "9.99", "invoice_id": "inv-1", "order_id": "ord-1"}
TICKET = {"id": "t-1", "ticket_number": "TKT-1", "subject": "Help", "status": "open", "department": "billing",
          "related": None, "last_reply_at": None, "created_at": "2026-01-01T00:00:00Z",
          "updated_at": "2026-01-01T00:00:00Z",
          "messages": [{"id": "m-1", "author": {"name": "Me", "staff": False}, "body": "Hi",
                        "created_at": "2026-01-01T00:00:00Z"}]}
MESSAGE = {"id": "m-2", "author": {"name": "Me", "staff": False}, "body": "Any news?",
           "created_at": "2026-01-02T00:00:00Z"}
CANCELLATION = {"id": "c-1", "type": "end_of_period", "reason": "moving", "status": "pending"}
NOT_FOUND = Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')


def panel(answers: dict | None = None) -> CannedSession:
    """Answers by path ("/billing/services/svc-1": a row, or a Canned answer); a path not given is the panel's 404."""
    table = {"/billing/payments/pay-1": PAYMENT, "/billing/invoices/inv-1": INVOICE, "/billing/orders/ord-1": ORDER,
             "/billing/services/svc-1": SERVICE, "/billing/services/svc-2": {**SERVICE, "id": "svc-2"},
             **(answers or {})}

    def answer(sent) -> Canned:
        value = table.get(sent.path)
        if value is None:
            return NOT_FOUND
        if isinstance(value, Canned):
            return value
        return data(value, 201 if sent.method == "POST" else 200)
    return CannedSession(answer)


class Ctx(Context):
    def __init__(self, session: CannedSession, cache: AccountCache, name: str) -> None:
        client = PanelClient("https://panel.example", session=session, sleep=lambda s: None, max_retries=0)
        super().__init__("acct", lambda: client, name)
        self._cache = cache


@pytest.fixture
def cache(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as made:
        yield made


def money(value) -> str:
    return f"${value}"


def gone(path: str) -> dict:
    return {path: NOT_FOUND}


# -- reading a payment's outcome ------------------------------------------------------------------------------------
def test_a_service_the_panel_cannot_find_leaves_the_paid_order_and_invoice_standing(cache):
    ctx = Ctx(panel(gone("/billing/services/svc-2")), cache, "read_outcome")
    outcome = pay_ops.read_outcome(ctx, "pay-1")
    assert outcome.status == "succeeded"
    assert outcome.order["order_number"] == "ORD-1" and outcome.invoice["invoice_number"] == "INV-1"
    assert [s["id"] for s in outcome.services] == ["svc-1"] and outcome.missing == ["services"]
    # What was read is saved, as the panel sent it; the service left out is for the sync to bring.
    assert cache.order("ord-1")["status"] == "active" and cache.invoice("inv-1")["status"] == "paid"
    assert cache.service("svc-1") is not None and cache.service("svc-2") is None
    assert {"orders", "invoices", "services"} <= ctx.changes.resources
    title, text = describe("order", "stripe", outcome, money)
    assert title == "Payment received"
    assert "ORD-1" in text and "INV-1" in text and "Not found" not in text
    assert "A service this payment covers could not be read from the panel just now" in text


def test_an_invoice_the_panel_cannot_give_is_named_as_the_cache_had_it(cache):
    cache.apply(CacheChanges(upserts={"invoices": [PENDING_INVOICE]}))     # the start's answer, saved then
    ctx = Ctx(panel(gone("/billing/invoices/inv-1")), cache, "read_outcome")
    outcome = pay_ops.read_outcome(ctx, "pay-1")
    assert outcome.invoice["invoice_number"] == "INV-1" and outcome.missing == ["invoices"]
    assert cache.invoice("inv-1")["status"] == "pending"      # the old copy is shown, not saved as if read
    assert cache.order("ord-1") is not None and {cache.service(i)["id"] for i in ("svc-1", "svc-2")}
    title, text = describe("order", "stripe", outcome, money)
    assert title == "Payment received" and "INV-1" in text
    assert "An invoice this payment covers could not be read" in text


def test_an_order_the_panel_cannot_give_still_says_the_payment_was_received(cache):
    ctx = Ctx(panel(gone("/billing/orders/ord-1")), cache, "read_outcome")
    outcome = pay_ops.read_outcome(ctx, "pay-1")
    assert outcome.order is None and outcome.missing == ["orders"]
    assert [s["id"] for s in outcome.services] == ["svc-1"]         # the invoice's line still names it
    assert cache.invoice("inv-1")["status"] == "paid"
    title, text = describe("order", "stripe", outcome, money)
    assert title == "Payment received" and "The order could not be read from the panel just now" in text


def test_an_answer_sett_cannot_read_for_a_secondary_record_is_left_out_too(cache):
    broken = Canned(200, json.dumps({"data": {**SERVICE, "id": "svc-2", "status": {"x": 1}}}).encode())
    outcome = pay_ops.read_outcome(Ctx(panel({"/billing/services/svc-2": broken}), cache, "read_outcome"),
                                   "pay-1")
    assert outcome.missing == ["services"] and outcome.order is not None


def test_nothing_missing_says_nothing_more():
    outcome = Outcome({"status": "succeeded"}, invoice={"invoice_number": "INV-1"})
    assert describe("invoice", "stripe", outcome, money)[1] == "Payment received: INV-1 is paid."


def test_the_payment_itself_is_still_needed(cache):
    with pytest.raises(NotFound):
        pay_ops.read_outcome(Ctx(panel(gone("/billing/payments/pay-1")), cache, "read_outcome"), "pay-1")


# -- a service's cancellation request -------------------------------------------------------------------------------
def test_a_cancellation_request_the_panel_took_is_not_a_failure_when_the_service_is_not_read_back(cache):
    cache.apply(CacheChanges(upserts={"services": [SERVICE]}))
    session = panel({"/billing/services/svc-1/cancel": CANCELLATION, **gone("/billing/services/svc-1")})
    ctx = Ctx(session, cache, "request_cancellation")
    service = service_ops.request_cancellation(ctx, "svc-1", "end_of_period", "moving", "key-1")
    assert service["id"] == "svc-1" and service["cancellation"] == CANCELLATION
    assert "services" in ctx.changes.resources          # the sync that follows brings the panel's copy
    assert [s.method for s in session.sent] == ["POST", "GET"]


def test_a_withdrawal_the_panel_took_is_not_a_failure_either(cache):
    cache.apply(CacheChanges(upserts={"services": [{**SERVICE, "cancellation": CANCELLATION}]}))
    session = panel({"/billing/services/svc-1/cancel": {}, **gone("/billing/services/svc-1")})
    service = service_ops.withdraw_cancellation(Ctx(session, cache, "withdraw_cancellation"), "svc-1")
    assert service["id"] == "svc-1" and service["cancellation"] is None


# -- a ticket's reply --------------------------------------------------------------------------------------------------
def test_a_reply_the_panel_took_shows_in_the_conversation_when_the_ticket_is_not_read_back(cache):
    cache.apply(CacheChanges(upserts={"tickets": [TICKET]}))
    session = panel({"/support/tickets/t-1/replies": MESSAGE, **gone("/support/tickets/t-1")})
    ctx = Ctx(session, cache, "reply")
    ticket = support_ops.reply(ctx, "t-1", "Any news?", "key-2")
    assert [m["id"] for m in ticket["messages"]] == ["m-1", "m-2"] and ticket["status"] == "customer_reply"
    assert "tickets" in ctx.changes.resources


# -- the outbox's replay ---------------------------------------------------------------------------------------------
def replayed(cache, session: CannedSession) -> outbox_ops.Replayed:
    return outbox_ops.replay(Ctx(session, cache, "replay"))


def test_a_queued_cancellation_the_panel_took_is_sent_not_refused_when_the_service_is_not_read_back(cache):
    cache.apply(CacheChanges(upserts={"services": [SERVICE]}))
    outbox_ops.queue_cancellation(Ctx(panel(), cache, "queue"), "svc-1", "end_of_period", "moving", "key-3",
                                  "Request cancellation of Small")
    result = replayed(cache, panel({"/billing/services/svc-1/cancel": CANCELLATION,
                                     **gone("/billing/services/svc-1")}))
    assert result.sent == ["Request cancellation of Small"] and result.refused == []
    assert [row["status"] for row in cache.outbox()] == [ob.SENT]
    assert cache.service("svc-1")["cancellation"] == CANCELLATION       # no longer shown as waiting


def test_a_queued_reply_the_panel_took_is_sent_not_refused_when_the_ticket_is_not_read_back(cache):
    cache.apply(CacheChanges(upserts={"tickets": [TICKET]}))
    outbox_ops.queue_reply(Ctx(panel(), cache, "queue"), "t-1", "Any news?", "key-4", "Reply to TKT-1")
    result = replayed(cache, panel({"/support/tickets/t-1/replies": MESSAGE,
                                     **gone("/support/tickets/t-1")}))
    assert result.sent == ["Reply to TKT-1"] and result.refused == []
    assert [row["status"] for row in cache.outbox()] == [ob.SENT]
    messages = cache.ticket("t-1")["messages"]
    assert [m["id"] for m in messages] == ["m-1", "m-2"] and not any(m.get("queued") for m in messages)


# -- the other actions of the same kind ------------------------------------------------------------------------------
def test_pay_all_due_names_the_invoices_it_could_read(cache):
    ctx = Ctx(panel({"/billing/payments/pay-1": {**PAYMENT, "order_id": None, "invoice_ids": ["inv-1"]}}), cache,
              "read_outcome")
    outcome = pay_ops.read_outcome(ctx, "pay-1", ["inv-2"])        # inv-2: settled by credits, now a 404
    assert [i["id"] for i in outcome.invoices] == ["inv-1"] and outcome.missing == ["invoices"]
    title, text = describe("invoices", "stripe", outcome, money)
    assert text.startswith("Payment received: INV-1 is paid.") and "An invoice this payment covers" in text


def test_a_cancelled_order_stays_cancelled_when_its_invoice_and_services_are_not_read_back(cache):
    cancelled = {**ORDER, "status": "cancelled"}
    ctx = Ctx(panel({"/billing/orders/ord-1/cancel": cancelled, **gone("/billing/invoices/inv-1"),
                     **gone("/billing/services/svc-1"), **gone("/billing/services/svc-2")}), cache, "cancel_order")
    assert pay_ops.cancel_order(ctx, "ord-1", "key-5")["status"] == "cancelled"
    assert cache.order("ord-1")["status"] == "cancelled"
    assert {"invoices", "services"} <= ctx.changes.resources


def test_marking_read_passes_over_a_notification_the_panel_no_longer_has(cache):
    from app.session.operations import notices as notice_ops

    rows = [{"id": uuid, "uuid": uuid, "type": "billing", "title": "Paid", "message": "", "read": False,
             "created_at": "2026-01-01T00:00:00Z"} for uuid in ("n-1", "n-2")]
    cache.apply(CacheChanges(upserts={"notifications": rows}))
    session = panel({"/notifications/n-2/read": {}})               # n-1 is gone from the panel: 404
    assert notice_ops.mark_read(Ctx(session, cache, "mark_read"), ["n-1", "n-2"]) == 2
    assert [s.path for s in session.sent] == ["/notifications/n-1/read", "/notifications/n-2/read"]
    assert all(row["read"] for row in cache.notifications())
