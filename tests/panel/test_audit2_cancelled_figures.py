"""A cancelled invoice whose credits went back to the balance shows what it kept: nothing.

Cancelling an unpaid order (or a renewal of a service that ended) returns the credits spent on its invoice as a
`refund` transaction. Its `amount_paid` and `credits_applied` used to keep saying those credits were applied, so
the invoice, its payments and the ledger told three different stories. Now the figures drop by what was returned,
and the invoice's payments and the ledger's transactions that name it both add up to its `amount_paid`.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.panel.gateways import URLS
from tests.panel.test_lifecycle import Clocked, days_until_raised, renewals
from tests.support.catalogue import MONTHLY_10, buy_service
from tests.support.panel import Api, PanelProcess


@pytest.fixture(scope="module")
def clock(tmp_path_factory) -> Clocked:
    """One clocked panel for the module (each test counts days from its own purchase)."""
    proc = PanelProcess(tmp_path_factory.mktemp("audit2-cancelled")).start()
    yield Clocked(lambda: proc, paypal_enabled=True)
    proc.stop()


def ledger_for(buyer: Api, invoice_id: str) -> Decimal:
    rows = buyer.data("GET", "/billing/credits/transactions", params={"per_page": 100})
    return sum((Decimal(t["amount"]) for t in rows if t["invoice_id"] == invoice_id), Decimal(0))


def assert_truthful(buyer: Api, invoice_id: str, returned: str) -> None:
    detail = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    [row] = [r for r in buyer.data("GET", "/billing/invoices", params={"per_page": 100}) if r["id"] == invoice_id]
    for shown in (detail, row):
        assert (shown["status"], shown["amount_paid"], shown["credits_applied"], shown["balance_due"]) == (
            "cancelled", "0.00", "0.00", "0.00"), shown
    payments = detail["payments"]
    assert sum(Decimal(p["amount"]) for p in payments if p["status"] in ("succeeded", "refunded")) == 0
    assert [p["amount"] for p in payments if p["method"] == "credits"] == [returned, f"-{returned}"]
    assert {p["status"] for p in payments if p["method"] == "credits"} == {"refunded"}
    assert ledger_for(buyer, invoice_id) == 0  # spent, then given back


def test_a_cancelled_orders_invoice_no_longer_claims_the_credits_it_gave_back(clock):
    product = clock.shop.product(pricing=MONTHLY_10)
    buyer = clock.shop.user(credits="4.00")
    placed = buyer.data("POST", "/billing/checkout", {
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal", **URLS},
        expect=201)
    assert placed["invoice"]["credits_applied"] == "4.00"

    buyer.data("POST", f"/billing/orders/{placed['order']['id']}/cancel", expect=200)

    assert_truthful(buyer, placed["invoice"]["id"], "4.00")
    assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"
    board = buyer.data("GET", "/billing/dashboard")
    assert (board["pending_invoices"], board["total_due"]) == (0, "0.00")


def test_a_renewal_cancelled_with_its_service_shows_the_credits_returned(clock):
    product = clock.shop.product(pricing=MONTHLY_10)
    buyer = clock.shop.user(credits="14.00")
    service = buy_service(buyer, product)  # 10.00 paid; the renewal takes the other 4.00 and waits for 6.00
    clock.advance(days_until_raised(service, 7), buyer)
    [renewal] = renewals(buyer)
    assert (renewal["credits_applied"], renewal["balance_due"]) == ("4.00", "6.00")
    request = buyer.data("POST", f"/billing/services/{service['id']}/cancel",
                         {"type": "immediate", "reason": "moving on"}, expect=201)

    clock.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")

    assert_truthful(buyer, renewal["id"], "4.00")
    assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"
