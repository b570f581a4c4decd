"""Contract audit: the answers that "-> `payment`" (pay one invoice, pay several, top up) can be read as the payment
itself or through `payment`; client-sent totals are ignored like client-sent prices; `updated_since` with an
offset whose `+` a URL turned into a space. On a private panel whose PayPal is its own sandbox page, so a payment
stays pending."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

PAYMENT_KEYS = {"id", "method", "status", "amount", "checkout_url", "invoice_ids"}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> PanelProcess:
    proc = PanelProcess(tmp_path_factory.mktemp("audit-payments")).start()
    Shop(admin_of(proc)).settings(paypal_enabled=True)
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def shop(sandbox) -> Shop:
    return Shop(admin_of(sandbox))


def counts(proc: PanelProcess) -> dict[str, int]:
    """Rows in the tables a checkout or payment writes, read straight from the database."""
    with sqlite3.connect(f"file:{proc.db_path}?mode=ro", uri=True) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("orders", "invoices", "payments", "services", "credit_transactions", "idempotency_keys")}


def pending_order(buyer: Api, product: dict, **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            **URLS, **extra}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def assert_payment_both_ways(data: dict) -> None:
    assert PAYMENT_KEYS <= set(data["payment"]), data
    assert {k: data[k] for k in data["payment"]} == data["payment"]
    assert data["status"] == "requires_action" and data["checkout_url"].startswith("http")


def test_paying_one_invoice_answers_the_payment_itself_and_under_payment(shop):
    buyer = shop.user(credits="4.00")
    placed = pending_order(buyer, shop.product(pricing=MONTHLY_10))
    invoice_id = placed["invoice"]["id"]

    data = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "paypal", **URLS},
                      expect=200)

    assert_payment_both_ways(data)
    assert data["invoice"]["id"] == invoice_id and data["invoice_ids"] == [invoice_id]
    assert Decimal(data["amount"]) == Decimal("6.00")  # 10.00 less the 4.00 of credits checkout applied
    read = buyer.data("GET", f"/billing/payments/{data['id']}")
    assert (read["status"], read["invoice_id"], read["order_id"]) == ("pending", invoice_id, placed["order"]["id"])


def test_paying_several_invoices_answers_the_one_payment_itself_and_under_payment(shop):
    buyer = shop.user()
    product = shop.product(pricing=MONTHLY_10)
    ids = [pending_order(buyer, product)["invoice"]["id"] for _ in range(2)]

    data = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "paypal", **URLS},
                      expect=200)

    assert_payment_both_ways(data)
    assert data["invoice_ids"] == ids and [i["id"] for i in data["invoices"]] == ids
    assert (data["amount"], data["credits_held"]) == ("20.00", "0.00")


def test_a_top_up_answers_the_payment_itself_and_under_payment(shop):
    buyer = shop.user()
    data = buyer.data("POST", "/billing/credits/top-up", {"amount": "15.00", "payment_method": "paypal", **URLS},
                      expect=201)
    assert_payment_both_ways(data)
    assert (data["amount"], data["invoice"]["kind"], data["invoice_ids"]) == ("15.00", "top_up",
                                                                              [data["invoice"]["id"]])


def test_a_replayed_payment_answers_the_same_both_ways(shop):
    buyer = shop.user()
    invoice_id = pending_order(buyer, shop.product(pricing=MONTHLY_10))["invoice"]["id"]
    body, key = {"payment_method": "paypal", **URLS}, {"Idempotency-Key": "audit-pay-1"}
    first = buyer.post(f"/billing/invoices/{invoice_id}/pay", body, headers=key)
    again = buyer.post(f"/billing/invoices/{invoice_id}/pay", body, headers=key)
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert_payment_both_ways(again.json()["data"])


def test_totals_a_client_sends_are_ignored_at_preview_and_checkout(shop, sandbox):
    buyer = shop.user(credits="100.00")
    product = shop.product(pricing=MONTHLY_10)
    forged = {"subtotal": "0.01", "discount": "9.99", "tax_rate": "0", "tax_amount": 0, "total": "0.01",
              "credits_applied": "0.01", "due_now": 0}
    items = [{"product_id": product["id"], "billing_cycle": "monthly", "price": "0.01"}]

    quote = buyer.data("POST", "/billing/checkout/preview", {"items": items, **forged})
    assert (quote["subtotal"], quote["discount"], quote["total"], quote["due_now"]) == \
        ("10.00", "0.00", "10.00", "0.00")

    key = {"Idempotency-Key": "audit-forged-totals"}
    body = {"items": items, "payment_method": "credits", **forged}
    placed = buyer.post("/billing/checkout", body, headers=key)
    assert placed.status_code == 201, placed.text
    assert (placed.json()["data"]["order"]["total"], placed.json()["data"]["payment"]["amount"]) == \
        ("10.00", "10.00")
    # Ignored fields are not part of "the same body": other forged totals with the key replay the first answer.
    before = counts(sandbox)
    again = buyer.post("/billing/checkout", {**body, "total": "5.00"}, headers=key)
    assert again.status_code == 201 and again.json() == placed.json()
    assert counts(sandbox) == before
    assert buyer.data("GET", "/billing/credits")["balance"] == "90.00"


def test_a_currency_or_unknown_top_level_field_is_still_refused(shop, sandbox):
    buyer = shop.user(credits="100.00")
    items = [{"product_id": shop.product(pricing=MONTHLY_10)["id"], "billing_cycle": "monthly"}]
    before = counts(sandbox)
    for extra in ({"currency": "EUR"}, {"gift": True}):
        refused = buyer.post("/billing/checkout", {"items": items, "payment_method": "credits", **extra})
        assert_error(refused, 422, "validation_error")
        assert set(refused.json()["error"]["details"]) == set(extra)
    assert counts(sandbox) == before


def test_updated_since_with_an_offset_whose_plus_became_a_space(shop):
    buyer = shop.user()
    pending_order(buyer, shop.product(pricing=MONTHLY_10))
    rows = buyer.data("GET", "/billing/invoices")
    changed = datetime.fromisoformat(rows[0]["updated_at"].replace("Z", "+00:00"))

    def at_plus_one(moment: datetime) -> str:  # "+01:00" as a URL written by hand sends it: "+" is a space
        return moment.astimezone(timezone(timedelta(hours=1))).isoformat().replace("+01:00", " 01:00")

    same = buyer.get(f"/billing/invoices?updated_since={at_plus_one(changed)}")
    assert same.status_code == 200, same.text
    assert [r["id"] for r in same.json()["data"]] == [r["id"] for r in rows]
    later = buyer.get(f"/billing/invoices?updated_since={at_plus_one(changed + timedelta(microseconds=1))}")
    assert later.status_code == 200 and later.json()["data"] == []
    assert_error(buyer.get("/billing/invoices?updated_since=yesterday 01:00"), 422, "validation_error")
