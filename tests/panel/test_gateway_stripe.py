"""Paying by card through the panel's real pay page, in a real browser (QtWebEngine, offscreen), against localstripe.

One panel started with --localstripe serves the module: localstripe is the Stripe API the panel calls, serves
the Stripe.js stand-in the page loads, and sends the panel signed webhooks. The browser stops where the page
sends the buyer back to the client (return_url/cancel_url, where nothing listens): that is where the client's
web view closes. Then the tests read the truth over the API, as the client does, never trusting the page.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import time
import uuid
from decimal import Decimal

import pytest
import requests
import stripe

from tests.panel.gateways import CANCEL_URL, RETURN_URL
from tests.support.browser import Browser
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess
from tests.support.screenshots import screenshot_path

GOOD_CARD = ("4242 4242 4242 4242", "12", "30", "123", "12345")
DECLINED_CARD = ("4000 0000 0000 0341", "12", "30", "123", "12345")
WAIT = 30.0  # seconds; generous for a slow machine, and every wait ends as soon as its condition holds


# -- fixtures (the panel, its shop and the web browser: tests/panel/conftest.py) --------------------------------
@pytest.fixture(scope="module")
def vps(gateway_shop) -> dict:
    return gateway_shop.product(name="Card VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "2.50"}])


@pytest.fixture(scope="module")
def plain_vps(gateway_shop) -> dict:
    return gateway_shop.product(name="Plain VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])


@pytest.fixture
def buyer(gateway_shop) -> Api:
    return gateway_shop.user()


# -- helpers ----------------------------------------------------------------------------------------------------
def buy(user: Api, product: dict, **extra) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "stripe",
            "return_url": RETURN_URL, "cancel_url": CANCEL_URL, **extra}
    bought = user.data("POST", "/billing/checkout", body, expect=201)
    assert bought["payment"]["status"] == "requires_action" and bought["payment"]["checkout_url"]
    return bought


def open_pay_page(web_browser: Browser, checkout_url: str) -> None:
    assert web_browser.load(checkout_url), web_browser.describe()
    web_browser.wait_for_card_form(WAIT)


def pay(web_browser: Browser, card: tuple[str, ...] = GOOD_CARD) -> None:
    web_browser.fill_card(*card)
    web_browser.click("#pay")


def pay_and_return(web_browser: Browser, checkout_url: str, card: tuple[str, ...] = GOOD_CARD) -> str:
    open_pay_page(web_browser, checkout_url)
    pay(web_browser, card)
    return web_browser.wait_for_stop(WAIT)


def get(user: Api, path: str) -> dict:
    return user.data("GET", path, expect=200)


def wait_for(read, accept, timeout: float = WAIT, what: str = "a state"):
    """Poll `read()` until `accept(value)`; the last value is in the failure message."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if accept(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last seen: {value!r}")
        time.sleep(0.2)


def db_rows(panel: PanelProcess, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(f"file:{panel.db_path}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def setting(panel: PanelProcess, key: str):
    (value,), = db_rows(panel, "SELECT value FROM settings WHERE key = ?", key)
    return json.loads(value)


def intent_of(panel: PanelProcess, payment_id: str) -> str | None:
    (ref,), = db_rows(panel, "SELECT gateway_ref FROM payments WHERE id = ?", payment_id)
    return ref


def localstripe(panel: PanelProcess) -> stripe.StripeClient:
    return stripe.StripeClient(setting(panel, "stripe_secret_key"),
                               base_addresses={"api": setting(panel, "stripe_api_base")})


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A Stripe-Signature header as Stripe computes it: HMAC-SHA256 of "<t>.<payload>"."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def post_webhook(panel: PanelProcess, payload: bytes, signature: str | None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    return requests.post(f"{panel.url}/api/billing/webhooks/stripe", data=payload, headers=headers, timeout=30)


def succeeded_event(intent_id: str, payment_id: str, amount_minor: int) -> dict:
    return {"id": f"evt_test{uuid.uuid4().hex[:20]}", "object": "event", "type": "payment_intent.succeeded",
            "created": int(time.time()),
            "data": {"object": {"id": intent_id, "object": "payment_intent", "status": "succeeded",
                                "amount": amount_minor, "currency": "usd", "metadata": {"payment_id": payment_id}}}}


def stripe_payments(invoice: dict) -> list[dict]:
    return [p for p in invoice["payments"] if p["method"] == "stripe"]


def payment_notices(user: Api) -> list[dict]:
    return [n for n in get(user, "/notifications") if n["title"] == "Payment received"]


def assert_paid_once(user: Api, invoice_id: str, total: str) -> dict:
    invoice = get(user, f"/billing/invoices/{invoice_id}")
    assert invoice["status"] == "paid"
    assert (invoice["amount_paid"], invoice["balance_due"]) == (total, "0.00")
    statuses = [p["status"] for p in stripe_payments(invoice)]
    assert statuses.count("succeeded") == 1 and "pending" not in statuses, statuses
    assert len(payment_notices(user)) == 1
    return invoice


# -- a card payment, end to end ---------------------------------------------------------------------------------
def test_card_payment_pays_the_invoice_and_provisions_the_service(buyer, vps, web_browser, tmp_path):
    bought = buy(buyer, vps)
    payment_id, invoice = bought["payment"]["id"], bought["invoice"]
    lines = [line["description"] for line in get(buyer, f"/billing/invoices/{invoice['id']}")["lines"]]
    assert len(lines) == 2  # the monthly price and the setup fee

    open_pay_page(web_browser, bought["payment"]["checkout_url"])
    text = web_browser.body_text()
    assert invoice["invoice_number"] in text
    assert web_browser.text("#amount") == "$12.50 USD"
    for description in lines:
        assert description in text
    assert web_browser.text("#pay") == "Pay $12.50"
    placeholders = web_browser.js("[...document.querySelectorAll('#card input')].map(e => e.placeholder)")
    assert placeholders == ["number", "exp_month", "exp_year", "cvc", "postal_code"]
    assert not [m for m in web_browser.page.console if "Refused" in m], web_browser.describe()  # CSP let Stripe.js in
    web_browser.screenshot(screenshot_path("pay-page-stripe.png", tmp_path))

    pay(web_browser)
    assert web_browser.wait_for_stop(WAIT) == f"{RETURN_URL}?payment={payment_id}"

    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "succeeded"
    paid = assert_paid_once(buyer, invoice["id"], "12.50")
    assert paid["paid_at"]
    order = get(buyer, f"/billing/orders/{bought['order']['id']}")
    assert order["status"] == "active" and len(order["service_ids"]) == 1
    service = get(buyer, f"/billing/services/{order['service_ids'][0]}")
    assert service["status"] == "active"
    assert service["server"] and service["server"]["id"] and service["server"]["name"]


def test_declined_card_shows_stripes_words_and_the_same_page_can_pay_with_another(buyer, plain_vps, web_browser):
    bought = buy(buyer, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    open_pay_page(web_browser, bought["payment"]["checkout_url"])

    pay(web_browser, DECLINED_CARD)
    assert web_browser.wait_for_js("document.getElementById('error').textContent") == "Your card was declined."
    web_browser.wait_for_js("!document.getElementById('pay').disabled")  # the buyer can try again
    assert web_browser.stopped_at is None
    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "pending"
    invoice = get(buyer, f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["amount_paid"], invoice["balance_due"]) == ("pending", "0.00", "10.00")

    pay(web_browser, GOOD_CARD)
    assert web_browser.wait_for_stop(WAIT) == f"{RETURN_URL}?payment={payment_id}"
    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "succeeded"
    assert_paid_once(buyer, invoice_id, "10.00")


def test_credits_pay_part_and_the_card_pays_the_rest(gateway_shop, plain_vps, web_browser):
    buyer = gateway_shop.user(credits="3.00")
    bought = buy(buyer, plain_vps)
    assert bought["payment"]["amount"] == "7.00"

    open_pay_page(web_browser, bought["payment"]["checkout_url"])
    assert web_browser.text("#amount") == "$7.00 USD"
    assert web_browser.text("#pay") == "Pay $7.00"
    pay(web_browser)
    web_browser.wait_for_stop(WAIT)

    invoice = assert_paid_once(buyer, bought["invoice"]["id"], "10.00")
    assert invoice["credits_applied"] == "3.00"
    assert [p["amount"] for p in stripe_payments(invoice)] == ["7.00"]
    assert get(buyer, "/billing/credits")["balance"] == "0.00"


# -- webhooks ---------------------------------------------------------------------------------------------------
def test_webhooks_without_a_good_fresh_signature_are_refused_and_change_nothing(gateway_panel, buyer, plain_vps):
    bought = buy(buyer, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    # Opening the pay page creates the PaymentIntent the event names; nobody pays it.
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200
    intent_id = intent_of(gateway_panel, payment_id)
    assert intent_id and intent_id.startswith("pi_")
    event = succeeded_event(intent_id, payment_id, 1000)
    payload = json.dumps(event).encode()
    secret = setting(gateway_panel, "stripe_webhook_secret")

    refused = {
        "forged": sign(payload, "whsec_" + "0" * 32),
        "missing": None,
        "stale": sign(payload, secret, int(time.time()) - 600),
        "garbled": "t=123,v1=not-a-signature",
        "for another body": sign(payload.replace(b"succeeded", b"SUCCEEDED", 1), secret),
    }
    for case, signature in refused.items():
        response = post_webhook(gateway_panel, payload, signature)
        assert response.status_code == 400, (case, response.text)
        assert response.json()["error"]["message"].startswith("Webhook refused"), case

    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "pending"
    invoice = get(buyer, f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["amount_paid"], invoice["balance_due"]) == ("pending", "0.00", "10.00")
    assert db_rows(gateway_panel, "SELECT id FROM webhook_events WHERE id = ?", event["id"]) == []

    # The same event, rightly signed, is taken: the refusals above were about the signature alone.
    assert post_webhook(gateway_panel, payload, sign(payload, secret)).status_code == 200
    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "succeeded"
    assert_paid_once(buyer, invoice_id, "10.00")


def _received_event_for(panel: PanelProcess, intent_id: str) -> dict | None:
    """localstripe's payment_intent.succeeded event for the intent, once the panel has recorded it."""
    client = localstripe(panel)
    for (event_id,) in db_rows(panel, "SELECT id FROM webhook_events WHERE provider = 'stripe' "
                                      "AND type = 'payment_intent.succeeded'"):
        try:
            event = client.v1.events.retrieve(event_id).to_dict()
        except stripe.InvalidRequestError:
            continue  # an event a test signed itself: localstripe never sent it
        if event["data"]["object"]["id"] == intent_id:
            return event
    return None


def test_localstripes_webhook_arrives_and_replaying_it_pays_once(gateway_panel, buyer, plain_vps, web_browser):
    bought = buy(buyer, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    pay_and_return(web_browser, bought["payment"]["checkout_url"])
    intent_id = intent_of(gateway_panel, payment_id)

    # localstripe signs and sends payment_intent.succeeded about a second after the charge.
    event = wait_for(lambda: _received_event_for(gateway_panel, intent_id), bool, what="localstripe's webhook")
    assert event["data"]["object"]["metadata"]["payment_id"] == payment_id
    assert_paid_once(buyer, invoice_id, "10.00")

    secret = setting(gateway_panel, "stripe_webhook_secret")
    payload = json.dumps(event).encode()
    again = succeeded_event(intent_id, payment_id, 1000)  # a new event id about the same intent
    for body in (payload, payload, json.dumps(again).encode()):
        assert post_webhook(gateway_panel, body, sign(body, secret)).status_code == 200
    assert_paid_once(buyer, invoice_id, "10.00")
    order = get(buyer, f"/billing/orders/{bought['order']['id']}")
    assert len(order["service_ids"]) == 1


def test_webhook_alone_pays_when_the_buyer_never_comes_back(gateway_panel, buyer, plain_vps):
    """Stripe took the money but the window closed before the return page: the webhook pays the invoice."""
    bought = buy(buyer, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200
    intent_id = intent_of(gateway_panel, payment_id)
    client = localstripe(gateway_panel)
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": token.card.id})
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"

    # Only the invoice is read here: GET /billing/payments/{id} would ask Stripe itself.
    wait_for(lambda: get(buyer, f"/billing/invoices/{invoice_id}")["status"], lambda s: s == "paid",
             what="the webhook to pay the invoice")
    assert _received_event_for(gateway_panel, intent_id) is not None
    assert_paid_once(buyer, invoice_id, "10.00")


def test_a_card_payment_that_lands_after_the_invoice_was_settled_becomes_credit(gateway_panel, gateway_shop, plain_vps):
    """The buyer paid with credits in the app while an old pay page was still charging the card: the money
    Stripe took is not lost in a closed invoice, it becomes credit."""
    late = gateway_shop.user()
    bought = buy(late, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200
    intent_id = intent_of(gateway_panel, payment_id)
    gateway_shop.admin.data("POST", f"/admin/users/{late.user['id']}/credits", {"amount": "10.00"}, expect=201)
    late.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"})
    assert get(late, "/billing/credits")["balance"] == "0.00"

    client = localstripe(gateway_panel)
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": token.card.id})
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"

    wait_for(lambda: get(late, "/billing/credits")["balance"], lambda b: b == "10.00",
             what="the late card payment to become credit")
    invoice = get(late, f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["amount_paid"]) == ("paid", "10.00")
    assert get(late, "/billing/credits/transactions")[0]["type"] == "refund"


# -- leaving, links, top-ups ------------------------------------------------------------------------------------
def test_cancel_returns_to_the_client_and_the_invoice_can_be_paid_again(buyer, plain_vps, web_browser):
    bought = buy(buyer, plain_vps)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    open_pay_page(web_browser, bought["payment"]["checkout_url"])
    web_browser.click("#cancel")
    assert web_browser.wait_for_stop(WAIT) == f"{CANCEL_URL}?payment={payment_id}"

    assert get(buyer, f"/billing/payments/{payment_id}")["status"] == "cancelled"
    invoice = get(buyer, f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["balance_due"]) == ("pending", "10.00")
    old_page = requests.get(bought["payment"]["checkout_url"], timeout=30, allow_redirects=False)
    assert old_page.status_code == 410 and "expired" in old_page.text

    again = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay",
                       {"payment_method": "stripe", "return_url": RETURN_URL, "cancel_url": CANCEL_URL})["payment"]
    assert again["id"] != payment_id and again["status"] == "requires_action"
    web_browser.stop_at(RETURN_URL, CANCEL_URL)
    assert pay_and_return(web_browser, again["checkout_url"]) == f"{RETURN_URL}?payment={again['id']}"
    assert get(buyer, f"/billing/payments/{again['id']}")["status"] == "succeeded"
    assert_paid_once(buyer, invoice_id, "10.00")


@pytest.mark.parametrize("query", ["", "?token=", "?token=wrong-token"])
def test_pay_page_without_its_token_is_not_found(gateway_panel, buyer, plain_vps, query):
    bought = buy(buyer, plain_vps)
    page_url = bought["payment"]["checkout_url"].split("?")[0]
    assert requests.get(page_url + query, timeout=30).status_code == 404
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200


def test_credit_top_up_by_card(buyer, web_browser):
    before = Decimal(get(buyer, "/billing/credits")["balance"])
    top_up = buyer.data("POST", "/billing/credits/top-up", {"amount": "20.00", "payment_method": "stripe",
                                                            "return_url": RETURN_URL, "cancel_url": CANCEL_URL},
                        expect=201)
    payment = top_up["payment"]
    assert (payment["status"], payment["amount"]) == ("requires_action", "20.00")

    assert pay_and_return(web_browser, payment["checkout_url"]) == f"{RETURN_URL}?payment={payment['id']}"
    assert get(buyer, f"/billing/payments/{payment['id']}")["status"] == "succeeded"
    assert Decimal(get(buyer, "/billing/credits")["balance"]) == before + Decimal("20.00")
    top_ups = [t for t in get(buyer, "/billing/credits/transactions") if t["type"] == "top_up"]
    assert [(t["amount"], t["invoice_id"]) for t in top_ups] == [("20.00", top_up["invoice"]["id"])]


def test_pay_page_shows_how_the_lines_become_the_amount_due(fresh_panel):
    """Discount, tax and credits already applied are on the page, so the amount asked for adds up."""
    proc = fresh_panel(extra_args=["--localstripe"])
    shop = Shop(admin_of(proc))
    shop.settings(tax_enabled=True, tax_rate="20")
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0"}])
    coupon = shop.coupon(type="fixed", value="2.00")
    user = shop.user(credits="3.00")
    bought = user.data("POST", "/billing/checkout", {
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "coupon_code": coupon["code"],
        "payment_method": "stripe", "return_url": RETURN_URL, "cancel_url": CANCEL_URL}, expect=201)
    page = requests.get(bought["payment"]["checkout_url"], timeout=30)

    text = " ".join(page.text.split())
    # 10.00 - 2.00 discount = 8.00, + 20% tax 1.60 = 9.60, less 3.00 of credits = 6.60 due
    for shown in ("$10.00", "Discount", "−$2.00", "Tax (20%)", "$1.60", "Already paid (credits)", "−$3.00",
                  "$6.60 USD"):
        assert shown in text, shown
    # localstripe stands in for Stripe here: the page says so, and how its form wants the card
    assert "Test payments." in text and "4242 4242 4242 4242" in text and "year in two digits" in text
