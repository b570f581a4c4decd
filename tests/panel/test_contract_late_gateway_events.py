"""A gateway's word that a payment succeeded counts once, also after the payment was refunded.

The contract: "`payment_intent.succeeded` (webhook ...) or a direct PaymentIntent read marks the invoice paid,
once", and "a repeated event changes nothing". A webhook is often delivered after the page's own confirmation has
already paid the invoice; if an operator refunded the invoice in between, the late event found a payment that was
no longer `succeeded` (it was `refunded`), counted it again and kept the money as credit: the buyer had the refund
and the same amount again as credit.
"""
from __future__ import annotations

import json

import requests

from tests.panel.test_gateway_stripe import (
    intent_of,
    localstripe,
    post_webhook,
    setting,
    sign,
    succeeded_event,
    wait_for,
)


def test_a_succeeded_event_arriving_after_a_refund_changes_nothing(gateway_panel, gateway_shop):
    product = gateway_shop.product(name="Refunded VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = gateway_shop.user()
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "stripe",
            "return_url": "http://127.0.0.1:9/return", "cancel_url": "http://127.0.0.1:9/cancel"}
    bought = buyer.data("POST", "/billing/checkout", body, expect=201)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200  # opens the intent
    intent_id = intent_of(gateway_panel, payment_id)
    client = localstripe(gateway_panel)
    token = client.v1.tokens.create(params={"card": {"number": "4242424242424242", "exp_month": "12",
                                                     "exp_year": "2030", "cvc": "123"}})
    client.v1.payment_intents.update(intent_id, params={"payment_method": token.card.id})
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"
    wait_for(lambda: buyer.data("GET", f"/billing/invoices/{invoice_id}")["status"], lambda s: s == "paid",
             what="localstripe's webhook to pay the invoice")

    refunded = gateway_shop.admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"})
    assert refunded["status"] == "refunded"
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.00"
    before = buyer.data("GET", f"/billing/invoices/{invoice_id}")

    # The same payment reported succeeded once more (a webhook delivered late, under an event id not seen yet).
    payload = json.dumps(succeeded_event(intent_id, payment_id, 1000)).encode()
    secret = setting(gateway_panel, "stripe_webhook_secret")
    assert post_webhook(gateway_panel, payload, sign(payload, secret)).status_code == 200

    after = buyer.data("GET", f"/billing/invoices/{invoice_id}")
    assert buyer.data("GET", "/billing/credits")["balance"] == "10.00"
    assert (after["status"], after["amount_paid"], after["payments"]) == \
        (before["status"], before["amount_paid"], before["payments"])
    assert buyer.data("GET", f"/billing/payments/{payment_id}")["status"] == "refunded"
    types = [t["type"] for t in buyer.data("GET", "/billing/credits/transactions")]
    assert types == ["refund"], types
