"""Contract audit of credits: the ledger (`{id, amount (signed), type, note, invoice_id, balance_after, created_at}`)
adds up to the balance at every step, credits are applied automatically (checkout and invoice payments) unless
the buyer opts out, `credits` as the method with too small a balance is 409 and changes nothing, and a balance
never goes below zero. Shared panel, credits paths only."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10
from tests.support.panel import Api

TYPES = {"adjustment", "payment", "top_up", "refund"}


def ledger(user: Api) -> list[dict]:
    rows, page = [], 1
    while True:
        body = user.get(f"/billing/credits/transactions?per_page=2&page={page}").json()
        rows += body["data"]
        if page >= body["meta"]["total_pages"]:
            return rows
        page += 1


def assert_ledger_adds_up(user: Api) -> list[dict]:
    rows = ledger(user)
    assert rows == user.data("GET", "/billing/credits/transactions?per_page=100")  # pages are one order
    running = Decimal(0)
    for row in reversed(rows):  # newest first, so oldest is last
        assert row["type"] in TYPES and Decimal(row["amount"]) != 0, row
        running += Decimal(row["amount"])
        assert Decimal(row["balance_after"]) == running >= 0, row
    credits = user.data("GET", "/billing/credits")
    assert credits["enabled"] is True and Decimal(credits["balance"]) == running
    assert credits["currency"] == user.data("GET", "/billing/config")["currency"]["code"]
    return rows


def item(product: dict) -> dict:
    return {"product_id": product["id"], "billing_cycle": "monthly"}


def test_the_ledger_adds_up_through_adjustments_payments_and_refunds(shop, admin):
    buyer = shop.user(credits="25.00")
    product = shop.product(pricing=MONTHLY_10)
    placed = buyer.data("POST", "/billing/checkout", {"items": [item(product)], "payment_method": "credits"},
                        expect=201)
    admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "-2.50", "note": "fee"}, expect=201)
    admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})

    rows = assert_ledger_adds_up(buyer)
    assert [r["type"] for r in rows] == ["refund", "adjustment", "payment", "adjustment"]
    assert [r["amount"] for r in rows] == ["10.00", "-2.50", "-10.00", "25.00"]
    assert rows[0]["invoice_id"] == rows[2]["invoice_id"] == placed["invoice"]["id"]
    assert rows[1]["note"] == "fee" and rows[3]["invoice_id"] is None
    assert buyer.data("GET", "/billing/credits")["balance"] == "22.50"


def test_credits_go_first_unless_the_buyer_opts_out(shop):
    buyer = shop.user(credits="4.00")
    product = shop.product(pricing=MONTHLY_10)
    kept = buyer.data("POST", "/billing/checkout/preview", {"items": [item(product)], "use_credits": False})
    assert (kept["credits_applied"], kept["due_now"]) == ("0.00", "10.00")
    used = buyer.data("POST", "/billing/checkout/preview", {"items": [item(product)]})
    assert (used["total"], used["credits_applied"], used["due_now"]) == ("10.00", "4.00", "6.00")
    assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"  # a preview spends nothing


def test_paying_with_too_few_credits_is_409_and_spends_nothing(shop, admin):
    buyer = shop.user(credits="9.99")
    product = shop.product(pricing=MONTHLY_10)
    before = ledger(buyer)
    error = assert_error(buyer.post("/billing/checkout", {"items": [item(product)], "payment_method": "credits"}),
                         409, "insufficient_credits")
    assert "9.99" in error["message"]
    assert ledger(buyer) == before and buyer.data("GET", "/billing/orders") == []
    # Staff cannot take a balance below zero either.
    assert_error(admin.post(f"/admin/users/{buyer.user['id']}/credits", {"amount": "-10.00"}), 409,
                 "insufficient_credits")
    assert ledger(buyer) == before
    assert_ledger_adds_up(buyer)


def test_a_total_of_zero_is_paid_without_a_gateway(shop):
    buyer = shop.user()
    product = shop.product(pricing=MONTHLY_10)
    free = shop.coupon(type="percent", value="100")
    placed = buyer.data("POST", "/billing/checkout", {"items": [item(product)], "coupon_code": free["code"],
                                                      "payment_method": "credits"}, expect=201)
    assert (placed["invoice"]["total"], placed["invoice"]["status"], placed["payment"]["status"]) == \
        ("0.00", "paid", "paid")
    assert placed["payment"]["checkout_url"] is None and placed["order"]["status"] == "active"
    assert ledger(buyer) == []
