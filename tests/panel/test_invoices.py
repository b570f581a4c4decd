"""Invoices, payments, refunds and orders as a buyer reads them over real HTTP."""
from __future__ import annotations

from datetime import date

import pytest

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop

PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"}]
URLS = {"return_url": "http://127.0.0.1:8765/done", "cancel_url": "http://127.0.0.1:8765/cancelled"}
LIST_KEYS = {"id", "invoice_number", "status", "issue_date", "due_date", "paid_at", "subtotal", "tax_amount",
             "total", "balance_due", "currency", "updated_at"}
DETAIL_KEYS = LIST_KEYS | {"lines", "discount", "coupon_code", "tax_rate", "tax_inclusive", "credits_applied",
                           "amount_paid", "payments"}
ORDER_KEYS = {"id", "order_number", "status", "items", "coupon", "invoice_id", "service_ids", "created_at"}


def buy(api, product: dict, method: str = "credits", **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": method, **extra}
    return api.data("POST", "/billing/checkout", body, expect=201)


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["id"] for row in response.json()["data"]]


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(name="Invoice VPS", pricing=PRICING)


def test_list_and_detail_show_lines_tax_credits_and_payments(shop, product):
    buyer = shop.user(credits="100.00")
    coupon = shop.coupon(type="percent", value="10")
    placed = buy(buyer, product, coupon_code=coupon["code"])
    service_id = placed["order"]["service_ids"][0]
    [row] = buyer.data("GET", "/billing/invoices")
    assert LIST_KEYS <= set(row) and "lines" not in row
    today = date.fromisoformat(row["issue_date"])
    assert row["invoice_number"].startswith("INV-") and row["due_date"] == today.isoformat()
    # 10.00 + 5.00 setup - 10% of the 10.00 recurring
    assert (row["status"], row["subtotal"], row["total"], row["balance_due"], row["currency"]) == \
           ("paid", "15.00", "14.00", "0.00", "USD")

    detail = buyer.data("GET", f"/billing/invoices/{row['id']}")
    assert DETAIL_KEYS <= set(detail)
    assert [{k: ln[k] for k in ("service_id", "billing_cycle", "quantity", "unit_price", "amount")}
            for ln in detail["lines"]] == [
        {"service_id": service_id, "billing_cycle": "monthly", "quantity": 1, "unit_price": "10.00", "amount": "10.00"},
        {"service_id": service_id, "billing_cycle": "monthly", "quantity": 1, "unit_price": "5.00", "amount": "5.00"}]
    assert "Invoice VPS" in detail["lines"][0]["description"] and "Setup" in detail["lines"][1]["description"]
    assert (detail["discount"], detail["coupon_code"], detail["tax_rate"], detail["tax_inclusive"]) == \
           ("1.00", coupon["code"], "0", False)
    assert (detail["credits_applied"], detail["amount_paid"], detail["paid_at"] is not None) == ("14.00", "14.00", True)
    [payment] = detail["payments"]
    assert {"id", "method", "amount", "status", "reference", "created_at"} <= set(payment)
    assert (payment["id"], payment["method"], payment["amount"], payment["status"]) == \
           (placed["payment"]["id"], "credits", "14.00", "succeeded")


def test_status_filter_and_unknown_status(shop, product):
    buyer = shop.user(credits="100.00")
    kept, refunded = buy(buyer, product)["invoice"]["id"], buy(buyer, product)["invoice"]["id"]
    shop.admin.data("POST", f"/admin/billing/invoices/{refunded}/refund", {"to": "credits"})
    assert ids(buyer.get("/billing/invoices", params={"status": "paid"})) == [kept]
    assert ids(buyer.get("/billing/invoices", params={"status": "refunded"})) == [refunded]
    assert sorted(ids(buyer.get("/billing/invoices", params={"status": "paid,refunded"}))) == sorted([kept, refunded])
    assert ids(buyer.get("/billing/invoices", params={"status": "pending"})) == []
    for bad in ("bogus", "draft", "paid,bogus"):  # drafts are never shown, so asking for them is an error too
        assert "status" in assert_error(buyer.get("/billing/invoices", params={"status": bad}),
                                        422, "validation_error")["details"]


def test_pagination_meta_and_bad_page_parameters(shop, product):
    buyer = shop.user(credits="100.00")
    bought = {buy(buyer, product)["invoice"]["id"] for _ in range(3)}
    first = buyer.get("/billing/invoices", params={"per_page": 2})
    meta = first.json()["meta"]
    assert {k: meta[k] for k in ("current_page", "per_page", "total", "total_pages")} == \
           {"current_page": 1, "per_page": 2, "total": 3, "total_pages": 2}
    second = buyer.get("/billing/invoices", params={"per_page": 2, "page": 2})
    assert second.json()["meta"]["current_page"] == 2
    assert set(ids(first)) | set(ids(second)) == bought and len(ids(second)) == 1
    assert ids(buyer.get("/billing/invoices", params={"per_page": 2, "page": 3})) == []
    assert buyer.get("/billing/invoices").json()["meta"]["per_page"] == 25
    for params in ({"per_page": 0}, {"per_page": 101}, {"per_page": "x"}, {"page": 0}, {"page": "-1"}):
        assert_error(buyer.get("/billing/invoices", params=params), 422, "validation_error")


def test_etag_answers_304_until_something_changes(shop, product):
    buyer = shop.user(credits="100.00")
    buy(buyer, product)
    first = buyer.get("/billing/invoices")
    tag = first.headers["ETag"]
    unchanged = buyer.get("/billing/invoices", headers={"If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    buy(buyer, product)
    changed = buyer.get("/billing/invoices", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag and len(changed.json()["data"]) == 2


def test_updated_since_returns_new_rows_and_rows_whose_status_changed(shop, product):
    buyer = shop.user(credits="100.00")
    old = buy(buyer, product)["invoice"]["id"]
    mark = buyer.get("/billing/invoices").json()["meta"]["server_time"]
    new = buy(buyer, product)["invoice"]["id"]
    assert ids(buyer.get("/billing/invoices", params={"updated_since": mark})) == [new]
    mark = buyer.get("/billing/invoices").json()["meta"]["server_time"]
    shop.admin.data("POST", f"/admin/billing/invoices/{old}/refund", {"to": "credits"})
    changed = buyer.get("/billing/invoices", params={"updated_since": mark}).json()["data"]
    assert [(r["id"], r["status"]) for r in changed] == [(old, "refunded")]
    assert_error(buyer.get("/billing/invoices", params={"updated_since": "yesterday"}), 422, "validation_error")


def test_paying_a_pending_invoice_with_credits_and_a_gateway(fresh_panel):
    admin = admin_of(fresh_panel())
    shop = Shop(admin)
    shop.settings(stripe_enabled=True, tax_enabled=True, tax_rate="10")
    product = shop.product(pricing=PRICING)
    buyer = shop.user()
    placed = buy(buyer, product, method="stripe", **URLS)
    invoice_id, first_attempt = placed["invoice"]["id"], placed["payment"]["id"]
    pending = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    # 15.00 + 10% tax, nothing paid yet
    assert (pending["status"], pending["tax_rate"], pending["tax_amount"], pending["total"], pending["balance_due"]) \
        == ("pending", "10", "1.50", "16.50", "16.50")
    assert_error(buyer.post(f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"}),
                 409, "insufficient_credits")
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}") == pending

    # partial credits: 6.50 at once, the gateway is asked for the other 10.00
    admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "6.50"}, expect=201)
    key = {"Idempotency-Key": "pay-1"}
    paid_part = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "stripe", **URLS},
                           headers=key)
    gateway = paid_part["payment"]
    assert (gateway["status"], gateway["amount"], gateway["method"]) == ("requires_action", "10.00", "stripe")
    assert (paid_part["invoice"]["credits_applied"], paid_part["invoice"]["balance_due"]) == ("6.50", "10.00")
    replay = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "stripe", **URLS},
                        headers=key)
    assert replay["payment"]["id"] == gateway["id"]
    assert_error(buyer.post(f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"}, headers=key),
                 409, "idempotency_conflict")
    # only the newest pay page may still take money
    assert buyer.data("GET", f"/billing/payments/{first_attempt}")["status"] == "cancelled"
    assert buyer.data("GET", f"/billing/payments/{gateway['id']}")["status"] == "pending"

    admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "10.00"}, expect=201)
    done = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"})
    assert done["payment"]["status"] == "paid"
    invoice = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["amount_paid"], invoice["credits_applied"], invoice["balance_due"]) == \
           ("paid", "16.50", "16.50", "0.00")
    # the gateway attempt that was still open can no longer charge the buyer a second time
    assert buyer.data("GET", f"/billing/payments/{gateway['id']}")["status"] == "cancelled"
    assert [p["status"] for p in invoice["payments"]] == ["cancelled", "succeeded", "cancelled", "succeeded"]
    assert buyer.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "active"
    service = buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")
    assert service["status"] == "active" and service["server"]["status"] == "running"
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"

    again = assert_error(buyer.post(f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"}),
                         409, "invoice_not_payable")
    assert "paid" in again["message"]


def test_paying_a_paid_invoice_is_refused(shop, product):
    buyer = shop.user(credits="100.00")
    invoice = buy(buyer, product)["invoice"]
    assert_error(buyer.post(f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "credits"}),
                 409, "invoice_not_payable")
    for body in ({"payment_method": "credits", "use_credits": "yes"}, {"payment_method": "credits", "tip": 1}, {}):
        assert_error(buyer.post(f"/billing/invoices/{invoice['id']}/pay", body), 422, "validation_error")
    assert buyer.data("GET", "/billing/credits")["balance"] == "85.00"


def test_payment_status_reads_back(shop, product):
    buyer = shop.user(credits="100.00")
    placed = buy(buyer, product)
    payment = buyer.data("GET", f"/billing/payments/{placed['payment']['id']}")
    assert {k: payment[k] for k in ("id", "status", "invoice_id", "order_id", "method", "amount")} == {
        "id": placed["payment"]["id"], "status": "succeeded", "invoice_id": placed["invoice"]["id"],
        "order_id": placed["order"]["id"], "method": "credits", "amount": "15.00"}
    assert_error(buyer.get("/billing/payments/no-such-payment"), 404, "not_found")


def test_admin_refund_to_credits_ends_the_service(shop, product):
    buyer = shop.user(credits="40.00")
    placed = buy(buyer, product)
    invoice_id, service_id = placed["invoice"]["id"], placed["order"]["service_ids"][0]
    admin = shop.admin
    refused = assert_error(admin.post(f"/admin/billing/invoices/{invoice_id}/refund", {"to": "gateway"}),
                           422, "validation_error")
    assert "credits" in refused["message"]
    assert_error(admin.post(f"/admin/billing/invoices/{invoice_id}/refund", {"to": "cash"}), 422, "validation_error")
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "paid"

    refunded = admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"})
    assert refunded["status"] == "refunded"
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "refunded"
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"
    latest = buyer.data("GET", "/billing/credits/transactions")[0]
    assert (latest["type"], latest["amount"], latest["balance_after"], latest["invoice_id"]) == \
           ("refund", "15.00", "40.00", invoice_id)
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert service["status"] == "cancelled" and service["server"]["status"] == "terminated"
    assert buyer.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "refunded"
    assert "Refund issued" in [n["title"] for n in buyer.data("GET", "/notifications")]

    assert_error(admin.post(f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"}),
                 409, "invoice_not_refundable")
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"  # not twice
    assert_error(admin.post("/admin/billing/invoices/no-such-invoice/refund", {"to": "credits"}), 404, "not_found")


def test_orders_list_and_detail(shop, product):
    buyer = shop.user(credits="100.00")
    coupon = shop.coupon(type="fixed", value="2.00")
    first = buy(buyer, product)["order"]
    second = buy(buyer, product, coupon_code=coupon["code"])["order"]
    rows = buyer.data("GET", "/billing/orders")
    assert [r["id"] for r in rows] == [second["id"], first["id"]]  # newest first
    assert all(ORDER_KEYS <= set(r) for r in rows)
    detail = buyer.data("GET", f"/billing/orders/{second['id']}")
    assert detail == rows[0]
    assert (detail["status"], detail["coupon"], detail["total"]) == ("active", {"code": coupon["code"]}, "13.00")
    assert detail["items"][0] | {"product_id": product["id"], "billing_cycle": "monthly", "quantity": 1,
                                 "unit_price": "10.00", "setup_fee": "5.00"} == detail["items"][0]
    assert first["coupon"] is None
    assert ids(buyer.get("/billing/orders", params={"status": "active"})) == [second["id"], first["id"]]
    assert ids(buyer.get("/billing/orders", params={"status": "refunded"})) == []
    assert_error(buyer.get("/billing/orders", params={"status": "done"}), 422, "validation_error")
    assert_error(buyer.get("/billing/orders/no-such-order"), 404, "not_found")
