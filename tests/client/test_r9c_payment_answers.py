"""A payment's answer is about what was paid: one that says no status (nothing then tells whether to open a pay page
or read the outcome), names another invoice than the one being paid (or, for an order or a top-up, than the invoice
it made), or names a currency that is no ISO 4217 code, is refused in words and nothing of it is
saved. Canned answers through the real client, the payment operation and a real cache file (no sockets)."""
from __future__ import annotations

import json

import pytest

from app import paths
from app.api import BadAnswer, PanelClient
from app.api.auth import Credentials
from app.cache import CacheChanges, open_account_cache
from app.session.operations import Context
from app.session.operations import payments as pay_ops

from .canned_session import Canned, CannedSession

ACCOUNT = "acct-r9c"
Z = "2026-12-01T10:00:00Z"
ITEMS = [{"product_id": "p1", "billing_cycle": "monthly"}]
CONFIG = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}, "credits_enabled": False}


def invoice(ident: str, **fields) -> dict:
    return {"id": ident, "invoice_number": f"INV-{ident}", "status": "pending", "issue_date": "2026-12-01",
            "due_date": "2026-12-08", "subtotal": "10.00", "tax_amount": "0.00", "total": "10.00",
            "balance_due": "10.00", "currency": "USD", "updated_at": Z, **fields}


ORDER = {"id": "o1", "order_number": "ORD-1", "status": "pending", "invoice_id": "i1", "service_ids": [],
         "created_at": Z, "updated_at": Z}
PAYMENT = {"id": "pay-1", "method": "stripe", "status": "requires_action", "amount": "10.00",
           "checkout_url": "https://panel.example/pay/pay-1", "invoice_id": "i1", "invoice_ids": ["i1"]}
KINDS = {
    "invoice": ({"invoice_id": "i1"}, {"invoice": invoice("i1", updated_at="2026-12-02T10:00:00Z"),
                                       "payment": PAYMENT}),
    "invoices": ({"invoice_ids": ["i1", "i2"]},
                 {"invoices": [invoice("i1"), invoice("i2")], "payment": {**PAYMENT, "invoice_ids": ["i1", "i2"]}}),
    "order": ({"items": ITEMS}, {"order": ORDER, "invoice": invoice("i1"), "payment": PAYMENT}),
    "top_up": ({"amount": "10.00"}, {"invoice": invoice("i1"), "payment": PAYMENT}),
}


@pytest.fixture(autouse=True)
def cache_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [invoice("i1"), invoice("i2"), invoice("i3")]},
                                 config={"billing_config": CONFIG}))
    yield tmp_path


def saved() -> tuple:
    with open_account_cache(ACCOUNT) as cache:
        return cache.invoices(), cache.orders()


def start(kind: str, answer: dict):
    request, _ = KINDS[kind]
    session = CannedSession(lambda sent: Canned(200, json.dumps({"data": answer}).encode(),
                                                {"Content-Type": "application/json"}))
    api = PanelClient("https://panel.example", Credentials.from_tokens("a" * 20, "r" * 20), session=session,
                      sleep=lambda s: None, max_retries=0)
    ctx = Context(ACCOUNT, lambda: api, "start")
    try:
        return pay_ops.start(ctx, kind, request, "stripe", True, "key-1")
    finally:
        ctx.close()
        api.close()


def refused(kind: str, answer: dict) -> BadAnswer:
    before = saved()
    with pytest.raises(BadAnswer) as caught:
        start(kind, answer)
    assert saved() == before
    return caught.value


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_payment_started_without_a_status_is_refused_and_nothing_is_saved(kind):
    _, answer = KINDS[kind]
    payment = {k: v for k, v in answer["payment"].items() if k != "status"}
    error = refused(kind, {**answer, "payment": payment})
    assert error.field == "payment.status" and "missing" in str(error)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_sound_answer_is_saved(kind):
    _, answer = KINDS[kind]
    got = start(kind, json.loads(json.dumps(answer)))
    assert got["payment"]["id"] == "pay-1"
    invoices, orders = saved()
    assert {i["id"] for i in invoices} == {"i1", "i2", "i3"}
    if kind == "invoice":     # the answer's newer copy of the invoice paid is kept
        assert next(i for i in invoices if i["id"] == "i1")["updated_at"] == "2026-12-02T10:00:00Z"
    if kind == "order":
        assert [o["id"] for o in orders] == ["o1"]


WRONG_INVOICE = [
    ("invoice", {"invoice": invoice("i2")}, "invoice.id"),
    ("invoice", {"payment": {**PAYMENT, "invoice_id": "i2"}}, "payment.invoice_id"),
    ("invoice", {"payment": {**PAYMENT, "invoice_ids": ["i1", "i2"]}}, "payment.invoice_ids[1]"),
    ("invoice", {"invoice_id": "i3"}, "invoice_id"),                  # the payment's fields at the top of data
    ("invoices", {"invoices": [invoice("i1"), invoice("i3")]}, "invoices[1].id"),
    ("invoices", {"payment": {**PAYMENT, "invoice_ids": ["i1", "i3"]}}, "payment.invoice_ids[1]"),
    ("invoices", {"invoice": invoice("i3")}, "invoice.id"),
    ("order", {"payment": {**PAYMENT, "invoice_id": "i3", "invoice_ids": ["i3"]}}, "payment.invoice_"),
    ("order", {"order": {**ORDER, "invoice_id": "i3"}}, "order.invoice_id"),
    ("order", {"payment": {**PAYMENT, "order_id": "o9"}}, "payment.order_id"),
    ("top_up", {"payment": {**PAYMENT, "invoice_id": "i3", "invoice_ids": ["i3"]}}, "payment.invoice_"),
]


@pytest.mark.parametrize(("kind", "change", "field"), WRONG_INVOICE, ids=[f"{t[0]}:{t[2]}" for t in WRONG_INVOICE])
def test_an_answer_naming_another_invoice_than_the_one_paid_is_refused_and_nothing_is_saved(kind, change, field):
    _, answer = KINDS[kind]
    error = refused(kind, {**answer, **change})
    assert error.field is not None and error.field.startswith(field), error.field
    assert "where this payment is for" in str(error)


def test_an_invoice_in_a_payment_answer_with_no_currency_code_is_refused():
    _, answer = KINDS["invoice"]
    error = refused("invoice", {**answer, "invoice": invoice("i1", currency="US$")})
    assert error.field == "invoice.currency" and "is not a currency code" in str(error)


def test_an_invoice_read_after_an_action_naming_no_currency_is_refused_and_not_saved():
    from app.session.operations import invoices as invoice_ops

    answer = invoice("i1", currency="US$", status="paid")
    session = CannedSession(lambda sent: Canned(200, json.dumps({"data": answer}).encode(),
                                                {"Content-Type": "application/json"}))
    api = PanelClient("https://panel.example", Credentials.from_tokens("a" * 20, "r" * 20), session=session,
                      sleep=lambda s: None, max_retries=0)
    ctx = Context(ACCOUNT, lambda: api, "fetch_invoice")
    before = saved()
    try:
        with pytest.raises(BadAnswer) as caught:
            invoice_ops.fetch_invoice(ctx, "i1")
    finally:
        ctx.close()
        api.close()
    assert caught.value.field == "currency" and "is not a currency code" in str(caught.value)
    assert saved() == before
