"""Credit top-ups left unpaid are cancelled by the lifecycle jobs after `unpaid_top_up_cancel_days` when an operator
sets it (an opt-in mirroring `unpaid_order_cancel_days`), so an abandoned top-up no longer counts in total_due for
good; 0, the default, keeps a pending top-up pending, as the contract has it."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.panel.test_lifecycle import Clocked, titles
from tests.panel.test_order_cancel import approve_at_sandbox


def top_up(buyer, amount: str) -> dict:
    return buyer.data("POST", "/billing/credits/top-up", {"amount": amount, "payment_method": "paypal", **URLS},
                      expect=201)


def status(buyer, invoice_id: str) -> str:
    return buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"]


def due(buyer) -> Decimal:
    return Decimal(buyer.data("GET", "/billing/dashboard")["total_due"])


def test_by_default_an_unpaid_top_up_stays_pending(fresh_panel):
    world = Clocked(fresh_panel, paypal_enabled=True)
    assert world.admin.data("GET", "/admin/billing/settings")["unpaid_top_up_cancel_days"] == 0
    buyer = world.shop.user()
    invoice = top_up(buyer, "25.00")["invoice"]
    assert world.advance(40, buyer)["jobs"]["unpaid_top_ups_cancelled"] == 0
    assert status(buyer, invoice["id"]) == "pending"
    assert due(buyer) == Decimal("25.00")


def test_an_unpaid_top_up_is_cancelled_after_the_set_days_and_a_paid_one_is_left_alone(fresh_panel):
    world = Clocked(fresh_panel, paypal_enabled=True)
    world.shop.settings(unpaid_top_up_cancel_days=10)
    buyer = world.shop.user()
    left = top_up(buyer, "50.00")
    paid = top_up(buyer, "20.00")
    assert approve_at_sandbox(paid["payment"]).status_code in (302, 303)
    assert status(buyer, paid["invoice"]["id"]) == "paid"
    assert due(buyer) == Decimal("50.00")

    assert world.advance(9, buyer)["jobs"]["unpaid_top_ups_cancelled"] == 0
    assert status(buyer, left["invoice"]["id"]) == "pending"

    assert world.advance(1, buyer)["jobs"]["unpaid_top_ups_cancelled"] == 1
    assert status(buyer, left["invoice"]["id"]) == "cancelled"
    assert buyer.data("GET", f"/billing/payments/{left['payment']['id']}")["status"] == "cancelled"
    assert approve_at_sandbox(left["payment"]).status_code == 410      # the page left open can no longer pay it
    assert due(buyer) == Decimal(0)
    assert "Top-up cancelled" in titles(buyer)
    assert status(buyer, paid["invoice"]["id"]) == "paid"
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == Decimal("20.00")
    assert world.advance(1, buyer)["jobs"]["unpaid_top_ups_cancelled"] == 0


def test_the_setting_is_a_whole_number_of_days(fresh_panel):
    world = Clocked(fresh_panel)
    for bad in ("3", 3.0, True, -1, 3651):
        assert_error(world.admin.put("/admin/billing/settings", {"unpaid_top_up_cancel_days": bad}), 422,
                     "validation_error", "unpaid_top_up_cancel_days")
    assert world.shop.settings(unpaid_top_up_cancel_days=30)["unpaid_top_up_cancel_days"] == 30
