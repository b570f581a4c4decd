"""Cancelling an unpaid credit top-up (POST /billing/invoices/{id}/cancel, our addition) over real HTTP, on a
private panel whose PayPal is its own sandbox page: a top-up left at the gateway no longer stays due for good."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.panel.test_order_cancel import MONTHLY_10, approve_at_sandbox, buy
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Shop:
    proc = PanelProcess(tmp_path_factory.mktemp("top-up-cancel")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)  # no PayPal credentials: the sandbox approval page
    yield shop
    proc.stop()


def top_up(buyer: Api, amount: str = "50.00") -> dict:
    return buyer.data("POST", "/billing/credits/top-up", {"amount": amount, "payment_method": "paypal", **URLS},
                      expect=201)


def cancel(buyer: Api, invoice_id: str, key: str | None = None):
    return buyer.post(f"/billing/invoices/{invoice_id}/cancel", headers={"Idempotency-Key": key} if key else None)


def due(buyer: Api) -> Decimal:
    return Decimal(clone(buyer).data("GET", "/billing/dashboard")["total_due"])


def test_a_top_up_left_at_the_gateway_can_be_cancelled_and_its_pay_page_no_longer_pays(shop):
    buyer = shop.user()
    started = top_up(buyer)
    invoice = started["invoice"]
    assert (invoice["status"], due(buyer)) == ("pending", Decimal("50.00"))

    cancelled = buyer.data("POST", f"/billing/invoices/{invoice['id']}/cancel", expect=200)

    assert (cancelled["id"], cancelled["status"], cancelled["kind"]) == (invoice["id"], "cancelled", "top_up")
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "cancelled"
    assert due(buyer) == Decimal(0)
    assert buyer.data("GET", f"/billing/payments/{started['payment']['id']}")["status"] == "cancelled"
    assert approve_at_sandbox(started["payment"]).status_code == 410        # the page left open cannot pay it
    assert Decimal(clone(buyer).data("GET", "/billing/credits")["balance"]) == Decimal(0)
    assert_error(buyer.post(f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "paypal", **URLS}),
                 409, "invoice_not_payable")


def test_cancelling_again_answers_the_same_invoice_and_a_key_replays(shop):
    buyer = shop.user()
    invoice = top_up(buyer, "20.00")["invoice"]
    first = cancel(buyer, invoice["id"], key="top-up-cancel-1")
    again, replay = cancel(buyer, invoice["id"]), cancel(buyer, invoice["id"], key="top-up-cancel-1")
    assert first.status_code == again.status_code == replay.status_code == 200
    assert replay.json() == first.json() and again.json()["data"]["status"] == "cancelled"
    other = top_up(buyer, "30.00")["invoice"]
    assert_error(cancel(buyer, other["id"], key="top-up-cancel-1"), 409, "idempotency_conflict")
    assert buyer.data("GET", f"/billing/invoices/{other['id']}")["status"] == "pending"


def test_only_an_unpaid_top_up_of_ones_own_can_be_cancelled(shop):
    owner, stranger = shop.user(), shop.user()
    mine = top_up(owner, "15.00")
    assert_error(cancel(stranger, mine["invoice"]["id"]), 404, "not_found")
    assert_error(cancel(owner, "no-such-invoice"), 404, "not_found")
    assert owner.data("GET", f"/billing/invoices/{mine['invoice']['id']}")["status"] == "pending"

    # Paid: the credit it bought stays.
    assert approve_at_sandbox(mine["payment"]).status_code == 303
    error = assert_error(cancel(owner, mine["invoice"]["id"]), 409, "invoice_not_cancellable")
    assert "paid" in error["message"]
    assert Decimal(clone(owner).data("GET", "/billing/credits")["balance"]) == Decimal("15.00")

    # An order's invoice goes with its order, never on its own.
    order_invoice = buy(owner, shop.product(pricing=MONTHLY_10), use_credits=False)["invoice"]
    error = assert_error(cancel(owner, order_invoice["id"]), 409, "invoice_not_cancellable")
    assert "top-up" in error["message"]
    assert owner.data("GET", f"/billing/invoices/{order_invoice['id']}")["status"] == "pending"
