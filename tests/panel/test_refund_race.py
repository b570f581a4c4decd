"""Refunds racing other requests, over real HTTP against a private panel and a PayPal stand-in.

The stand-in holds every refund request until the test lets it go, so "the refund is inside the panel, waiting on
the gateway, while another request comes in" is certain rather than a matter of timing. Only one of two refunds
may reach the gateway, and credit whose top-up is being refunded cannot be spent meanwhile; the panel's records
end up saying what the gateway did, exactly once.
"""
from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import pytest
import requests

from tests.panel.conftest import admin_of
from tests.panel.gateways import balance, buy, invoice_of, pay_at_paypal, refund, top_up
from tests.panel.helpers import assert_error, clone
from tests.support.catalogue import Shop
from tests.support.panel import USER_PASSWORD, Api
from tests.support.paypal_stub import PayPalStub

HOLD = 30  # seconds the stand-in keeps a refund waiting at most (the test releases it far sooner)
REFUND_PATH = r"/v2/payments/captures/.*/refund"
MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


class HeldPayPal(PayPalStub):
    """PayPal whose refund answers wait for `release`; `arrived` is set when the first refund request comes in.
    With `refuse` set, the released refund is refused and nothing is refunded."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.arrived = threading.Event()
        self.refuse = False

    def _refund(self, req, capture_id):
        self.arrived.set()
        self.release.wait(HOLD)
        if self.refuse:
            return 422, {"name": "UNPROCESSABLE_ENTITY", "message": "The requested action could not be performed."}
        return super()._refund(req, capture_id)


@pytest.fixture
def held_paypal(gateway_shop):
    """A held PayPal for one test, with the gateway panel (tests/panel/conftest.py) pointed at it."""
    with HeldPayPal() as paypal:
        gateway_shop.settings(**paypal.settings())
        yield paypal


@pytest.fixture(scope="module")
def product(gateway_shop) -> dict:
    return gateway_shop.product(name="Race VPS", pricing=MONTHLY_10)


def paid_invoice(shop: Shop, product: dict, browser) -> tuple:
    buyer = shop.user()
    placed = buy(buyer, product, "paypal")
    pay_at_paypal(browser, placed["payment"])
    assert invoice_of(buyer, placed["invoice"]["id"])["status"] == "paid"
    return buyer, placed["invoice"]["id"]


def test_two_concurrent_gateway_refunds_reach_the_gateway_once(gateway_shop, held_paypal, product, browser):
    paypal = held_paypal
    buyer, invoice_id = paid_invoice(gateway_shop, product, browser)
    admins = [clone(gateway_shop.admin), clone(gateway_shop.admin)]

    barrier = threading.Barrier(2, timeout=HOLD)

    def go(admin):
        barrier.wait()
        return refund(admin, invoice_id, "gateway")

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(go, a) for a in admins]
        # PayPal answers once one refund has come back (the loser, told a refund is under way) or, failing that,
        # after a few seconds in which both could reach PayPal (the race this test exists for).
        assert paypal.arrived.wait(HOLD)
        wait(futures, timeout=5, return_when=FIRST_COMPLETED)
        paypal.release.set()
        answers = [f.result(timeout=HOLD * 2) for f in futures]

    assert len(paypal.received("POST", REFUND_PATH)) == 1
    assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
    (loser,) = [a for a in answers if a.status_code == 409]
    assert loser.json()["error"]["code"] == "refund_in_progress"
    invoice = invoice_of(buyer, invoice_id)
    assert invoice["status"] == "refunded"
    assert [p["amount"] for p in invoice["payments"] if p["amount"].startswith("-")] == ["-10.00"]


def test_a_refund_to_credits_waits_for_a_gateway_refund_under_way(gateway_shop, held_paypal, product, browser):
    paypal = held_paypal
    buyer, invoice_id = paid_invoice(gateway_shop, product, browser)
    admin = gateway_shop.admin

    with ThreadPoolExecutor(max_workers=1) as pool:
        to_gateway = pool.submit(refund, clone(admin), invoice_id, "gateway")
        assert paypal.arrived.wait(HOLD)
        # while PayPal is refunding the card, the same money must not also go to the balance
        assert_error(refund(admin, invoice_id, "credits"), 409, "refund_in_progress")
        assert_error(refund(admin, invoice_id, "gateway"), 409, "refund_in_progress")
        paypal.release.set()
        assert to_gateway.result(timeout=HOLD).status_code == 200

    assert len(paypal.received("POST", REFUND_PATH)) == 1
    assert balance(buyer) == "0.00"
    assert invoice_of(buyer, invoice_id)["status"] == "refunded"


def test_a_failed_gateway_refund_frees_the_invoice_for_the_next_try(gateway_shop, held_paypal, product, browser):
    paypal = held_paypal
    buyer, invoice_id = paid_invoice(gateway_shop, product, browser)
    paypal.release.set()
    before = invoice_of(buyer, invoice_id)

    paypal.fail("refund", status=500, times=1)
    assert_error(refund(gateway_shop.admin, invoice_id, "gateway"), 502, "gateway_error")
    assert invoice_of(buyer, invoice_id) == before  # nothing recorded, nothing left reserved

    assert refund(gateway_shop.admin, invoice_id, "gateway").status_code == 200
    assert invoice_of(buyer, invoice_id)["status"] == "refunded"


# -- a top-up's credit while its refund is under way -------------------------------------------------------------
def items(product: dict) -> list[dict]:
    return [{"product_id": product["id"], "billing_cycle": "monthly"}]


def credits_applied(buyer: Api, product: dict) -> str:
    """What credit the checkout would apply to the product now, as its preview says."""
    return buyer.data("POST", "/billing/checkout/preview", {"items": items(product)})["credits_applied"]


def test_credit_whose_top_up_is_being_refunded_cannot_be_spent_meanwhile(gateway_shop, held_paypal, product,
                                                                         browser):
    paypal, admin = held_paypal, gateway_shop.admin
    buyer = gateway_shop.user(credits="4.00")  # credit from elsewhere, free to spend throughout
    bought = top_up(buyer, "20.00", "paypal")
    pay_at_paypal(browser, bought["payment"])
    assert balance(buyer) == "24.00" and credits_applied(buyer, product) == "10.00"

    with ThreadPoolExecutor(max_workers=1) as pool:
        refunding = pool.submit(refund, clone(admin), bought["invoice"]["id"], "gateway")
        assert paypal.arrived.wait(HOLD)
        # PayPal is returning the 20.00: only the other 4.00 may be spent, whoever spends it
        assert credits_applied(buyer, product) == "4.00"
        by_credits = buyer.post("/billing/checkout", {"items": items(product), "payment_method": "credits"})
        assert_error(by_credits, 409, "insufficient_credits")
        assert_error(admin.post(f"/admin/users/{buyer.user['id']}/credits", {"amount": "-5.00"}), 409,
                     "insufficient_credits")
        part = buy(buyer, product, "paypal")  # the spendable 4.00 pays part, PayPal is asked for the rest
        assert (part["invoice"]["credits_applied"], part["payment"]["amount"]) == ("4.00", "6.00")
        assert balance(buyer) == "20.00"  # still there, only held
        paypal.release.set()
        assert refunding.result(timeout=HOLD).status_code == 200  # and the refund takes it back

    assert invoice_of(buyer, bought["invoice"]["id"])["status"] == "refunded"
    assert balance(buyer) == "0.00"
    (at_paypal,) = paypal.order_for(bought["payment"]["id"]).refunds
    assert at_paypal["amount"]["value"] == "20.00"
    taken_back = [t for t in buyer.data("GET", "/billing/credits/transactions") if t["type"] == "refund"]
    assert [(t["amount"], t["balance_after"]) for t in taken_back] == [("-20.00", "0.00")]


def test_credit_held_for_a_refund_the_gateway_refuses_is_free_again(gateway_shop, held_paypal, product, browser):
    paypal = held_paypal
    buyer = gateway_shop.user()
    bought = top_up(buyer, "20.00", "paypal")
    pay_at_paypal(browser, bought["payment"])

    with ThreadPoolExecutor(max_workers=1) as pool:
        refunding = pool.submit(refund, clone(gateway_shop.admin), bought["invoice"]["id"], "gateway")
        assert paypal.arrived.wait(HOLD)
        assert credits_applied(buyer, product) == "0.00"
        paypal.refuse = True
        paypal.release.set()
        assert_error(refunding.result(timeout=HOLD), 502, "gateway_error")

    assert paypal.order_for(bought["payment"]["id"]).refunds == []
    assert invoice_of(buyer, bought["invoice"]["id"])["status"] == "paid"
    assert credits_applied(buyer, product) == "10.00"
    assert buy(buyer, product, "credits")["invoice"]["status"] == "paid"
    assert balance(buyer) == "10.00"


# -- a panel that dies mid-refund -----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["order", "top_up"])
def test_a_refund_cut_short_by_a_dead_panel_can_be_finished_once_its_hold_lapses(fresh_panel, browser, kind):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    with HeldPayPal() as paypal:
        shop.settings(**paypal.settings())
        product = shop.product(name="Race VPS", pricing=MONTHLY_10)
        if kind == "order":
            buyer, invoice_id = paid_invoice(shop, product, browser)
        else:
            buyer = shop.user()
            bought = top_up(buyer, "10.00", "paypal")
            pay_at_paypal(browser, bought["payment"])
            invoice_id = bought["invoice"]["id"]
        with ThreadPoolExecutor(max_workers=1) as pool:
            cut_short = pool.submit(refund, clone(shop.admin), invoice_id, "gateway")
            assert paypal.arrived.wait(HOLD)
            proc.proc.kill()  # the panel dies while PayPal is refunding
            proc.proc.wait(HOLD)
            paypal.release.set()  # PayPal carries on and refunds the capture
            with pytest.raises(requests.ConnectionError):
                cut_short.result(timeout=HOLD)
        proc.stop()
        proc.start()

        # the hold outlived the panel: nobody may refund again until it lapses ...
        assert_error(refund(shop.admin, invoice_id, "credits"), 409, "refund_in_progress")
        assert invoice_of(buyer, invoice_id)["status"] == "paid"
        shop.admin.data("POST", "/admin/clock/advance", {"days": 1})
        admin, buyer = admin_of(proc), Api(proc).login(buyer.user["email"], USER_PASSWORD)  # a day on: new logins
        if kind == "top_up":  # ... its credit stays held even so, for PayPal may well have returned it (it has) ...
            assert balance(buyer) == "10.00" and credits_applied(buyer, product) == "0.00"
        # ... then the retry completes it, and PayPal's idempotency answers with the refund it already made
        assert refund(admin, invoice_id, "gateway").status_code == 200
        (at_paypal,) = paypal.order_for(invoice_of(buyer, invoice_id)["payments"][0]["id"]).refunds
        back = [p for p in invoice_of(buyer, invoice_id)["payments"] if p["amount"].startswith("-")]
        assert [(p["amount"], p["reference"]) for p in back] == [("-10.00", at_paypal["id"])]
        assert len(paypal.received("POST", REFUND_PATH)) == 2
        assert balance(buyer) == "0.00"
