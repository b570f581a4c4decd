"""A payment read back after the web view closed (`GET /billing/payments/{id}`) must say its status: it is the one
answer that tells the buyer whether the money moved. Read without one (or with null), it counted as "pending",
so a panel that forgot the field showed "not paid yet" for a payment it may have taken, and the invoices, order
and services it names were read and saved as if the answer were sound. Now it is a `BadAnswer` naming the field,
raised before anything else is read or saved. Canned answers through the real client, the real operation and a
real cache file (no sockets)."""
from __future__ import annotations

import sqlite3

import pytest

from app.api import BadAnswer, PanelClient
from app.cache import AccountCache, CacheChanges
from app.session.operations import Context
from app.session.operations import payments as pay_ops
from app.session.wording import explain

from . import hostile
from .canned_session import Canned, CannedSession, data

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "status": "pending", "balance_due": "9.99"}
PAID_INVOICE = {**INVOICE, "status": "paid", "balance_due": "0.00", "updated_at": "2026-02-01T00:00:00Z"}
ORDER = {**hostile.LIST_ROWS["/billing/orders"][0], "items": [], "service_ids": []}
PAYMENT = {"id": "pay-1", "method": "stripe", "amount": "9.99", "status": "succeeded", "invoice_id": "inv-1",
           "invoice_ids": ["inv-1"], "order_id": "ord-1"}
NOT_FOUND = Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')


def session_for(payment: dict) -> CannedSession:
    table = {"/billing/payments/pay-1": payment, "/billing/invoices/inv-1": PAID_INVOICE,
             "/billing/orders/ord-1": ORDER}
    return CannedSession(lambda sent: data(table[sent.path]) if sent.path in table else NOT_FOUND)


class Ctx(Context):
    def __init__(self, session: CannedSession, cache: AccountCache) -> None:
        client = PanelClient("https://panel.example", session=session, sleep=lambda s: None, max_retries=0)
        super().__init__("acct", lambda: client, "read_outcome")
        self._cache = cache


@pytest.fixture
def cache(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as made:
        made.apply(CacheChanges(upserts={"invoices": [INVOICE]}))
        yield made


def dump(cache: AccountCache) -> list:
    conn = sqlite3.connect(cache.path)
    try:
        return [conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()    # noqa: S608 - our names
                for table in ("invoices", "orders", "services", "config")]
    finally:
        conn.close()


@pytest.mark.parametrize("payment", [
    {k: v for k, v in PAYMENT.items() if k != "status"},
    {**PAYMENT, "status": None},
], ids=["left out", "null"])
def test_a_payment_read_back_without_a_status_is_refused_and_nothing_is_read_or_saved(cache, payment):
    session = session_for(payment)
    before = dump(cache)
    with pytest.raises(BadAnswer) as caught:
        pay_ops.read_outcome(Ctx(session, cache), "pay-1")
    assert caught.value.field == "status"
    assert "payment.status" in str(caught.value)
    headline, _ = explain(caught.value)
    assert headline == "The panel sent an answer Sett does not understand."
    assert [s.path for s in session.sent] == ["/billing/payments/pay-1"]   # nothing else read on its word
    assert dump(cache) == before                                             # the invoice is still as it was


def test_the_typed_call_refuses_it_too():
    with PanelClient("https://panel.example", session=session_for({"id": "pay-1"}), sleep=lambda s: None) as client:
        with pytest.raises(BadAnswer) as caught:
            client.payment("pay-1")
    assert caught.value.resource == "payment" and caught.value.field == "status"


def test_a_payment_read_back_with_its_status_is_read_and_what_it_paid_saved(cache):
    outcome = pay_ops.read_outcome(Ctx(session_for(PAYMENT), cache), "pay-1")
    assert outcome.status == "succeeded"
    assert cache.invoice("inv-1")["status"] == "paid"
