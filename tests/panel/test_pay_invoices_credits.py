"""Issue 13's "nothing changes when it fails or is left" for Pay all due with credits and a gateway: the credits
are held while the gateway payment is pending and applied only when it succeeds (POST /billing/invoices/pay)."""
from __future__ import annotations

from decimal import Decimal

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.panel.test_concurrency import at_once
from tests.panel.test_order_cancel import approve_at_sandbox
from tests.panel.test_pay_invoices import MONTHLY_10, balance, invoice, pay, spendable, unpaid_order
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Shop:
    proc = PanelProcess(tmp_path_factory.mktemp("pay-credits")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    yield shop
    proc.stop()


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(pricing=MONTHLY_10)


def cancel_at_page(payment: dict) -> requests.Response:
    """The buyer presses "Cancel" on the pay page (a form post carrying the page's token)."""
    url, _, query = payment["checkout_url"].partition("?")
    return requests.post(f"{url}/cancel", data={"token": query.removeprefix("token=")}, allow_redirects=False,
                         timeout=30)


def facts(buyer: Api, ids: list[str]) -> list[tuple]:
    """What a payment changes on an invoice (the attempt itself is listed, as pending or cancelled)."""
    return [(i["status"], i["amount_paid"], i["credits_applied"], i["balance_due"],
             [p for p in i["payments"] if p["status"] == "succeeded"]) for i in (invoice(buyer, n) for n in ids)]


def transactions(buyer: Api) -> int:
    return len(buyer.data("GET", "/billing/credits/transactions", params={"per_page": 100}))


def test_a_payment_left_or_cancelled_changes_nothing(shop, product):
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    before, tx_before = facts(buyer, ids), transactions(buyer)

    payment = pay(buyer, ids).json()["data"]["payment"]
    # credits cover the first invoice and half the second: the card is asked for the other half only
    assert (payment["amount"], payment["credits_held"]) == ("5.00", "15.00")
    # left at the pay page: the invoices and the balance are as they were; the credits are held for it
    assert facts(buyer, ids) == before and transactions(buyer) == tx_before
    assert balance(buyer) == Decimal("15.00") and spendable(buyer) == 0
    page = requests.get(payment["checkout_url"], timeout=30).text
    number = invoice(buyer, ids[1])["invoice_number"]
    assert number in page and "5.00" in page

    assert cancel_at_page(payment).status_code == 303
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "cancelled"
    assert facts(buyer, ids) == before and transactions(buyer) == tx_before
    assert balance(buyer) == spendable(buyer) == Decimal("15.00")
    assert approve_at_sandbox(payment).status_code == 410


def test_success_applies_the_held_credits_invoice_by_invoice(shop, product):
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    payment = pay(buyer, ids).json()["data"]["payment"]
    assert approve_at_sandbox(payment).status_code == 303
    first, second = (invoice(buyer, i) for i in ids)
    assert (first["status"], first["credits_applied"], second["status"], second["credits_applied"]) == (
        "paid", "10.00", "paid", "5.00")
    # the first invoice was paid by credits alone: the card payment is not one of its payments
    assert [p["method"] for p in first["payments"] if p["status"] == "succeeded"] == ["credits"]
    assert payment["id"] not in {p["id"] for p in first["payments"]}
    assert sorted((p["method"], p["amount"]) for p in second["payments"] if p["status"] == "succeeded") == [
        ("credits", "5.00"), ("paypal", "5.00")]
    assert balance(buyer) == 0


def test_paying_one_of_them_another_way_releases_the_hold(shop, product):
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    together = pay(buyer, ids).json()["data"]["payment"]
    # while held, credits cannot pay another invoice
    other = unpaid_order(buyer, product)["invoice"]["id"]
    assert_error(buyer.post(f"/billing/invoices/{other}/pay", {"payment_method": "credits"}), 409,
                 "insufficient_credits")
    assert buyer.data("GET", f"/billing/payments/{together['id']}")["status"] == "pending"
    # a new payment of one of them supersedes the shared one, which releases them
    data = buyer.data("POST", f"/billing/invoices/{ids[1]}/pay", {"payment_method": "paypal", "use_credits": False,
                                                                   **URLS})
    assert buyer.data("GET", f"/billing/payments/{together['id']}")["status"] == "cancelled"
    assert data["payment"]["amount"] == "10.00" and spendable(buyer) == Decimal("15.00")
    assert approve_at_sandbox(together).status_code == 410
    assert approve_at_sandbox(data["payment"]).status_code == 303
    assert balance(buyer) == Decimal("15.00")


def test_a_retried_pay_all_holds_the_credits_again(shop, product):
    # Leaving the pay page and pressing Pay all due again must not charge the card for what credits cover.
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    first = pay(buyer, ids).json()["data"]["payment"]
    again = pay(buyer, ids).json()["data"]["payment"]
    assert (again["amount"], again["credits_held"]) == ("5.00", "15.00")
    assert buyer.data("GET", f"/billing/payments/{first['id']}")["status"] == "cancelled"
    # one of them alone, by credits: the shared payment is superseded and its hold is free for this one
    lone = pay(buyer, [ids[0]]).json()["data"]["payment"]
    assert (lone["method"], lone["status"], lone["amount"], lone["credits_held"]) == ("credits", "paid", "10.00",
                                                                                      "0.00")
    assert buyer.data("GET", f"/billing/payments/{again['id']}")["status"] == "cancelled"
    assert balance(buyer) == spendable(buyer) == Decimal("5.00")


def test_paying_one_of_them_alone_by_credits_uses_what_the_shared_payment_held(shop, product):
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    together = pay(buyer, ids).json()["data"]["payment"]
    data = buyer.data("POST", f"/billing/invoices/{ids[0]}/pay", {"payment_method": "credits"})
    assert data["invoice"]["status"] == "paid" and balance(buyer) == Decimal("5.00")
    assert buyer.data("GET", f"/billing/payments/{together['id']}")["status"] == "cancelled"


def test_concurrent_payments_never_hold_more_than_the_balance(shop, product):
    buyer = shop.user(credits="15.00")  # less than a pair's 20.00: every payment has a card part
    pairs = [[unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)] for _ in range(4)]
    answers = at_once([lambda api=clone(buyer), ids=ids: pay(api, ids) for ids in pairs])
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    payments = [a.json()["data"]["payment"] for a in answers]
    assert sum(Decimal(p["credits_held"]) for p in payments) == Decimal("15.00")
    assert sum(Decimal(p["amount"]) for p in payments) == Decimal("65.00")
    assert spendable(buyer) == 0 and balance(buyer) == Decimal("15.00")
    results = at_once([lambda p=p: approve_at_sandbox(p) for p in payments])
    assert [r.status_code for r in results] == [303] * 4
    paid = [invoice(buyer, i) for ids in pairs for i in ids]
    assert {i["status"] for i in paid} == {"paid"}
    assert sum(Decimal(i["credits_applied"]) for i in paid) == Decimal("15.00")
    assert sum(Decimal(i["amount_paid"]) for i in paid) == Decimal("80.00")
    assert balance(buyer) == 0
