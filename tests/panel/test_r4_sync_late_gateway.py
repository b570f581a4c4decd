"""A card payment Stripe reports after its order was cancelled is kept as credit, and the cancelled invoice then
shows the payment `succeeded`: the invoice changed, so an incremental sync from before the report returns it."""
from __future__ import annotations

import json

import requests

from tests.panel.gateways import URLS
from tests.panel.test_gateway_stripe import intent_of, post_webhook, setting, sign, succeeded_event


def test_a_payment_reported_after_its_order_was_cancelled_moves_the_invoice(gateway_panel, gateway_shop):
    product = gateway_shop.product(name="Late VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    buyer = gateway_shop.user()
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "stripe",
            **URLS}
    bought = buyer.data("POST", "/billing/checkout", body, expect=201)
    payment_id, invoice_id = bought["payment"]["id"], bought["invoice"]["id"]
    assert requests.get(bought["payment"]["checkout_url"], timeout=30).status_code == 200  # opens the intent
    intent_id = intent_of(gateway_panel, payment_id)
    buyer.data("POST", f"/billing/orders/{bought['order']['id']}/cancel")
    cursor = buyer.get("/billing/invoices", params={"per_page": 1}).json()["meta"]["server_time"]

    # Stripe says the card went through after all (the webhook of a confirm that raced the cancel).
    payload = json.dumps(succeeded_event(intent_id, payment_id, 1000)).encode()
    assert post_webhook(gateway_panel, payload,
                        sign(payload, setting(gateway_panel, "stripe_webhook_secret"))).status_code == 200

    changed = {r["id"]: r for r in buyer.data("GET", "/billing/invoices", params={"updated_since": cursor})}
    assert invoice_id in changed, "the incremental sync missed the invoice's payment"
    shown = {p["id"]: p["status"] for p in buyer.data("GET", f"/billing/invoices/{invoice_id}")["payments"]}
    assert shown[payment_id] == "succeeded" and changed[invoice_id]["status"] == "cancelled"
    kept = buyer.data("GET", "/billing/credits/transactions", params={"updated_since": cursor})
    assert [t["amount"] for t in kept] == ["10.00"]
