"""Two refunds of one invoice at once, over real HTTP against a private panel and a PayPal stand-in.

The stand-in holds every refund request until the test lets it go, so "both requests are inside the panel at the
same time" is certain rather than a matter of timing. Only one refund may reach the gateway; the other is told a
refund is already under way, and the panel's records end up saying the invoice was refunded exactly once.
"""
from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import pytest
import requests

from tests.panel.conftest import admin_of
from tests.panel.test_concurrency import clone
from tests.panel.test_refunds_gateway import assert_error, buy, invoice_of, pay_at_paypal, refund
from tests.support.catalogue import Shop
from tests.support.panel import USER_PASSWORD, Api
from tests.support.paypal_stub import PayPalStub

HOLD = 30  # seconds the stand-in keeps a refund waiting at most (the test releases it far sooner)
REFUND_PATH = r"/v2/payments/captures/.*/refund"


class HeldPayPal(PayPalStub):
    """PayPal whose refund answers wait for `release`; `arrived` is set when the first refund request comes in."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.arrived = threading.Event()

    def _refund(self, req, capture_id):
        self.arrived.set()
        self.release.wait(HOLD)
        return super()._refund(req, capture_id)


@pytest.fixture
def paypal_shop(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    with HeldPayPal() as paypal:
        shop.settings(**paypal.settings())
        yield shop, paypal


@pytest.fixture
def browser():
    with requests.Session() as session:
        yield session


def paid_invoice(shop: Shop, paypal: HeldPayPal, browser) -> tuple:
    product = shop.product(name="Race VPS", pricing=[{"billing_cycle": "monthly", "price": "10.00",
                                                     "setup_fee": "0.00"}])
    buyer = shop.user()
    placed = buy(buyer, product, "paypal")
    pay_at_paypal(browser, placed["payment"])
    assert invoice_of(buyer, placed["invoice"]["id"])["status"] == "paid"
    return buyer, placed["invoice"]["id"]


def test_two_concurrent_gateway_refunds_reach_the_gateway_once(paypal_shop, browser):
    shop, paypal = paypal_shop
    buyer, invoice_id = paid_invoice(shop, paypal, browser)
    admins = [clone(shop.admin), clone(shop.admin)]

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


def test_a_refund_to_credits_waits_for_a_gateway_refund_under_way(paypal_shop, browser):
    shop, paypal = paypal_shop
    buyer, invoice_id = paid_invoice(shop, paypal, browser)

    with ThreadPoolExecutor(max_workers=1) as pool:
        to_gateway = pool.submit(refund, clone(shop.admin), invoice_id, "gateway")
        assert paypal.arrived.wait(HOLD)
        # while PayPal is refunding the card, the same money must not also go to the balance
        assert_error(refund(shop.admin, invoice_id, "credits"), 409, "refund_in_progress")
        assert_error(refund(shop.admin, invoice_id, "gateway"), 409, "refund_in_progress")
        paypal.release.set()
        assert to_gateway.result(timeout=HOLD).status_code == 200

    assert len(paypal.received("POST", REFUND_PATH)) == 1
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    assert invoice_of(buyer, invoice_id)["status"] == "refunded"


def test_a_failed_gateway_refund_frees_the_invoice_for_the_next_try(paypal_shop, browser):
    shop, paypal = paypal_shop
    buyer, invoice_id = paid_invoice(shop, paypal, browser)
    paypal.release.set()
    before = invoice_of(buyer, invoice_id)

    paypal.fail("refund", status=500, times=1)
    assert_error(refund(shop.admin, invoice_id, "gateway"), 502, "gateway_error")
    assert invoice_of(buyer, invoice_id) == before  # nothing recorded, nothing left reserved

    assert refund(shop.admin, invoice_id, "gateway").status_code == 200
    assert invoice_of(buyer, invoice_id)["status"] == "refunded"


def test_a_refund_cut_short_by_a_dead_panel_can_be_finished_once_its_hold_lapses(fresh_panel, browser):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    with HeldPayPal() as paypal:
        shop.settings(**paypal.settings())
        buyer, invoice_id = paid_invoice(shop, paypal, browser)
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
        # ... then the retry completes it, and PayPal's idempotency answers with the refund it already made
        assert refund(admin, invoice_id, "gateway").status_code == 200
        (at_paypal,) = paypal.order_for(invoice_of(buyer, invoice_id)["payments"][0]["id"]).refunds
        back = [p for p in invoice_of(buyer, invoice_id)["payments"] if p["amount"].startswith("-")]
        assert [(p["amount"], p["reference"]) for p in back] == [("-10.00", at_paypal["id"])]
        assert len(paypal.received("POST", REFUND_PATH)) == 2
