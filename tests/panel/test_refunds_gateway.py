"""Admin refunds over real HTTP, with Stripe served by localstripe and PayPal by its sandbox page or a stand-in.

A refund to the gateway gives back what each gateway took (credits paid go back to credits), a refund to credits
gives back everything as credit; either way the invoice is refunded and what it bought ends. What the gateways
were asked is read back from them, not taken from the panel's word.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.panel.gateways import balance, buy, invoice_of, pay_at_paypal, refund, top_up
from tests.panel.helpers import assert_error
from tests.support.panel import Api, PanelProcess
from tests.support.paypal_stub import PayPalStub

PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"}]
STRIPE_SECRET = "sk_test_localstripe"


# the panel (localstripe beside it), its admin and shop, the PayPal stand-in and the browser: conftest.py
@pytest.fixture(scope="module")
def stripe_url(gateway_admin) -> str:
    url = gateway_admin.data("GET", "/admin/billing/settings")["stripe_api_base"]
    assert url.startswith("http://127.0.0.1:")
    return url


@pytest.fixture(scope="module")
def product(gateway_shop) -> dict:
    return gateway_shop.product(name="Refund VPS", pricing=PRICING)


def pay_with_stripe(browser: requests.Session, proc: PanelProcess, stripe_url: str, payment: dict) -> str:
    """Pay a Stripe payment as the pay page would, with the test card; returns the PaymentIntent id."""
    page = browser.get(payment["checkout_url"], timeout=60)  # creates the PaymentIntent
    assert page.status_code == 200, page.text
    card = browser.post(f"{stripe_url}/v1/tokens", timeout=30, data={
        "card[number]": "4242424242424242", "card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123",
        "key": "pk_test_localstripe"})
    assert card.status_code == 200, card.text
    token = parse_qs(urlsplit(payment["checkout_url"]).query)["token"][0]
    confirmed = browser.post(f"{proc.url}/pay/{payment['id']}/stripe/confirm", timeout=60,
                             json={"token": token, "card_id": card.json()["card"]["id"]})
    assert confirmed.json() == {"status": "succeeded"}, confirmed.text
    intents = stripe_get(stripe_url, "/v1/payment_intents", params={"limit": 100})["data"]
    (intent,) = [i for i in intents if i["metadata"].get("payment_id") == payment["id"]]
    assert intent["status"] == "succeeded"
    return intent["id"]


def stripe_get(stripe_url: str, path: str, **kw) -> dict:
    response = requests.get(stripe_url + path, auth=(STRIPE_SECRET, ""), timeout=30, **kw)
    assert response.status_code == 200, response.text
    return response.json()


def stripe_refunds(stripe_url: str, intent_id: str) -> list[dict]:
    return stripe_get(stripe_url, "/v1/refunds", params={"payment_intent": intent_id})["data"]


def credit_refunds(buyer: Api) -> list[str]:
    return [t["amount"] for t in buyer.data("GET", "/billing/credits/transactions") if t["type"] == "refund"]


def ended(buyer: Api, placed: dict) -> tuple[str, str, str]:
    service = buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")
    order = buyer.data("GET", f"/billing/orders/{placed['order']['id']}")
    return order["status"], service["status"], service["server"]["status"]


def refund_rows(invoice: dict) -> list[tuple[str, str, str]]:
    return sorted((p["method"], p["amount"], p["status"]) for p in invoice["payments"] if p["amount"].startswith("-"))


# -- Stripe ----------------------------------------------------------------------------------------------------
def test_refund_to_stripe_gives_the_card_its_money_back_and_ends_the_service(gateway_shop, gateway_admin, gateway_panel,
                                                                             stripe_url, product, browser):
    buyer = gateway_shop.user()
    placed = buy(buyer, product, "stripe")
    intent_id = pay_with_stripe(browser, gateway_panel, stripe_url, placed["payment"])
    invoice_id = placed["invoice"]["id"]
    assert invoice_of(buyer, invoice_id)["status"] == "paid"
    assert ended(buyer, placed) == ("active", "active", "running")

    answer = refund(gateway_admin, invoice_id, "gateway")
    assert answer.status_code == 200, answer.text
    assert answer.json()["data"]["status"] == "refunded"
    invoice = invoice_of(buyer, invoice_id)
    assert invoice["status"] == "refunded"
    (back,) = [p for p in invoice["payments"] if p["amount"].startswith("-")]
    assert (back["method"], back["amount"], back["status"]) == ("stripe", "-15.00", "refunded")
    assert back["reference"].startswith("re_")
    original = [p for p in invoice["payments"] if p["id"] == placed["payment"]["id"]]
    assert original[0]["status"] == "refunded"
    assert ended(buyer, placed) == ("refunded", "cancelled", "terminated")

    # Stripe holds exactly that refund, of the whole 15.00 (in cents), for this PaymentIntent
    (at_stripe,) = stripe_refunds(stripe_url, intent_id)
    assert (at_stripe["id"], at_stripe["amount"], at_stripe["status"]) == (back["reference"], 1500, "succeeded")
    assert balance(buyer) == "0.00" and credit_refunds(buyer) == []
    titles = [n["title"] for n in buyer.data("GET", "/notifications")]
    assert "Refund issued" in titles

    # a refunded invoice is not refunded again, and Stripe is not asked twice
    assert_error(refund(gateway_admin, invoice_id, "gateway"), 409, "invoice_not_refundable")
    assert_error(refund(gateway_admin, invoice_id, "credits"), 409, "invoice_not_refundable")
    assert len(stripe_refunds(stripe_url, intent_id)) == 1 and balance(buyer) == "0.00"


def test_mixed_credits_and_stripe_payment_goes_back_where_it_came_from(gateway_shop, gateway_admin, gateway_panel,
                                                                       stripe_url, product, browser):
    buyer = gateway_shop.user(credits="4.00")
    placed = buy(buyer, product, "stripe")
    assert placed["payment"]["amount"] == "11.00"  # 4.00 of the 15.00 came from credits
    intent_id = pay_with_stripe(browser, gateway_panel, stripe_url, placed["payment"])
    invoice_id = placed["invoice"]["id"]
    assert balance(buyer) == "0.00" and invoice_of(buyer, invoice_id)["status"] == "paid"

    assert refund(gateway_admin, invoice_id, "gateway").status_code == 200
    invoice = invoice_of(buyer, invoice_id)
    assert invoice["status"] == "refunded"
    assert refund_rows(invoice) == [("credits", "-4.00", "refunded"), ("stripe", "-11.00", "refunded")]
    assert balance(buyer) == "4.00" and credit_refunds(buyer) == ["4.00"]
    (at_stripe,) = stripe_refunds(stripe_url, intent_id)
    assert at_stripe["amount"] == 1100
    assert ended(buyer, placed) == ("refunded", "cancelled", "terminated")


def test_refund_to_credits_of_a_stripe_payment_gives_it_all_as_credit(gateway_shop, gateway_admin, gateway_panel,
                                                                      stripe_url, product, browser):
    buyer = gateway_shop.user(credits="4.00")
    placed = buy(buyer, product, "stripe")
    intent_id = pay_with_stripe(browser, gateway_panel, stripe_url, placed["payment"])
    invoice_id = placed["invoice"]["id"]

    assert refund(gateway_admin, invoice_id, "credits").status_code == 200
    invoice = invoice_of(buyer, invoice_id)
    assert invoice["status"] == "refunded"
    assert refund_rows(invoice) == [("credits", "-15.00", "refunded")]
    assert balance(buyer) == "15.00" and credit_refunds(buyer) == ["15.00"]
    assert stripe_refunds(stripe_url, intent_id) == []  # the card is not refunded as well
    assert ended(buyer, placed) == ("refunded", "cancelled", "terminated")


def test_refunding_a_top_up_to_stripe_takes_the_bought_credit_back(gateway_shop, gateway_admin, gateway_panel,
                                                                   stripe_url, browser):
    buyer = gateway_shop.user()
    bought = top_up(buyer, "20.00")
    intent_id = pay_with_stripe(browser, gateway_panel, stripe_url, bought["payment"])
    assert balance(buyer) == "20.00"

    assert refund(gateway_admin, bought["invoice"]["id"], "gateway").status_code == 200
    assert invoice_of(buyer, bought["invoice"]["id"])["status"] == "refunded"
    assert balance(buyer) == "0.00" and credit_refunds(buyer) == ["-20.00"]
    (at_stripe,) = stripe_refunds(stripe_url, intent_id)
    assert at_stripe["amount"] == 2000


def test_a_top_up_whose_credit_was_spent_is_not_refunded(gateway_shop, gateway_admin, gateway_panel, stripe_url,
                                                         product, browser):
    buyer = gateway_shop.user()
    bought = top_up(buyer, "20.00")
    intent_id = pay_with_stripe(browser, gateway_panel, stripe_url, bought["payment"])
    spent = buy(buyer, product, "credits")  # 15.00 of the 20.00
    assert spent["invoice"]["status"] == "paid" and balance(buyer) == "5.00"
    before = (invoice_of(buyer, bought["invoice"]["id"]), buyer.data("GET", "/billing/credits/transactions"))

    refused = assert_error(refund(gateway_admin, bought["invoice"]["id"], "gateway"), 409, "insufficient_credits")
    assert "spent" in refused["message"]
    after = (invoice_of(buyer, bought["invoice"]["id"]), buyer.data("GET", "/billing/credits/transactions"))
    assert after == before and after[0]["status"] == "paid" and balance(buyer) == "5.00"
    assert stripe_refunds(stripe_url, intent_id) == []


def test_an_unpaid_invoice_cannot_be_refunded(gateway_shop, gateway_admin, product):
    buyer = gateway_shop.user(credits="3.00")
    placed = buy(buyer, product, "stripe")
    invoice_id = placed["invoice"]["id"]
    before = (invoice_of(buyer, invoice_id), balance(buyer))
    for to in ("gateway", "credits"):
        refused = assert_error(refund(gateway_admin, invoice_id, to), 409, "invoice_not_refundable")
        assert "pending" in refused["message"]
    assert (invoice_of(buyer, invoice_id), balance(buyer)) == before
    assert buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")["status"] == "pending"
    assert_error(refund(gateway_admin, "no-such-invoice", "gateway"), 404, "not_found")


# -- PayPal ----------------------------------------------------------------------------------------------------
SANDBOX = {"paypal_enabled": True, "paypal_client_id": "", "paypal_client_secret": "", "paypal_api_base": ""}


def pay_on_sandbox_page(browser, proc: PanelProcess, payment: dict) -> None:
    page = browser.get(payment["checkout_url"], timeout=30)
    assert page.status_code == 200 and "sandbox" in page.text.lower()
    token = parse_qs(urlsplit(payment["checkout_url"]).query)["token"][0]
    approved = browser.post(f"{proc.url}/pay/{payment['id']}/paypal/approve", data={"token": token},
                            allow_redirects=False, timeout=30)
    assert approved.status_code == 303, approved.text


def test_refund_of_a_paypal_sandbox_payment_is_recorded(gateway_shop, gateway_admin, gateway_panel, product, browser):
    gateway_shop.settings(**SANDBOX)
    buyer = gateway_shop.user()
    placed = buy(buyer, product, "paypal")
    pay_on_sandbox_page(browser, gateway_panel, placed["payment"])
    assert invoice_of(buyer, placed["invoice"]["id"])["status"] == "paid"

    assert refund(gateway_admin, placed["invoice"]["id"], "gateway").status_code == 200
    invoice = invoice_of(buyer, placed["invoice"]["id"])
    assert invoice["status"] == "refunded"
    (back,) = [p for p in invoice["payments"] if p["amount"].startswith("-")]
    assert (back["method"], back["amount"], back["status"]) == ("paypal", "-15.00", "refunded")
    assert back["reference"].startswith("SANDBOX-REFUND-")
    assert balance(buyer) == "0.00"
    assert ended(buyer, placed) == ("refunded", "cancelled", "terminated")


def test_refund_of_a_paypal_payment_asks_paypal_to_refund_the_capture(gateway_shop, gateway_admin, product, browser,
                                                                      paypal):
    buyer = gateway_shop.user(credits="2.50")
    placed = buy(buyer, product, "paypal")
    assert placed["payment"]["amount"] == "12.50"
    pay_at_paypal(browser, placed["payment"])
    assert invoice_of(buyer, placed["invoice"]["id"])["status"] == "paid"
    order = paypal.order_for(placed["payment"]["id"])

    answer = refund(gateway_admin, placed["invoice"]["id"], "gateway")
    assert answer.status_code == 200, answer.text
    (call,) = paypal.received("POST", r"/v2/payments/captures/.*/refund")
    assert call.path == f"/v2/payments/captures/{order.capture_id}/refund"
    assert call.body == {"amount": {"currency_code": "USD", "value": "12.50"}}
    assert call.header("authorization").startswith("Bearer ") and call.header("paypal-request-id")
    (at_paypal,) = order.refunds
    invoice = invoice_of(buyer, placed["invoice"]["id"])
    assert invoice["status"] == "refunded"
    assert refund_rows(invoice) == [("credits", "-2.50", "refunded"), ("paypal", "-12.50", "refunded")]
    (paypal_back,) = [p for p in invoice["payments"] if p["method"] == "paypal" and p["amount"] == "-12.50"]
    assert paypal_back["reference"] == at_paypal["id"]
    assert balance(buyer) == "2.50" and credit_refunds(buyer) == ["2.50"]
    assert ended(buyer, placed) == ("refunded", "cancelled", "terminated")


def test_a_refund_paypal_refuses_changes_nothing(gateway_shop, gateway_admin, product, browser, paypal):
    buyer = gateway_shop.user()
    placed = buy(buyer, product, "paypal")
    pay_at_paypal(browser, placed["payment"])
    before = invoice_of(buyer, placed["invoice"]["id"])
    assert before["status"] == "paid"

    paypal.fail("refund", status=500, body="<html>down</html>")
    assert_error(refund(gateway_admin, placed["invoice"]["id"], "gateway"), 502, "gateway_error")
    assert invoice_of(buyer, placed["invoice"]["id"]) == before
    assert ended(buyer, placed) == ("active", "active", "running")
    assert paypal.order_for(placed["payment"]["id"]).refunds == []


def test_retrying_a_refund_whose_answer_was_lost_completes_it_once(gateway_shop, gateway_admin, product, browser,
                                                                   paypal):
    buyer = gateway_shop.user()
    placed = buy(buyer, product, "paypal")
    pay_at_paypal(browser, placed["payment"])
    order = paypal.order_for(placed["payment"]["id"])
    paypal.fail("refund", status=504, body="<html>Gateway Timeout</html>", after=True)  # refunded, answer lost
    assert_error(refund(gateway_admin, placed["invoice"]["id"], "gateway"), 502, "gateway_error")
    assert len(order.refunds) == 1 and invoice_of(buyer, placed["invoice"]["id"])["status"] == "paid"

    paypal.recover()
    assert refund(gateway_admin, placed["invoice"]["id"], "gateway").status_code == 200
    assert len(order.refunds) == 1  # PayPal answered the first refund again: the buyer is not refunded twice
    calls = paypal.received("POST", r"/v2/payments/captures/.*/refund")
    assert len(calls) == 2 and calls[0].header("paypal-request-id") == calls[1].header("paypal-request-id")
    invoice = invoice_of(buyer, placed["invoice"]["id"])
    assert invoice["status"] == "refunded"
    (back,) = [p for p in invoice["payments"] if p["amount"].startswith("-")]
    assert (back["amount"], back["reference"]) == ("-15.00", order.refunds[0]["id"])


def test_a_paypal_refund_goes_the_way_the_payment_was_made(gateway_shop, gateway_admin, gateway_panel, product,
                                                           browser):
    """Configuring or removing PayPal credentials later does not change how an earlier payment is refunded."""
    gateway_shop.settings(**SANDBOX)
    buyer = gateway_shop.user()
    on_sandbox = buy(buyer, product, "paypal")
    pay_on_sandbox_page(browser, gateway_panel, on_sandbox["payment"])
    with PayPalStub() as paypal:
        gateway_shop.settings(**paypal.settings())
        at_paypal = buy(buyer, product, "paypal")
        pay_at_paypal(browser, at_paypal["payment"])

        # the sandbox payment is refunded on the sandbox: PayPal never heard of it
        assert refund(gateway_admin, on_sandbox["invoice"]["id"], "gateway").status_code == 200
        assert paypal.received("POST", r"/v2/payments/captures/.*/refund") == []
        (back,) = [p for p in invoice_of(buyer, on_sandbox["invoice"]["id"])["payments"]
                   if p["amount"].startswith("-")]
        assert back["reference"].startswith("SANDBOX-REFUND-")

    # real money taken by PayPal is not "refunded" on the sandbox once the credentials are gone
    gateway_shop.settings(**SANDBOX)
    before = invoice_of(buyer, at_paypal["invoice"]["id"])
    refused = assert_error(refund(gateway_admin, at_paypal["invoice"]["id"], "gateway"), 502, "gateway_error")
    assert "credentials" in refused["message"]
    assert invoice_of(buyer, at_paypal["invoice"]["id"]) == before and before["status"] == "paid"
