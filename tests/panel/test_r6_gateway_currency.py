"""Money at the gateways in the invoice's own currency: Stripe counts each currency in its own minor unit (JPY in
whole yen, KWD in fils), whatever places the panel writes amounts with, both ways (asked, refunded, read back); and
a gateway payment that arrives after its invoice was closed becomes credit only when the invoice is in the credits'
currency; in another one it goes back to the gateway and the balance is left alone. Real panels with localstripe."""
from __future__ import annotations

import json
import sqlite3

import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, paid_with_credits
from tests.panel.test_gateway_stripe import (
    intent_of,
    localstripe,
    post_webhook,
    setting,
    sign,
    succeeded_event,
    wait_for,
)
from tests.panel.test_order_cancel import approve_at_sandbox
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess
from tests.support.paypal_stub import PayPalStub


def shop_in(fresh_panel, code: str, symbol: str, price: str) -> tuple[PanelProcess, Shop, dict]:
    proc = fresh_panel(extra_args=["--localstripe"])
    shop = Shop(admin_of(proc))
    shop.settings(currency_code=code, currency_symbol=symbol, paypal_enabled=True)
    return proc, shop, shop.product(pricing=[{"billing_cycle": "monthly", "price": price, "setup_fee": "0.00"}])


def order(buyer: Api, product: dict, method: str = "stripe") -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": method,
            "use_credits": False, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def open_page(payment: dict) -> requests.Response:
    return requests.get(payment["checkout_url"], timeout=30)


def pay_intent_at_stripe(proc: PanelProcess, payment_id: str) -> str:
    """The buyer's card confirmed at Stripe (localstripe), which then sends the panel its signed webhook."""
    client = localstripe(proc)
    intent_id = intent_of(proc, payment_id)
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": token.card.id})
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"
    return intent_id


def test_a_yen_invoice_is_asked_refunded_and_read_back_in_whole_yen(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "JPY", "¥", "1000.00")  # the panel keeps its 2 places
    buyer = shop.user()
    bought = order(buyer, product)
    assert open_page(bought["payment"]).status_code == 200
    client = localstripe(proc)
    intent = client.v1.payment_intents.retrieve(intent_of(proc, bought["payment"]["id"]))
    assert (intent.currency, intent.amount) == ("jpy", 1000)  # was 100000: a hundred times the price

    # Stripe's word is read back in yen too: its webhook for ¥1000 pays the 1000.00 JPY invoice
    pay_intent_at_stripe(proc, bought["payment"]["id"])
    invoice_id = bought["invoice"]["id"]
    wait_for(lambda: buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"], lambda s: s == "paid",
             what="localstripe's webhook to pay the invoice")

    refunded = shop.admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "gateway"})
    (back,) = [p for p in refunded["payments"] if p["status"] == "refunded" and p["amount"].startswith("-")]
    assert back["amount"] == "-1000.00"
    stripe_refund = client.v1.refunds.retrieve(back["reference"])
    assert (stripe_refund.amount, stripe_refund.currency) == (1000, "jpy")


def test_an_intent_for_another_amount_or_currency_pays_nothing(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "JPY", "¥", "1000.00")
    buyer = shop.user()
    bought = order(buyer, product)
    assert open_page(bought["payment"]).status_code == 200
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    intent_id = intent_of(proc, payment_id)
    secret = setting(proc, "stripe_webhook_secret")

    def event(amount: int, currency: str) -> int:
        body = succeeded_event(intent_id, payment_id, amount)
        body["data"]["object"]["currency"] = currency
        payload = json.dumps(body).encode()
        return post_webhook(proc, payload, sign(payload, secret)).status_code

    assert event(10, "jpy") == 200  # ¥10 is not the ¥1000 asked
    assert event(1000, "usd") == 200  # $10 is not yen
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "pending"
    assert buyer.data("GET", f"/billing/payments/{payment_id}")["status"] == "pending"
    assert event(1000, "jpy") == 200
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "paid"


def test_a_kuwaiti_dinar_invoice_is_asked_in_fils(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "KWD", "KD", "10.25")
    bought = order(shop.user(), product)
    assert open_page(bought["payment"]).status_code == 200
    intent = localstripe(proc).v1.payment_intents.retrieve(intent_of(proc, bought["payment"]["id"]))
    assert (intent.currency, intent.amount) == ("kwd", 10250)


def test_an_amount_stripe_cannot_take_exactly_is_refused_not_rounded(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "JPY", "¥", "1000.50")
    bought = order(shop.user(), product)
    page = open_page(bought["payment"])
    assert page.status_code == 502
    assert "JPY in whole units" in page.text and "1000.50 JPY" in page.text and "Nothing was charged" in page.text
    assert intent_of(proc, bought["payment"]["id"]) is None


def test_a_late_payment_in_another_currency_goes_back_to_stripe_and_credits_stay(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "USD", "$", "10.00")
    buyer = shop.user()
    bought = order(buyer, product)
    card, invoice_id = bought["payment"], bought["invoice"]["id"]
    assert open_page(card).status_code == 200  # the card form is open, its PaymentIntent made
    shop.settings(currency_code="EUR", currency_symbol="€")
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "5.00", "note": "t"}, expect=201)

    # the invoice is paid by PayPal meanwhile; then the card form left open is paid too
    paypal = buyer.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "paypal", **URLS})
    assert approve_at_sandbox(paypal).status_code == 303
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "paid"
    intent_id = pay_intent_at_stripe(proc, card["id"])

    wait_for(lambda: buyer.data("GET", f"/billing/payments/{card['id']}")["status"], lambda s: s == "refunded",
             what="the late card payment to be returned")
    credits = buyer.data("GET", "/billing/credits")
    assert (credits["balance"], credits["currency"]) == ("5.00", "EUR")  # never 15.00 "EUR"
    assert [t["type"] for t in buyer.data("GET", "/billing/credits/transactions")] == ["adjustment"]
    invoice = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    assert (invoice["status"], invoice["amount_paid"]) == ("paid", "10.00")
    (back,) = [p for p in invoice["payments"] if p["amount"] == "-10.00"]
    assert (back["method"], back["status"]) == ("stripe", "refunded")
    refunds = localstripe(proc).v1.refunds.retrieve(back["reference"])
    assert (refunds.amount, refunds.currency, refunds.payment_intent) == (1000, "usd", intent_id)
    notes = [n for n in buyer.data("GET", "/notifications") if n["title"] == "Payment returned"]
    assert len(notes) == 1 and "10.00 USD" in notes[0]["message"]

    # the same event again changes nothing
    payload = json.dumps(succeeded_event(intent_id, card["id"], 1000)).encode()
    assert post_webhook(proc, payload, sign(payload, setting(proc, "stripe_webhook_secret"))).status_code == 200
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}") == invoice
    assert buyer.data("GET", "/billing/credits")["balance"] == "5.00"


def test_a_late_payment_the_gateway_will_not_refund_is_left_to_the_operator(fresh_panel):
    proc, shop, product = shop_in(fresh_panel, "USD", "$", "10.00")
    buyer = shop.user()
    bought = order(buyer, product)
    card, invoice_id = bought["payment"], bought["invoice"]["id"]
    assert open_page(card).status_code == 200
    intent_id = intent_of(proc, card["id"])
    shop.settings(currency_code="EUR", currency_symbol="€")
    # cancelled by its buyer: the panel cancels the intent at Stripe, which will then refund nothing of it
    buyer.data("POST", f"/billing/orders/{bought['order']['id']}/cancel", expect=200)

    # a success Stripe reports anyway (a confirmation racing the cancel)
    payload = json.dumps(succeeded_event(intent_id, card["id"], 1000)).encode()
    assert post_webhook(proc, payload, sign(payload, setting(proc, "stripe_webhook_secret"))).status_code == 200

    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    assert buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"] == "cancelled"
    notes = [n for n in shop.admin.data("GET", "/notifications") if n["title"] == "Payment to return by hand"]
    assert len(notes) == 1, notes
    assert "10.00 USD" in notes[0]["message"] and "invoice" in notes[0]["message"]


# -- refunds of an invoice in another currency than the credits', part paid with credits ---------------------------
def paid_in_pounds_partly_with_credits(fresh_panel) -> tuple[PanelProcess, Shop, Api, dict]:
    """An invoice of 10.00, 4.00 of it paid with credits and 6.00 on PayPal's sandbox page, that is in GBP while
    credits are in USD (written into the database: the panel refuses a new currency while its service renews)."""
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user(credits="4.00")
    bought = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                 "billing_cycle": "monthly"}],
                                                      "payment_method": "paypal", **URLS}, expect=201)
    assert bought["invoice"]["credits_applied"] == "4.00"
    assert approve_at_sandbox(bought["payment"]).status_code == 303
    with sqlite3.connect(proc.db_path) as conn:
        conn.execute("UPDATE invoices SET currency = 'GBP' WHERE id = ?", (bought["invoice"]["id"],))
    conn.close()
    return proc, shop, buyer, buyer.data("GET", f"/billing/invoices/{bought['invoice']['id']}")


def test_such_an_invoice_is_refused_until_the_operator_names_what_its_credits_part_comes_back_as(fresh_panel):
    _, shop, buyer, invoice = paid_in_pounds_partly_with_credits(fresh_panel)
    path = f"/admin/billing/invoices/{invoice['id']}/refund"
    error = assert_error(shop.admin.post(path, {"to": "gateway"}), 422, "validation_error")
    (message,) = error["details"]["credits_refund"]
    assert "4.00 GBP" in message and "USD" in message and "send credits_refund" in message
    error = assert_error(shop.admin.post(path, {"to": "credits"}), 422, "validation_error")
    assert "to: gateway" in error["details"]["to"][0]
    for bad, words in (("-1.00", "negative"), ("1.001", "decimal places"), ("abc", "decimal amount")):
        error = assert_error(shop.admin.post(path, {"to": "gateway", "credits_refund": bad}), 422, "validation_error")
        assert words in error["details"]["credits_refund"][0], error
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}") == invoice
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"


def test_its_gateway_part_goes_back_to_the_gateway_and_its_credits_part_as_the_amount_named(fresh_panel):
    _, shop, buyer, invoice = paid_in_pounds_partly_with_credits(fresh_panel)
    back = shop.admin.data("POST", f"/admin/billing/invoices/{invoice['id']}/refund",
                           {"to": "gateway", "credits_refund": "5.10"})
    assert (back["status"], back["amount_paid"]) == ("refunded", "10.00")
    returned = {p["method"]: p for p in back["payments"] if p["amount"].startswith("-")}
    assert returned["paypal"]["amount"] == "-6.00" and returned["paypal"]["reference"].startswith("SANDBOX-REFUND")
    assert returned["credits"]["amount"] == "-4.00" and "as 5.10 USD" in returned["credits"]["reference"]
    assert buyer.data("GET", "/billing/credits")["balance"] == "5.10"
    (tx, *_) = buyer.data("GET", "/billing/credits/transactions")
    assert (tx["type"], tx["amount"]) == ("refund", "5.10") and "4.00 GBP paid with credits as 5.10 USD" in tx["note"]
    note = next(n for n in buyer.data("GET", "/notifications") if n["title"] == "Refund issued")
    assert "4.00 GBP" in note["message"] and "5.10 USD" in note["message"]


def test_credits_refund_is_refused_where_credits_can_simply_be_returned(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user(credits="10.00")
    bought = paid_with_credits(buyer, product)
    path = f"/admin/billing/invoices/{bought['invoice']['id']}/refund"
    error = assert_error(shop.admin.post(path, {"to": "credits", "credits_refund": "10.00"}), 422,
                         "validation_error")
    assert "leave it out" in error["details"]["credits_refund"][0]
    assert shop.admin.data("POST", path, {"to": "credits"})["status"] == "refunded"
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.00"


def test_each_invoice_a_payment_for_several_paid_in_another_currency_gets_its_share_back_at_the_gateway(
        fresh_panel):
    """Refunded to credits it would be relabelled, and to the gateway a shared payment was refused ("refund it to
    credits"): such an invoice could not be refunded at all. Its share goes back to the gateway alone."""
    proc, shop, product = shop_in(fresh_panel, "USD", "$", "10.00")
    buyer = shop.user()
    ids = [order(buyer, product)["invoice"]["id"] for _ in range(2)]
    shop.settings(currency_code="EUR", currency_symbol="€")
    both = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "stripe", **URLS})
    assert open_page(both["payment"]).status_code == 200
    pay_intent_at_stripe(proc, both["payment"]["id"])
    for invoice_id in ids:
        wait_for(lambda i=invoice_id: buyer.data("GET", f"/billing/invoices/{i}")["status"],
                 lambda s: s == "paid", what="the webhook to pay both invoices")

    client, seen = localstripe(proc), []
    for invoice_id in ids:
        error = assert_error(shop.admin.post(f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"}),
                             422, "validation_error")
        assert "to: gateway" in error["message"]
        back = shop.admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "gateway"})
        (returned,) = [p for p in back["payments"] if p["amount"].startswith("-")]
        assert (back["status"], returned["amount"], returned["method"]) == ("refunded", "-10.00", "stripe")
        refund = client.v1.refunds.retrieve(returned["reference"])
        assert (refund.amount, refund.currency) == (1000, "usd")
        seen.append(refund.id)
        if invoice_id == ids[0]:  # the shared payment still pays the other one
            other = buyer.data("GET", f"/billing/invoices/{ids[1]}")
            assert [p["status"] for p in other["payments"] if p["status"] != "cancelled"] == ["succeeded"]
    assert len(set(seen)) == 2  # two refunds of 10.00, not the first one answered again
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"


def test_a_late_paypal_capture_in_another_currency_is_refunded_to_the_capture(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user()
    with PayPalStub() as paypal:
        shop.settings(**paypal.settings())
        placed = order(buyer, product, "paypal")
        payment = placed["payment"]
        assert requests.get(payment["checkout_url"], allow_redirects=False, timeout=30).status_code == 303
        paypal_order = paypal.order_for(payment["id"])
        paypal.approve(paypal_order.id)
        shop.settings(currency_code="EUR", currency_symbol="€")
        buyer.data("POST", f"/billing/orders/{placed['order']['id']}/cancel", expect=200)
        # captured at PayPal all the same (the buyer's return raced the cancel), and PayPal says so by webhook
        token = requests.post(paypal.url + "/v1/oauth2/token", auth=(paypal.client_id, paypal.client_secret),
                              data={"grant_type": "client_credentials"}, timeout=30).json()["access_token"]
        captured = requests.post(f"{paypal.url}/v2/checkout/orders/{paypal_order.id}/capture", json={},
                                 headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert captured.status_code == 201, captured.text
        event = paypal.capture_completed_event(payment["id"], paypal_order.id, paypal_order.capture_id, "10.00")
        sent = requests.post(proc.url + "/api/billing/webhooks/paypal", data=json.dumps(event).encode(),
                             headers=paypal.webhook_headers(), timeout=30)
        assert sent.status_code == 200, sent.text

        (refund,) = paypal.received("POST", r"/v2/payments/captures/.*/refund")
        assert refund.path == f"/v2/payments/captures/{paypal_order.capture_id}/refund"
        assert refund.body == {"amount": {"currency_code": "USD", "value": "10.00"}}
        assert refund.header("paypal-request-id") == f"sett-late-{payment['id']}-{placed['invoice']['id']}"
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "refunded"
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    assert invoice["status"] == "cancelled"
    assert [p["amount"] for p in invoice["payments"] if p["amount"].startswith("-")] == ["-10.00"]


def test_an_invoice_in_another_currency_paid_by_credits_alone_is_refunded_to_credits_as_the_amount_named(
        fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = shop.user(credits="10.00")
    bought = paid_with_credits(buyer, product)
    with sqlite3.connect(proc.db_path) as conn:
        conn.execute("UPDATE invoices SET currency = 'GBP' WHERE id = ?", (bought["invoice"]["id"],))
    conn.close()
    path = f"/admin/billing/invoices/{bought['invoice']['id']}/refund"
    error = assert_error(shop.admin.post(path, {"to": "credits"}), 422, "validation_error")
    assert "10.00 GBP" in error["details"]["credits_refund"][0]
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    back = shop.admin.data("POST", path, {"to": "credits", "credits_refund": "0"})
    assert back["status"] == "refunded" and buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    (returned,) = [p for p in back["payments"] if p["amount"].startswith("-")]
    assert returned["amount"] == "-10.00" and "as 0.00 USD" in returned["reference"]
