"""Credit balances over real HTTP: signed transactions, staff adjustments, top-ups and panels without credits."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop

URLS = {"return_url": "http://127.0.0.1:8765/done", "cancel_url": "http://127.0.0.1:8765/cancelled"}
PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"}]


def adjust(admin, user, amount, note: str = "test"):
    return admin.post(f"/admin/users/{user.user['id']}/credits", {"amount": amount, "note": note})


def balance(api) -> str:
    return api.data("GET", "/billing/credits")["balance"]


def transactions(api) -> list[dict]:
    return api.data("GET", "/billing/credits/transactions")


def test_a_new_account_has_an_empty_balance(shop):
    buyer = shop.user()
    assert buyer.data("GET", "/billing/credits") == {"enabled": True, "balance": "0.00", "currency": "USD"}
    assert transactions(buyer) == []


def test_transactions_are_signed_with_the_balance_after_each(shop):
    buyer, admin = shop.user(), shop.admin
    product = shop.product(pricing=PRICING)
    adjust(admin, buyer, "50.00", "welcome")
    adjust(admin, buyer, "-12.50", "correction")
    cart = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
    order = buyer.data("POST", "/billing/checkout", cart, expect=201)
    invoice_id = order["invoice"]["id"]
    admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"})
    rows = transactions(buyer)
    assert {"id", "amount", "type", "note", "invoice_id", "balance_after", "created_at"} <= set(rows[0])
    oldest_first = list(reversed(rows))
    assert [(t["type"], t["amount"], t["balance_after"], t["invoice_id"]) for t in oldest_first] == [
        ("adjustment", "50.00", "50.00", None),
        ("adjustment", "-12.50", "37.50", None),
        ("payment", "-15.00", "22.50", invoice_id),
        ("refund", "15.00", "37.50", invoice_id),
    ]
    assert [t["note"] for t in oldest_first[:2]] == ["welcome", "correction"]
    running = Decimal(0)
    for t in oldest_first:  # every row is the previous balance plus its signed amount
        running += Decimal(t["amount"])
        assert Decimal(t["balance_after"]) == running
    assert balance(buyer) == "37.50"
    page = buyer.get("/billing/credits/transactions", params={"per_page": 3}).json()
    assert page["meta"]["total"] == 4 and [t["id"] for t in page["data"]] == [t["id"] for t in rows[:3]]


def test_staff_adjustments_never_take_a_balance_below_zero(shop):
    buyer, admin = shop.user(credits="10.00"), shop.admin
    made = adjust(admin, buyer, "-10.00")
    assert made.status_code == 201 and made.json()["data"]["balance_after"] == "0.00"
    refused = assert_error(adjust(admin, buyer, "-0.01"), 409, "insufficient_credits")
    assert "0.00" in refused["message"]
    assert balance(buyer) == "0.00" and len(transactions(buyer)) == 2


@pytest.fixture(scope="module")
def holder(shop):
    return shop.user(credits="10.00")


@pytest.fixture(scope="module")
def top_up_buyer(gateway_shop):
    return gateway_shop.user()


@pytest.mark.parametrize("amount", ["0", "0.00", "1.005", "abc", "", None, True, "NaN", "Infinity",
                                    "99999999999999", 10**15, [], {}])
def test_bad_adjustment_amounts_are_refused(shop, holder, amount):
    buyer = holder
    assert_error(adjust(shop.admin, buyer, amount), 422, "validation_error")
    assert balance(buyer) == "10.00" and len(transactions(buyer)) == 1


def test_adjusting_an_unknown_user_is_not_found(shop):
    assert_error(shop.admin.post("/admin/users/no-such-user/credits", {"amount": "5.00"}), 404, "not_found")


def test_a_top_up_raises_an_invoice_paid_through_the_gateway(gateway_shop):
    buyer = gateway_shop.user(credits="10.00")
    made = buyer.post("/billing/credits/top-up", {"amount": "25.00", "payment_method": "stripe", **URLS})
    assert made.status_code == 201, made.text
    invoice, payment = made.json()["data"]["invoice"], made.json()["data"]["payment"]
    # the existing balance is not spent on buying more credit: the gateway is asked for all of it
    assert (payment["method"], payment["status"], payment["amount"]) == ("stripe", "requires_action", "25.00")
    assert payment["checkout_url"].startswith(gateway_shop.admin.panel.url + "/")
    assert (invoice["kind"], invoice["status"], invoice["total"], invoice["tax_amount"], invoice["balance_due"]) == \
           ("top_up", "pending", "25.00", "0.00", "25.00")
    assert [(ln["quantity"], ln["amount"]) for ln in invoice["lines"]] == [(1, "25.00")]
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "pending"
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "pending"
    assert balance(buyer) == "10.00"  # credited only once the gateway has been paid
    # a top-up invoice cannot be paid with the credits it is buying
    assert_error(buyer.post(f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "credits"}),
                 422, "validation_error")
    assert balance(buyer) == "10.00"


def test_a_top_up_retried_with_its_idempotency_key_raises_one_invoice(gateway_shop):
    # The client sends a key with every top-up and resends it after a lost answer; the panel must not raise a
    # second invoice for the same attempt (rules as at checkout).
    buyer = gateway_shop.user()
    body = {"amount": "25.00", "payment_method": "stripe", **URLS}
    first = buyer.post("/billing/credits/top-up", body, headers={"Idempotency-Key": "top-up-1"})
    again = buyer.post("/billing/credits/top-up", body, headers={"Idempotency-Key": "top-up-1"})
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert_error(buyer.post("/billing/credits/top-up", {**body, "amount": "30.00"},
                            headers={"Idempotency-Key": "top-up-1"}), 409, "idempotency_conflict")
    assert_error(buyer.post("/billing/credits/top-up", body, headers={"Idempotency-Key": "x" * 256}),
                 422, "validation_error")
    invoices = buyer.data("GET", "/billing/invoices")
    assert [i["id"] for i in invoices] == [first.json()["data"]["invoice"]["id"]]
    # A new key is a new top-up.
    buyer.data("POST", "/billing/credits/top-up", body, headers={"Idempotency-Key": "top-up-2"}, expect=201)
    assert buyer.get("/billing/invoices").json()["meta"]["total"] == 2


def test_a_top_up_needs_enabled_gateways_and_return_urls_on_the_panel_or_loopback(gateway_shop, shop):
    buyer = gateway_shop.user()
    # Without URLs (as the contract starts a top-up) the payment ends on the panel's own page:
    # tests/panel/test_contract_top_up_without_urls.py.
    foreign = {**URLS, "return_url": "https://evil.example/"}
    assert_error(buyer.post("/billing/credits/top-up", {"amount": "25.00", "payment_method": "stripe", **foreign}),
                 422, "validation_error")
    for method in ("credits", "paypal", "cash"):
        error = assert_error(buyer.post("/billing/credits/top-up", {"amount": "25.00", "payment_method": method,
                                                                   **URLS}), 422, "validation_error")
        assert "payment_method" in error["details"]
    # the shared panel has no gateway at all
    assert_error(shop.user().post("/billing/credits/top-up", {"amount": "25.00", "payment_method": "stripe", **URLS}),
                 422, "validation_error")
    assert buyer.get("/billing/invoices").json()["meta"]["total"] == 0


@pytest.mark.parametrize("amount", ["4.99", "1000.01", "-5.00", "0", "0.00", "10.005", "10.0001", "1e3",
                                    "99999999999999", 10**15, "abc", "", None, True, [], "NaN"])
def test_top_up_limits_and_bad_amounts(top_up_buyer, amount):
    buyer = top_up_buyer
    response = buyer.post("/billing/credits/top-up", {"amount": amount, "payment_method": "stripe", **URLS})
    error = assert_error(response, 422, "validation_error")
    assert "amount" in error["details"]
    assert buyer.get("/billing/invoices").json()["meta"]["total"] == 0


@pytest.mark.parametrize("amount,shown", [("5.00", "5.00"), ("1000", "1000.00"), (12.5, "12.50")])
def test_top_up_limits_are_inclusive_and_numbers_are_accepted(gateway_shop, amount, shown):
    buyer = gateway_shop.user()
    made = buyer.data("POST", "/billing/credits/top-up", {"amount": amount, "payment_method": "stripe", **URLS},
                      expect=201)
    assert made["invoice"]["total"] == made["payment"]["amount"] == shown


def test_panel_without_credits(fresh_panel):
    admin = admin_of(fresh_panel())
    shop = Shop(admin)
    shop.settings(stripe_enabled=True)
    product = shop.product(pricing=PRICING)
    buyer = shop.user(credits="10.00")
    shop.settings(credits_enabled=False)
    shown = buyer.data("GET", "/billing/credits")
    assert shown["enabled"] is False
    assert buyer.data("GET", "/billing/config")["credits_enabled"] is False
    top_up = assert_error(buyer.post("/billing/credits/top-up", {"amount": "25.00", "payment_method": "stripe",
                                                                  **URLS}), 422, "validation_error")
    assert "not enabled" in top_up["message"]
    cart = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}]}
    assert buyer.data("POST", "/billing/checkout/preview", cart)["credits_applied"] == "0.00"
    assert_error(buyer.post("/billing/checkout", {**cart, "payment_method": "credits"}), 422, "validation_error")
    # a gateway checkout leaves the old balance alone and asks the gateway for everything
    placed = buyer.data("POST", "/billing/checkout", {**cart, "payment_method": "stripe", **URLS}, expect=201)
    assert (placed["payment"]["amount"], placed["invoice"]["credits_applied"]) == ("15.00", "0.00")
    invoice_id = placed["invoice"]["id"]
    assert_error(buyer.post(f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"}),
                 422, "validation_error")
    again = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "stripe", **URLS})
    assert again["payment"]["amount"] == "15.00"
    assert [t["type"] for t in transactions(buyer)] == ["adjustment"]
