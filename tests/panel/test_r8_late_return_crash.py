"""A gateway payment that lands on an invoice closed meanwhile, in another currency than the credits', goes back to
its gateway. The duty to return it is written in the transaction that records the payment, and struck off in the one
that records the refund, so a panel that dies in between (before asking the gateway, or after the gateway refunded
but before the refund was written) leaves it to the lifecycle jobs, which return it once: never only the payment on
the books, never two refunds.

The crash is real code stopped mid-way: the panel's own functions run in this process on the test panel's database
and are interrupted by an exception that nothing in the panel catches (as a killed process would stop them); the
running panel then plays the restarted one."""
from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from panel.billing import invoices as invoices_module
from panel.gateways import flow
from panel.gateways.stripe_gateway import StripeGateway
from panel.server import open_panel
from panel.settings import load as load_settings
from panel.state import ServerOptions
from tests.panel.gateways import URLS
from tests.panel.test_gateway_stripe import localstripe
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api


class Crash(BaseException):
    """The process dying: not an Exception, so no handler in the panel takes it."""


def closed_usd_invoice_with_a_late_payment(fresh_panel, **panel_args):
    """A USD order paid by PayPal's sandbox page that the buyer cancelled before the payment came in, the panel's
    currency now EUR: the payment that still lands must go back to PayPal."""
    proc = fresh_panel(**panel_args)
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user()
    bought = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                 "billing_cycle": "monthly"}],
                                                      "payment_method": "paypal", **URLS}, expect=201)
    shop.settings(currency_code="EUR", currency_symbol="€")
    buyer.data("POST", f"/billing/orders/{bought['order']['id']}/cancel", expect=200)
    return proc, shop, buyer, bought


def duties(proc) -> list[str]:
    with sqlite3.connect(proc.db_path) as conn:
        return [r[0] for r in conn.execute("SELECT key FROM meta WHERE key LIKE 'late_return:%'")]


def books(buyer: Api, bought: dict) -> tuple:
    invoice = buyer.data("GET", f"/billing/invoices/{bought['invoice']['id']}")
    return (invoice["status"], invoice["amount_paid"],
            sorted((p["amount"], p["status"]) for p in invoice["payments"]),
            buyer.data("GET", f"/billing/payments/{bought['payment']['id']}")["status"],
            buyer.data("GET", "/billing/credits")["balance"],
            [n["title"] for n in buyer.data("GET", "/notifications") if n["title"] == "Payment returned"])


def restart_and_run_the_jobs(proc, shop: Shop, buyer: Api) -> tuple[Api, dict]:
    jobs = shop.admin.data("POST", "/admin/clock/advance", {"days": 1})["jobs"]
    return Api(proc).login(buyer.user["email"], USER_PASSWORD), jobs


def test_a_crash_before_the_gateway_is_asked_leaves_the_return_to_the_jobs(fresh_panel, monkeypatch):
    proc, shop, buyer, bought = closed_usd_invoice_with_a_late_payment(fresh_panel)
    panel = open_panel(str(proc.db_path), ServerOptions(test_clock=True))
    asked = []

    def dies(*args):
        asked.append(args)
        raise Crash

    monkeypatch.setattr(flow, "_refund_late", dies)
    with pytest.raises(Crash):  # the approval reported by PayPal, the panel dying as it turns to refund it
        flow.mark_paid(panel, bought["payment"]["id"], gateway_ref="SANDBOX-LATE")
    monkeypatch.undo()
    panel.db.close()
    assert len(asked) == 1
    assert len(duties(proc)) == 1   # written with the payment
    status, paid, payments, payment, balance, told = books(buyer, bought)
    assert (status, payment, balance, told) == ("cancelled", "succeeded", "0.00", [])

    buyer, jobs = restart_and_run_the_jobs(proc, shop, buyer)
    assert jobs["late_payments_returned"] == 1
    after = books(buyer, bought)
    assert after[0] == "cancelled" and after[3] == "refunded" and after[4] == "0.00"  # never kept as 10.00 "EUR"
    assert ("-10.00", "refunded") in after[2] and after[5] == ["Payment returned"]
    assert duties(proc) == []

    buyer, jobs = restart_and_run_the_jobs(proc, shop, buyer)
    assert jobs["late_payments_returned"] == 0
    assert books(buyer, bought) == after   # returned once


def test_a_crash_after_the_gateway_refunded_records_that_refund_once(fresh_panel, monkeypatch):
    proc, shop, buyer, bought = closed_usd_invoice_with_a_late_payment(fresh_panel)
    panel = open_panel(str(proc.db_path), ServerOptions(test_clock=True))
    refunds = []
    real = flow._refund_late

    def refund(*args):
        refunds.append(real(*args))
        return refunds[-1]

    def dies(*args, **kwargs):
        raise Crash

    monkeypatch.setattr(flow, "_refund_late", refund)
    monkeypatch.setattr(invoices_module, "add_payment", dies)  # the refund is made; writing it down is not
    with pytest.raises(Crash):
        flow.mark_paid(panel, bought["payment"]["id"], gateway_ref="SANDBOX-LATE")
    monkeypatch.undo()
    panel.db.close()
    assert len(refunds) == 1 and len(duties(proc)) == 1
    assert books(buyer, bought)[3] == "succeeded"   # the failed transaction wrote nothing of the refund

    buyer, jobs = restart_and_run_the_jobs(proc, shop, buyer)
    assert jobs["late_payments_returned"] == 1
    invoice = buyer.data("GET", f"/billing/invoices/{bought['invoice']['id']}")
    returned = [p for p in invoice["payments"] if p["amount"] == "-10.00"]
    assert len(returned) == 1 and returned[0]["reference"] == refunds[0]   # the same refund, asked again
    assert duties(proc) == []


def test_a_return_in_flight_is_not_taken_over_before_its_claim_lapses(fresh_panel, monkeypatch):
    """A worker that is still asking the gateway keeps its claim: the jobs of the same minute leave it alone."""
    proc, shop, buyer, bought = closed_usd_invoice_with_a_late_payment(fresh_panel)
    panel = open_panel(str(proc.db_path), ServerOptions(test_clock=True))
    monkeypatch.setattr(flow, "_refund_late", lambda *args: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        flow.mark_paid(panel, bought["payment"]["id"], gateway_ref="SANDBOX-LATE")
    monkeypatch.undo()
    panel.db.close()
    assert shop.admin.data("POST", "/admin/billing/jobs/run")["late_payments_returned"] == 0
    assert len(duties(proc)) == 1
    buyer, jobs = restart_and_run_the_jobs(proc, shop, buyer)
    assert jobs["late_payments_returned"] == 1


def test_stripe_refunds_once_per_key_even_where_stripe_forgot_the_idempotency_key(fresh_panel):
    """A retry days later than Stripe keeps idempotency keys (24 h) finds the refund it made by its metadata."""
    proc = fresh_panel(extra_args=["--localstripe"])
    Shop(admin_of(proc))
    client = localstripe(proc)
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    intent = client.v1.payment_intents.create(params={"amount": 2000, "currency": "usd"})
    client.v1.payment_intents.update(intent.id, params={"payment_method": token.card.id})
    assert client.v1.payment_intents.confirm(intent.id).status == "succeeded"
    with sqlite3.connect(proc.db_path) as conn:
        conn.row_factory = sqlite3.Row
        gateway = StripeGateway(load_settings(conn))
    first = gateway.refund(intent.id, Decimal("10.00"), "USD", "sett-late-p-i")
    again = gateway.refund(intent.id, Decimal("10.00"), "USD", "sett-late-p-i")   # localstripe keeps no keys
    other = gateway.refund(intent.id, Decimal("5.00"), "USD", "sett-late-p-j")
    assert first == again != other
    made = client.v1.refunds.list(params={"payment_intent": intent.id}).data
    assert sorted(r.amount for r in made) == [500, 1000]
