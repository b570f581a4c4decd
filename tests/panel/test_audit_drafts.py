"""Contract audit of "`draft` (never shown to users)": an operator's draft invoice (written straight into the database,
as no API makes one) appears in no list, detail, total or count of its customer, and nothing can pay, cancel or
cite it. A private panel, since the test writes to its database."""
from __future__ import annotations

import sqlite3
import uuid

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

URLS = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("audit-drafts")).start()
    shop = Shop(admin_of(proc))
    shop.settings(tickets_enabled=True, paypal_enabled=True)
    buyer = shop.user(credits="10.00")
    placed = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])
    seen = {"dashboard": buyer.data("GET", "/billing/dashboard"), "invoices": buyer.data("GET", "/billing/invoices")}
    draft_id = str(uuid.uuid4())
    with sqlite3.connect(proc.db_path, timeout=30) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(invoices)")]
        chosen = {"id": "?", "invoice_number": "?", "status": "'draft'", "paid_at": "NULL", "amount_paid": "'0.00'",
                  "credits_applied": "'0.00'", "order_id": "NULL", "kind": "'top_up'"}
        values = ", ".join(chosen.get(c, c) for c in columns)
        db.execute(f"INSERT INTO invoices ({', '.join(columns)}) SELECT {values} FROM invoices WHERE id = ?",
                   (draft_id, "INV-DRAFT-1", placed["invoice"]["id"]))
    yield proc, buyer, placed, draft_id, seen
    proc.stop()


def test_a_draft_is_in_no_list_detail_or_total(drafted):
    _, buyer, placed, draft_id, seen = drafted
    listed = buyer.data("GET", "/billing/invoices")
    assert draft_id not in [i["id"] for i in listed] and listed == seen["invoices"]
    for status in ("pending", "paid", "overdue", "cancelled", "refunded", "pending,paid"):
        assert draft_id not in [i["id"] for i in buyer.data("GET", f"/billing/invoices?status={status}")]
    assert draft_id not in [i["id"] for i in buyer.data("GET", "/billing/invoices?updated_since=2000-01-01T00:00:00Z")]
    assert_error(buyer.get(f"/billing/invoices/{draft_id}"), 404, "not_found")
    service_id = placed["order"]["service_ids"][0]
    assert draft_id not in [i["id"] for i in buyer.data("GET", f"/billing/services/{service_id}/invoices")]
    assert buyer.data("GET", "/billing/dashboard") == seen["dashboard"]


def test_a_draft_cannot_be_paid_cancelled_or_cited(drafted):
    _, buyer, _, draft_id, _ = drafted
    assert_error(buyer.post(f"/billing/invoices/{draft_id}/pay", {"payment_method": "credits"}), 404, "not_found")
    assert_error(buyer.post(f"/billing/invoices/{draft_id}/pay", {"payment_method": "paypal", **URLS}), 404,
                 "not_found")
    error = assert_error(buyer.post("/billing/invoices/pay", {"invoice_ids": [draft_id], "payment_method": "paypal",
                                                              **URLS}), 422, "validation_error")
    assert "invoice_ids.0" in error["details"]
    assert_error(buyer.post(f"/billing/invoices/{draft_id}/cancel"), 404, "not_found")
    error = assert_error(buyer.post("/support/tickets", {"subject": "About my draft", "department": "billing",
                                                         "body": "?", "invoice_id": draft_id}), 422,
                         "validation_error")
    assert "invoice_id" in error["details"]
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"  # 10.00 went on the order, none on the draft
