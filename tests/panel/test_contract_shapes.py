"""`panel-api.md`, field by field: every answer a buyer's session walks through carries the fields the contract
lists for it (more are allowed), ids are string UUIDs, timestamps ISO-8601 UTC with `Z`, and money is a decimal
string with the currency's places. The resources the other test modules already pin down key by key (products,
invoices, orders, services, servers, notifications, tickets, the dashboard) are only walked here for the
conventions. One buyer on the shared panel; a few dozen requests.
"""
from __future__ import annotations

import re
import uuid

import pytest

from tests.support.panel import USER_PASSWORD, Api

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
MONEY = re.compile(r"^-?\d+\.\d{2}$")  # the shared panel's currency (USD) has 2 places
RATE = re.compile(r"^\d+\.\d{2,4}$")
MONEY_FIELDS = {"price", "setup_fee", "unit_price", "amount", "subtotal", "discount", "tax_amount", "total",
                "credits_applied", "due_now", "balance", "balance_after", "balance_due", "amount_paid",
                "recurring_amount", "total_due", "next_due_amount", "credit_balance"}
STAMP_FIELDS = {"created_at", "updated_at", "paid_at", "server_time", "last_used_at"}


def conventions(value, where: str = "") -> None:
    """Walk an answer: money fields are decimal strings with 2 places, timestamps end in Z, ids are UUIDs."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            conventions(item, f"{where}[{index}]")
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        here = f"{where}.{key}"
        if key == "unit_price" and ".config_ranges." in here:
            # a per-unit monthly rate: up to 4 decimals, at least the currency's places (docs/api.md)
            assert isinstance(item, str) and RATE.match(item), f"{here} = {item!r} is not a rate"
        elif key in MONEY_FIELDS and item is not None and not isinstance(item, dict | list):
            assert isinstance(item, str) and MONEY.match(item), f"{here} = {item!r} is not money"
        elif key in STAMP_FIELDS and item is not None:
            assert isinstance(item, str) and STAMP.match(item), f"{here} = {item!r} is not a UTC timestamp"
        elif (key == "id" or key.endswith("_id")) and item is not None and key != "tax_id":
            assert isinstance(item, str) and uuid.UUID(item), f"{here} = {item!r} is not a string UUID"
        conventions(item, here)


@pytest.fixture(scope="module")
def walk(shop) -> dict:
    """A buyer's session: log in, look, preview, check a coupon, buy with credits, read what it made."""
    buyer = shop.user(credits="100.00")
    category = shop.category()
    product = shop.product(category["id"], pricing=[{"billing_cycle": "monthly", "price": "10.00",
                                                     "setup_fee": "2.50"}])
    coupon = shop.coupon(type="percent", value="10")
    items = [{"product_id": product["id"], "billing_cycle": "monthly", "config": {}}]
    login = Api(buyer.panel).post("/auth/login", {"email": buyer.user["email"], "password": USER_PASSWORD})
    placed = buyer.data("POST", "/billing/checkout", {"items": items, "coupon_code": coupon["code"],
                                                      "payment_method": "credits"}, expect=201)
    return {
        "login": login.json()["data"],
        "me": buyer.data("GET", "/auth/me"),
        "categories": buyer.data("GET", "/billing/categories"),
        "preview": buyer.data("POST", "/billing/checkout/preview", {"items": items, "coupon_code": coupon["code"]}),
        "coupon": buyer.data("POST", "/billing/coupons/validate", {"code": coupon["code"], "items": items}),
        "checkout": placed,
        "payment": buyer.data("GET", f"/billing/payments/{placed['payment']['id']}"),
        "credits": buyer.data("GET", "/billing/credits"),
        "transactions": buyer.data("GET", "/billing/credits/transactions"),
        "sync": buyer.data("GET", "/sync/state"),
        "lists": {path: buyer.get(path).json() for path in (
            "/billing/products", "/billing/orders", "/billing/invoices", "/billing/services", "/notifications")},
        "invoice": buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}"),
        "service": buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}"),
        "dashboard": buyer.data("GET", "/billing/dashboard"),
    }


def test_login_and_me(walk):
    login = walk["login"]
    assert {"access_token", "refresh_token", "token_type", "expires_in", "user"} <= set(login)
    assert (login["token_type"], login["expires_in"]) == ("Bearer", 900)
    for user in (login["user"], walk["me"]):
        assert {"id", "email", "username", "first_name", "last_name"} <= set(user)
    conventions(walk["me"])


def test_categories(walk):
    assert walk["categories"] and all({"id", "name", "slug", "description", "sort_order"} <= set(c)
                                      for c in walk["categories"])


def test_preview_and_coupon_check(walk):
    preview = walk["preview"]
    assert {"lines", "subtotal", "discount", "tax_rate", "tax_amount", "tax_inclusive", "total", "credits_applied",
            "due_now", "currency"} <= set(preview)
    assert (preview["subtotal"], preview["discount"], preview["total"]) == ("12.50", "1.00", "11.50")
    assert (preview["credits_applied"], preview["due_now"]) == ("11.50", "0.00")
    assert set(walk["coupon"]) >= {"valid", "code", "type", "value", "discount"}
    assert (walk["coupon"]["valid"], walk["coupon"]["discount"]) == (True, "1.00")
    conventions([preview, walk["coupon"]])


def test_checkout_and_the_payment_it_made(walk):
    placed = walk["checkout"]
    assert {"order", "invoice", "payment"} <= set(placed)
    payment = placed["payment"]
    assert {"id", "method", "status"} <= set(payment)
    assert (payment["method"], payment["status"], payment.get("checkout_url")) == ("credits", "paid", None)
    read = walk["payment"]
    assert {"id", "status", "invoice_id", "order_id"} <= set(read)
    assert (read["id"], read["status"], read["invoice_id"], read["order_id"]) == (
        payment["id"], "succeeded", placed["invoice"]["id"], placed["order"]["id"])
    conventions([placed, read])


def test_credits_and_their_transactions(walk):
    assert walk["credits"] == {"enabled": True, "balance": "88.50", "currency": "USD"}
    rows = walk["transactions"]
    for row in rows:
        assert {"id", "amount", "type", "note", "invoice_id", "balance_after", "created_at"} <= set(row)
        assert row["type"] in ("adjustment", "payment", "top_up", "refund")
    assert [(r["type"], r["amount"], r["balance_after"]) for r in rows] == [
        ("payment", "-11.50", "88.50"), ("adjustment", "100.00", "100.00")]
    conventions(rows)


def test_sync_state(walk):
    assert set(walk["sync"]) >= {"version", "server_time"} and isinstance(walk["sync"]["version"], str)
    conventions(walk["sync"])


def test_lists_and_details_follow_the_conventions(walk):
    for path, body in walk["lists"].items():
        assert body["success"] is True, path
        assert {"current_page", "per_page", "total", "total_pages"} <= set(body["meta"]), path
        assert (body["meta"]["current_page"], body["meta"]["per_page"]) == (1, 25), path
        assert body["data"], path
        for row in body["data"]:
            assert "updated_at" in row, path  # every synced row (incremental sync)
        conventions(body["data"], path)
    conventions([walk["invoice"], walk["service"], walk["dashboard"]])
