"""Several invoices paid by one card payment against localstripe: one PaymentIntent for the sum, and Stripe's
signed webhook (no browser comes back) settles every invoice it covers."""
from __future__ import annotations

import requests

from tests.panel.gateways import URLS
from tests.panel.test_gateway_stripe import intent_of, localstripe, wait_for
from tests.panel.test_order_cancel_stripe import buy_by_card, card_on


def test_one_payment_intent_pays_every_invoice_through_the_webhook(gateway_panel, gateway_shop):
    product = gateway_shop.product(name="Pay-all VPS",
                                   pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = gateway_shop.user(credits="5.00")
    ids = [buy_by_card(buyer, product)["invoice"]["id"] for _ in range(2)]  # credits went to the first
    payment = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "stripe",
                                                           **URLS})["payment"]
    assert payment["amount"] == "15.00"
    assert requests.get(payment["checkout_url"], timeout=30).status_code == 200  # opens the intent
    intent_id = intent_of(gateway_panel, payment["id"])
    client = localstripe(gateway_panel)
    assert client.v1.payment_intents.retrieve(intent_id).amount == 1500
    card_on(client, intent_id)
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"

    statuses = wait_for(lambda: [buyer.data("GET", f"/billing/invoices/{i}")["status"] for i in ids],
                        lambda seen: seen == ["paid", "paid"], what="the webhook to pay both invoices")
    assert statuses == ["paid", "paid"]
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
