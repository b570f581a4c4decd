"""Contract audit, thirteenth pass: rules of panel-api.md's conventions no earlier test pinned.

- Money: "decimal strings ... never floats": where a client sends an amount as a JSON number (which the panel
  accepts), every answer still carries it as a string with the currency's places.
- Incremental sync: `updated_since` without an offset (or a date alone) is read as UTC (docs/api.md).
- Idempotency: every POST that takes an `Idempotency-Key` refuses a malformed one as a `validation_error` on the
  header, before doing anything.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, buy


@pytest.fixture
def sandbox(shop):
    """PayPal (the panel's own sandbox page) switched on at the shared panel for one test, and off after it."""
    shop.settings(paypal_enabled=True)
    yield shop
    shop.settings(paypal_enabled=False)


def test_amounts_sent_as_json_numbers_come_back_as_money_strings(sandbox, admin):
    buyer = sandbox.user()
    top_up = buyer.data("POST", "/billing/credits/top-up", {"amount": 12.5, "payment_method": "paypal", **URLS},
                        expect=201)
    assert top_up["amount"] == "12.50" and top_up["invoice"]["total"] == "12.50"
    whole = admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": 7}, expect=201)
    assert (whole["amount"], whole["balance_after"]) == ("7.00", "7.00")
    assert buyer.data("GET", "/billing/credits")["balance"] == "7.00"
    # A number with more places than the currency has is refused as the same string would be, not rounded.
    assert_error(buyer.post("/billing/credits/top-up", {"amount": 12.505, "payment_method": "paypal", **URLS}),
                 422, "validation_error")
    # Read as the decimal it writes, not as a binary float that rounds the extra places away (it was 10.00).
    raw = '{"amount": 10.0000000000000000001, "payment_method": "paypal", "return_url": "%s", "cancel_url": "%s"}'
    refused = buyer.request("POST", "/billing/credits/top-up", data=raw % (URLS["return_url"], URLS["cancel_url"]),
                            headers={"Content-Type": "application/json"})
    assert "amount" in assert_error(refused, 422, "validation_error")["details"]
    tiny = admin.request("POST", f"/admin/users/{buyer.user['id']}/credits", data='{"amount": 0.1}',
                         headers={"Content-Type": "application/json"})
    assert tiny.status_code == 201 and tiny.json()["data"]["balance_after"] == "7.10"
    # A refusal names the number as it was sent, not as Python's Decimal('1E+30').
    huge = admin.request("POST", f"/admin/users/{buyer.user['id']}/credits", data='{"amount": 1e30}',
                         headers={"Content-Type": "application/json"})
    message = assert_error(huge, 422, "validation_error")["details"]["amount"][0]
    assert "1E+30" in message and "Decimal" not in message


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def test_updated_since_without_an_offset_or_as_a_date_is_utc(shop):
    buyer = shop.user(credits="20.00")
    order = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])["order"]
    written = datetime.fromisoformat(order["updated_at"].replace("Z", "+00:00")).replace(tzinfo=None)

    def ids(since: str) -> list[str]:
        return [row["id"] for row in buyer.data("GET", "/billing/orders", params={"updated_since": since})]

    assert ids(stamp(written - timedelta(seconds=1))) == [order["id"]]
    assert ids(stamp(written + timedelta(seconds=1))) == []
    assert ids(stamp(written - timedelta(seconds=1)) + "Z") == [order["id"]]
    assert ids(written.date().isoformat()) == [order["id"]]          # the day's midnight, UTC
    assert ids((written.date() + timedelta(days=1)).isoformat()) == []


def test_every_keyed_post_refuses_a_malformed_key_on_the_header(sandbox, tickets_on):
    shop = sandbox
    buyer = shop.user(credits="50.00")
    placed = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])
    service_id = placed["order"]["service_ids"][0]
    ticket = buyer.data("POST", "/support/tickets", {"subject": "s", "department": "sales", "body": "b"},
                        expect=201)
    item = {"product_id": placed["order"]["items"][0]["product_id"], "billing_cycle": "monthly"}
    calls = [
        ("/billing/checkout", {"items": [item], "payment_method": "credits"}),
        (f"/billing/invoices/{placed['invoice']['id']}/pay", {"payment_method": "credits"}),
        ("/billing/invoices/pay", {"invoice_ids": [placed["invoice"]["id"]], "payment_method": "credits"}),
        (f"/billing/orders/{placed['order']['id']}/cancel", None),
        (f"/billing/services/{service_id}/cancel", {"type": "immediate", "reason": "r"}),
        ("/support/tickets", {"subject": "s", "department": "sales", "body": "b"}),
        (f"/support/tickets/{ticket['id']}/replies", {"body": "b"}),
        ("/billing/credits/top-up", {"amount": "10.00", "payment_method": "paypal", **URLS}),
    ]
    before = {path: buyer.get(path).json()["meta"]["total"]
              for path in ("/billing/orders", "/billing/invoices", "/support/tickets")}
    for path, body in calls:
        for key in ("x" * 256, "two words", "é"):
            refused = assert_error(buyer.post(path, body, headers={"Idempotency-Key": key}), 422, "validation_error",
                                   path)
            assert "Idempotency-Key" in refused["details"], (path, refused)
    assert {path: buyer.get(path).json()["meta"]["total"] for path in before} == before
    assert buyer.data("GET", f"/billing/services/{service_id}")["cancellation"] is None
    assert len(buyer.data("GET", f"/support/tickets/{ticket['id']}")["messages"]) == 1
