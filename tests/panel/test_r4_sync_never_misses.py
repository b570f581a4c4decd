"""An incremental sync (`updated_since`) never misses a change: every action and job that changes what a synced row
shows (its own columns, or what it embeds: an invoice's payments, a service's server and cancellation request, a
ticket's messages, a product's stock) moves that row's `updated_at`, so a sync from a cursor taken just before the
action returns it. The cursor here is the list's own `server_time`, without the client's few seconds of overlap:
stricter than a client needs.

A private panel with PayPal's sandbox page (no credentials), so a buyer starts, cancels and pays gateway payments
with plain HTTP, and a test clock for the lifecycle."""
from __future__ import annotations

from collections.abc import Callable

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import paid_with_credits
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Shop:
    proc = PanelProcess(tmp_path_factory.mktemp("sync-never-misses")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, tickets_enabled=True)  # the sandbox approval page; tickets
    yield shop
    proc.stop()


def synced_after(api: Api, path: str, row_id: str, action: Callable[[], object], *, key: str = "id") -> dict:
    """Run `action` between two reads of the list at `path`, the second from the first's `server_time` as a sync
    does; returns the row `row_id` as that incremental sync returned it (failing when it did not)."""
    cursor = api.get(path, params={"per_page": 1}).json()["meta"]["server_time"]
    action()
    rows = api.data("GET", path, params={"updated_since": cursor, "per_page": 100})
    found = [r for r in rows if r[key] == row_id]
    assert found, f"{path} since {cursor} left out {row_id} ({len(rows)} rows)"
    return found[0]


def _token(payment: dict) -> tuple[str, str]:
    url, _, query = payment["checkout_url"].partition("?")
    return url, query.removeprefix("token=")


def approve_at_sandbox(payment: dict) -> None:
    url, token = _token(payment)
    r = requests.post(f"{url}/paypal/approve", data={"token": token}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text


def cancel_at_pay_page(payment: dict) -> None:
    url, token = _token(payment)
    r = requests.post(f"{url}/cancel", data={"token": token}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text


def unpaid_order(shop: Shop, buyer: Api, product: dict | None = None) -> dict:
    product = product or shop.product(pricing=MONTHLY_10)
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "use_credits": False, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def pay(buyer: Api, invoice_id: str) -> dict:
    return buyer.data("POST", f"/billing/invoices/{invoice_id}/pay",
                      {"payment_method": "paypal", "use_credits": False, **URLS})["payment"]


def payments_of(buyer: Api, invoice_id: str) -> dict[str, str]:
    return {p["id"]: p["status"] for p in buyer.data("GET", f"/billing/invoices/{invoice_id}")["payments"]}


def test_starting_and_cancelling_a_gateway_payment_moves_its_invoice(shop):
    buyer = shop.user()
    invoice_id = unpaid_order(shop, buyer)["invoice"]["id"]
    started = {}
    synced_after(buyer, "/billing/invoices", invoice_id, lambda: started.update(pay(buyer, invoice_id)))
    assert payments_of(buyer, invoice_id)[started["id"]] == "pending"
    synced_after(buyer, "/billing/invoices", invoice_id, lambda: cancel_at_pay_page(started))
    assert payments_of(buyer, invoice_id)[started["id"]] == "cancelled"


def test_a_new_payment_superseding_an_open_one_moves_its_invoice(shop):
    buyer = shop.user()
    placed = unpaid_order(shop, buyer)
    first = placed["payment"]
    invoice_id = placed["invoice"]["id"]
    synced_after(buyer, "/billing/invoices", invoice_id, lambda: pay(buyer, invoice_id))
    assert payments_of(buyer, invoice_id)[first["id"]] == "cancelled"


def test_paying_several_invoices_through_a_gateway_moves_each(shop):
    buyer = shop.user(credits="4.00")
    ids = [unpaid_order(shop, buyer)["invoice"]["id"] for _ in range(2)]
    before = {i: buyer.data("GET", f"/billing/invoices/{i}")["updated_at"] for i in ids}
    cursor = buyer.get("/billing/invoices", params={"per_page": 1}).json()["meta"]["server_time"]
    started = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "paypal", **URLS})
    assert started["payment"]["status"] == "requires_action"
    changed = {r["id"] for r in buyer.data("GET", "/billing/invoices", params={"updated_since": cursor})}
    assert set(ids) <= changed, (before, changed)
    for invoice_id in ids:
        assert started["payment"]["id"] in payments_of(buyer, invoice_id)
    synced_after(buyer, "/billing/invoices", ids[1], lambda: cancel_at_pay_page(started["payment"]))


def test_paying_at_the_gateway_moves_the_invoice_order_services_and_credits(shop):
    buyer = shop.user()
    placed = unpaid_order(shop, buyer)
    invoice_id, order_id = placed["invoice"]["id"], placed["order"]["id"]
    (service_id,) = placed["order"]["service_ids"]
    cursor = buyer.get("/billing/invoices", params={"per_page": 1}).json()["meta"]["server_time"]
    approve_at_sandbox(placed["payment"])
    for path, row_id in (("/billing/invoices", invoice_id), ("/billing/orders", order_id),
                         ("/billing/services", service_id)):
        rows = buyer.data("GET", path, params={"updated_since": cursor})
        assert row_id in {r["id"] for r in rows}, path
    assert buyer.data("GET", f"/billing/services/{service_id}")["server"]["status"] == "running"


def test_service_rows_move_with_their_cancellation_request_and_server(shop):
    buyer = shop.user(credits="100")
    product = shop.product(pricing=MONTHLY_10)
    (service_id,) = paid_with_credits(buyer, product)["order"]["service_ids"]
    asked = {}
    synced_after(buyer, "/billing/services", service_id, lambda: asked.update(buyer.data(
        "POST", f"/billing/services/{service_id}/cancel", {"type": "immediate", "reason": "moving"}, expect=201)))
    synced_after(buyer, "/billing/services", service_id,
                 lambda: buyer.data("DELETE", f"/billing/services/{service_id}/cancel", expect=204))
    asked.update(buyer.data("POST", f"/billing/services/{service_id}/cancel",
                            {"type": "immediate", "reason": "moving"}, expect=201))
    row = synced_after(buyer, "/billing/services", service_id, lambda: shop.admin.data(
        "POST", f"/admin/billing/cancellations/{asked['id']}/approve"))
    assert row["status"] == "cancelled" and row["server"]["status"] == "terminated"
    assert row["cancellation"]["status"] == "approved"


def test_refunds_move_invoice_order_service_and_product_stock_moves_the_product(shop):
    buyer = shop.user(credits="100")
    product = shop.product(pricing=MONTHLY_10, stock=5)
    placed = {}
    row = synced_after(buyer, "/billing/products", product["id"],
                       lambda: placed.update(paid_with_credits(buyer, product)))
    assert row["stock"] == 4
    invoice_id, order_id = placed["invoice"]["id"], placed["order"]["id"]
    (service_id,) = placed["order"]["service_ids"]
    cursor = buyer.get("/billing/invoices", params={"per_page": 1}).json()["meta"]["server_time"]
    shop.admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"})
    for path, row_id in (("/billing/invoices", invoice_id), ("/billing/orders", order_id),
                         ("/billing/services", service_id)):
        assert row_id in {r["id"] for r in buyer.data("GET", path, params={"updated_since": cursor})}, path
    assert buyer.data("GET", "/billing/credits/transactions", params={"updated_since": cursor})
    row = synced_after(buyer, "/billing/products", product["id"], lambda: shop.admin.data(
        "PUT", f"/admin/billing/products/{product['id']}", {"stock": 9}))
    assert row["stock"] == 9


def test_an_unpaid_order_cancelled_gives_stock_back_and_moves_the_product(shop):
    buyer = shop.user()
    product = shop.product(pricing=MONTHLY_10, stock=2)
    placed = unpaid_order(shop, buyer, product)
    row = synced_after(buyer, "/billing/products", product["id"], lambda: buyer.data(
        "POST", f"/billing/orders/{placed['order']['id']}/cancel"))
    assert row["stock"] == 2


def test_top_ups_started_paid_and_cancelled_move_their_invoice(shop):
    buyer = shop.user()
    started = buyer.data("POST", "/billing/credits/top-up", {"amount": "20.00", "payment_method": "paypal"},
                         expect=201)
    invoice_id = started["invoice"]["id"]
    synced_after(buyer, "/billing/invoices", invoice_id, lambda: cancel_at_pay_page(started["payment"]))
    synced_after(buyer, "/billing/invoices", invoice_id, lambda: pay(buyer, invoice_id))
    synced_after(buyer, "/billing/invoices", invoice_id,
                 lambda: buyer.data("POST", f"/billing/invoices/{invoice_id}/cancel"))


def test_tickets_move_with_staff_replies_and_notifications_when_read(shop):
    buyer = shop.user()
    ticket = buyer.data("POST", "/support/tickets", {"subject": "Help", "department": "billing", "body": "Hi"},
                        expect=201)
    row = synced_after(buyer, "/support/tickets", ticket["id"], lambda: shop.admin.data(
        "POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "Hello"}, expect=201))
    assert row["status"] == "answered"
    (notice,) = buyer.data("GET", "/notifications", params={"unread_only": "true"})
    row = synced_after(buyer, "/notifications", notice["uuid"], lambda: buyer.data(
        "POST", f"/notifications/{notice['uuid']}/read", expect=204), key="uuid")
    assert row["read"] is True


def test_lifecycle_jobs_move_what_they_change(shop):
    """Renewal raised, overdue, suspended with its server: each job's change reaches an incremental sync."""
    buyer = shop.user(credits="10.00")
    product = shop.product(pricing=MONTHLY_10)
    (service_id,) = paid_with_credits(buyer, product)["order"]["service_ids"]
    cursor = buyer.get("/billing/services", params={"per_page": 1}).json()["meta"]["server_time"]
    shop.admin.data("POST", "/admin/clock/advance", {"days": 40})
    buyer.renews = True     # its access token expired on the way
    row = next(r for r in buyer.data("GET", "/billing/services", params={"updated_since": cursor})
               if r["id"] == service_id)
    assert row["status"] == "suspended" and row["server"]["status"] == "suspended"
    renewals = [r for r in buyer.data("GET", "/billing/invoices", params={"updated_since": cursor})
                if r["service_id"] == service_id]
    assert renewals and renewals[0]["status"] == "overdue"
