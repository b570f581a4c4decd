"""Reviewing several invoices at once (Pay all due, Pay selected): one invoice the panel will not give (a 404, an
answer Sett cannot read) is left out of the review and named, with why, instead of failing the whole review and
leaving none payable; the payment then covers only what was reviewed. Canned panel answers through the real client
and the real operation, on a real cache file: no panel, no Qt."""
from __future__ import annotations

import json

import pytest
import requests

from app.api import NetworkError, NotFound
from app.cache import CacheChanges
from app.session.operations import payments as pay_ops
from app.session.payments import settled_text, unreadable_text

from . import hostile
from .canned_session import Canned
from .test_reads_after_actions import NOT_FOUND, Ctx, cache, panel  # noqa: F401 - cache is the fixture

ROW = hostile.LIST_ROWS["/billing/invoices"][0]


def invoice(number: int) -> dict:
    return {**ROW, "id": f"inv-{number}", "invoice_number": f"INV-{number}", "status": "pending",
            "balance_due": "9.99", "lines": [{"description": "Small (monthly)", "quantity": 1, "unit_price": "9.99",
                                              "amount": "9.99"}]}


def answers(**extra) -> dict:
    return {"/billing/config": hostile.OBJECTS["/billing/config"],
            "/billing/credits": hostile.OBJECTS["/billing/credits"],
            "/billing/invoices/inv-1": invoice(1), "/billing/invoices/inv-3": invoice(3), **extra}


def test_one_unreadable_invoice_of_three_is_named_and_the_rest_reviewed(cache):  # noqa: F811
    cache.apply(CacheChanges(upserts={"invoices": [invoice(2)]}))          # synced before, as Pay all due saw it
    broken = Canned(200, json.dumps({"data": {**invoice(3), "balance_due": {"x": 1}}}).encode())
    ctx = Ctx(panel(answers(**{"/billing/invoices/inv-3": broken})), cache, "review")
    reads = pay_ops.review(ctx, "invoices", {"invoice_ids": ["inv-1", "inv-2", "inv-3"]})
    assert [i["invoice_number"] for i in reads["invoices"]] == ["INV-1"]
    assert [(u["id"], u["invoice_number"]) for u in reads["unreadable"]] == [("inv-2", "INV-2"), ("inv-3", None)]
    assert "Not found" in reads["unreadable"][0]["reason"] or "not found" in reads["unreadable"][0]["reason"].lower()
    text = unreadable_text(reads["unreadable"])
    assert text.startswith("Left out of this payment: 2 invoices the panel could not give just now (")
    assert "INV-2: " in text and "invoice inv-3: " in text and "Each stays payable from Invoices." in text
    assert cache.invoice("inv-1")["lines"]                     # what was read is saved, as a review saves it


def test_all_readable_names_none(cache):  # noqa: F811
    reads = pay_ops.review(Ctx(panel(answers(**{"/billing/invoices/inv-2": invoice(2)})), cache, "review"),
                           "invoices", {"invoice_ids": ["inv-1", "inv-2"]})
    assert len(reads["invoices"]) == 2 and reads["unreadable"] == [] and unreadable_text([]) == ""


def test_none_readable_fails_as_before(cache):  # noqa: F811
    with pytest.raises(NotFound):
        pay_ops.review(Ctx(panel(answers(**{"/billing/invoices/inv-1": NOT_FOUND,
                                            "/billing/invoices/inv-3": NOT_FOUND})), cache, "review"),
                       "invoices", {"invoice_ids": ["inv-1", "inv-3"]})


def test_a_panel_out_of_reach_fails_the_review_rather_than_leaving_invoices_out(cache):  # noqa: F811
    session = panel(answers())
    adapter = session.get_adapter("https://panel.example")
    canned = adapter.answer

    def answer(sent):
        if sent.path == "/billing/invoices/inv-3":
            raise requests.ConnectionError("dropped")
        return canned(sent)
    adapter.answer = answer
    with pytest.raises(NetworkError):
        pay_ops.review(Ctx(session, cache, "review"), "invoices", {"invoice_ids": ["inv-1", "inv-3"]})


def test_an_invoice_no_longer_due_at_the_panel_is_left_out_and_named(cache):  # noqa: F811
    paid = {**invoice(3), "status": "paid", "balance_due": "0.00"}
    reads = pay_ops.review(Ctx(panel(answers(**{"/billing/invoices/inv-3": paid})), cache, "review"),
                           "invoices", {"invoice_ids": ["inv-1", "inv-3"]})
    assert [i["id"] for i in reads["invoices"]] == ["inv-1"] and [i["id"] for i in reads["settled"]] == ["inv-3"]
    assert cache.invoice("inv-3")["status"] == "paid"           # saved: every screen shows it paid at once
    assert settled_text(reads["settled"]) == "Left out of this payment: 1 invoice no longer due at the panel " \
                                             "(INV-3 (paid))."
