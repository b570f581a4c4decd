"""PayPal through its Orders API (v2), with the panel pointed at a stand-in for PayPal's servers.

The browser's part is played by plain requests that do not follow redirects, so every hop the embedded web view
would take is checked: the pay page sends the buyer to PayPal's approve link, PayPal sends them back to the
panel, which captures and sends them on to the client's return_url. Webhooks are verified through PayPal's
verify-webhook-signature call, as PayPal asks.
"""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.panel.gateways import CANCEL_URL, RETURN_URL
from tests.support.panel import PanelProcess
from tests.support.paypal_stub import PayPalStub

PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"}]
WEBHOOK = "/api/billing/webhooks/paypal"


# the panel, its shop, the PayPal stand-in and the browser: tests/panel/conftest.py
@pytest.fixture(scope="module")
def product(gateway_shop) -> dict:
    return gateway_shop.product(name="PayPal VPS", pricing=PRICING)


def checkout(buyer, product: dict) -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "return_url": RETURN_URL, "cancel_url": CANCEL_URL}
    placed = buyer.data("POST", "/billing/checkout", body, expect=201)
    assert (placed["payment"]["status"], placed["payment"]["amount"]) == ("requires_action", "15.00")
    return placed


def page_token(checkout_url: str) -> str:
    return parse_qs(urlsplit(checkout_url).query)["token"][0]


def go(browser: requests.Session, url: str, status: int) -> requests.Response:
    response = browser.get(url, allow_redirects=False, timeout=30)
    assert response.status_code == status, f"GET {url}: {response.status_code} {response.text[:500]}"
    return response


def to_paypal(browser, paypal: PayPalStub, payment: dict) -> str:
    """Open the pay page: it creates the PayPal order and sends the browser to PayPal's approve link."""
    location = go(browser, payment["checkout_url"], 303).headers["location"]
    order = paypal.order_for(payment["id"])
    assert location == f"{paypal.url}/approve?order={order.id}"
    return location


def approve_at_paypal(browser, paypal: PayPalStub, payment: dict) -> str:
    """The buyer approves at PayPal, which sends them back to the panel; returns that return URL."""
    return go(browser, to_paypal(browser, paypal, payment), 302).headers["location"]


def state(buyer, placed: dict) -> dict:
    """What a client would see of the purchase."""
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    service = buyer.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")
    return {"payment": buyer.data("GET", f"/billing/payments/{placed['payment']['id']}")["status"],
            "invoice": invoice["status"], "amount_paid": invoice["amount_paid"],
            "balance_due": invoice["balance_due"],
            "order": buyer.data("GET", f"/billing/orders/{placed['order']['id']}")["status"],
            "service": service["status"], "server": service["server"],
            "received": [n["title"] for n in buyer.data("GET", "/notifications")].count("Payment received")}


PENDING = {"payment": "pending", "invoice": "pending", "amount_paid": "0.00", "balance_due": "15.00",
           "order": "pending", "service": "pending", "server": None, "received": 0}


def assert_paid_once(buyer, placed: dict) -> None:
    now = state(buyer, placed)
    assert now["server"] is not None and now["server"]["status"] == "running"
    assert {**now, "server": "running"} == {"payment": "succeeded", "invoice": "paid", "amount_paid": "15.00",
                                             "balance_due": "0.00", "order": "active", "service": "active",
                                             "server": "running", "received": 1}


def assert_error_page(response: requests.Response, *words: str) -> None:
    assert 500 <= response.status_code < 600
    assert response.headers["content-type"].startswith("text/html")
    text = response.text
    assert "<html" in text.lower() and "Traceback" not in text and 'File "' not in text
    for word in words:
        assert word in text


# -- the buyer's way through PayPal ----------------------------------------------------------------------------
def test_paypal_approval_and_return_capture_and_pay_the_invoice(gateway_shop, product, paypal, browser, gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    assert state(buyer, placed) == PENDING

    back = approve_at_paypal(browser, paypal, payment)
    order = paypal.order_for(payment["id"])
    # PayPal appends its token to the return URL the panel gave it, which already carries the page's token
    parts = urlsplit(back)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{gateway_panel.url}/pay/{payment['id']}/paypal/return"
    query = parse_qs(parts.query)
    assert query["t"] == [page_token(payment["checkout_url"])] and query["token"] == [order.id]

    # the order was created as PayPal wants it: token by client credentials, idempotent create, money as text
    (token_call,) = paypal.received("POST", "/v1/oauth2/token")
    assert token_call.header("authorization").startswith("Basic ")
    (created,) = paypal.received("POST", "/v2/checkout/orders")
    assert created.header("paypal-request-id")
    unit = created.body["purchase_units"][0]
    assert unit["custom_id"] == payment["id"]
    assert unit["amount"] == {"currency_code": "USD", "value": "15.00"}
    assert paypal.received("POST", r"/v2/checkout/orders/.*/capture") == []  # not before the buyer is back
    assert state(buyer, placed) == PENDING

    done = go(browser, back, 303)
    assert done.headers["location"] == f"{RETURN_URL}?payment={payment['id']}"
    (capture,) = paypal.received("POST", f"/v2/checkout/orders/{order.id}/capture")
    assert capture.header("paypal-request-id")
    assert order.status == "COMPLETED"
    assert_paid_once(buyer, placed)
    paid = [p for p in buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")["payments"]
            if p["id"] == payment["id"]]
    assert paid[0]["reference"] == order.capture_id  # what a refund of this payment needs

    # coming back again (a reload) or opening the pay page again neither captures nor pays twice
    assert go(browser, back, 303).headers["location"] == f"{RETURN_URL}?payment={payment['id']}"
    assert go(browser, payment["checkout_url"], 303).headers["location"] == f"{RETURN_URL}?payment={payment['id']}"
    assert len(paypal.received("POST", r"/v2/checkout/orders/.*/capture")) == 1
    assert_paid_once(buyer, placed)


def test_opening_the_pay_page_twice_makes_one_paypal_order(gateway_shop, product, paypal, browser):
    buyer = gateway_shop.user()
    payment = checkout(buyer, product)["payment"]
    first = to_paypal(browser, paypal, payment)
    second = to_paypal(browser, paypal, payment)
    assert first == second and len(paypal.orders) == 1
    ids = {r.header("paypal-request-id") for r in paypal.received("POST", "/v2/checkout/orders")}
    assert len(ids) == 1  # the same PayPal-Request-Id both times: PayPal answers the same order


@pytest.mark.parametrize("status, body, content_type, after", [
    (500, "<html><body>Internal Server Error</body></html>", "text/html", False),
    (200, "this is not JSON", "text/plain", False),
    (502, "<html><body>Bad Gateway</body></html>", "text/html", True),  # captured, but the answer was lost
], ids=["server-error", "not-json", "answer-lost"])
def test_a_failed_capture_shows_a_readable_page_and_leaves_the_invoice_payable(
        gateway_shop, product, paypal, browser, status, body, content_type, after):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    back = approve_at_paypal(browser, paypal, payment)
    paypal.fail("capture", status=status, body=body, content_type=content_type, after=after)

    failed = browser.get(back, allow_redirects=False, timeout=30)
    assert_error_page(failed, "PayPal", "Nothing was charged")
    assert state(buyer, placed) == PENDING

    # PayPal is back: returning again captures (or, with the same PayPal-Request-Id, gets the lost capture's
    # answer), and the invoice is paid once
    paypal.recover()
    assert go(browser, back, 303).headers["location"] == f"{RETURN_URL}?payment={payment['id']}"
    assert_paid_once(buyer, placed)
    order = paypal.order_for(payment["id"])
    assert order.status == "COMPLETED" and order.capture_id
    paid = [p for p in buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")["payments"]
            if p["id"] == payment["id"]]
    assert paid[0]["reference"] == order.capture_id


def test_returning_without_approving_captures_nothing(gateway_shop, product, paypal, browser, gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    to_paypal(browser, paypal, payment)
    order = paypal.order_for(payment["id"])
    # a hand-made return URL: PayPal refuses to capture an order the buyer did not approve (422)
    back = (f"{gateway_panel.url}/pay/{payment['id']}/paypal/return"
            f"?t={page_token(payment['checkout_url'])}&token={order.id}")
    assert_error_page(browser.get(back, allow_redirects=False, timeout=30), "422")
    assert order.status == "CREATED" and state(buyer, placed) == PENDING


def test_cancelling_at_paypal_cancels_the_payment(gateway_shop, product, paypal, browser, gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    cancel = go(browser, to_paypal(browser, paypal, payment) + "&cancel=1", 302).headers["location"]
    assert urlsplit(cancel).path == f"/pay/{payment['id']}/cancel-return"
    assert go(browser, cancel, 303).headers["location"] == f"{CANCEL_URL}?payment={payment['id']}"
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "cancelled"
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    assert (invoice["status"], invoice["balance_due"]) == ("pending", "15.00")  # it can be paid another time
    assert paypal.received("POST", r"/v2/checkout/orders/.*/capture") == []
    # the cancelled payment's link is spent: it neither pays nor goes back to PayPal
    gone = go(browser, payment["checkout_url"], 410)
    assert "cancelled" in gone.text and state(buyer, placed)["payment"] == "cancelled"


def test_paypal_unreachable_shows_an_error_page_and_changes_nothing(gateway_shop, product, paypal, browser):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    paypal.stop()
    down = browser.get(placed["payment"]["checkout_url"], allow_redirects=False, timeout=60)
    assert_error_page(down, "PayPal could not be reached")
    assert state(buyer, placed) == PENDING
    assert paypal.orders == {}


# -- webhooks --------------------------------------------------------------------------------------------------
def send(proc: PanelProcess, body: bytes | dict, headers: dict[str, str]) -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(proc.url + WEBHOOK, data=data, headers=headers, timeout=30)


def test_a_verified_capture_webhook_pays_an_approved_payment_once(gateway_shop, product, paypal, browser,
                                                                   gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    back = approve_at_paypal(browser, paypal, payment)  # ... and the buyer never comes back
    order = paypal.order_for(payment["id"])
    event = paypal.capture_completed_event(payment["id"], order.id, amount="15.00")

    first = send(gateway_panel, event, paypal.webhook_headers())
    assert first.status_code == 200, first.text
    (verify,) = paypal.received("POST", "/v1/notifications/verify-webhook-signature")
    assert verify.body["webhook_id"] == paypal.webhook_id and verify.body["webhook_event"] == event
    assert verify.body["transmission_sig"] == paypal.valid_signature
    assert_paid_once(buyer, placed)
    reference = [p for p in buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")["payments"]
                 if p["id"] == payment["id"]][0]["reference"]
    assert reference == event["resource"]["id"]  # the capture id: what a refund of this payment needs

    # PayPal delivers again (same event), and another event for the same capture: still paid once
    assert send(gateway_panel, event, paypal.webhook_headers()).status_code == 200
    other = {**event, "id": event["id"] + "-2"}
    assert send(gateway_panel, other, paypal.webhook_headers()).status_code == 200
    assert_paid_once(buyer, placed)
    # the buyer coming back late goes on to the client without a capture
    assert go(browser, back, 303).headers["location"] == f"{RETURN_URL}?payment={payment['id']}"
    assert paypal.received("POST", r"/v2/checkout/orders/.*/capture") == []
    assert_paid_once(buyer, placed)


def test_a_lost_capture_answer_is_made_good_by_the_webhook(gateway_shop, product, paypal, browser, gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    payment = placed["payment"]
    back = approve_at_paypal(browser, paypal, payment)
    paypal.fail("capture", status=502, body="<html>Bad gateway</html>", after=True)  # captured, answer lost
    assert_error_page(browser.get(back, allow_redirects=False, timeout=30), "PayPal")
    order = paypal.order_for(payment["id"])
    assert order.status == "COMPLETED" and state(buyer, placed) == PENDING

    event = paypal.capture_completed_event(payment["id"], order.id, order.capture_id, amount="15.00")
    assert send(gateway_panel, event, paypal.webhook_headers()).status_code == 200
    assert_paid_once(buyer, placed)
    paid = [p for p in buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")["payments"]
            if p["id"] == payment["id"]]
    assert paid[0]["reference"] == order.capture_id


def test_a_webhook_that_fails_verification_is_refused_and_changes_nothing(gateway_shop, product, paypal, browser,
                                                                          gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    approve_at_paypal(browser, paypal, placed["payment"])
    event = paypal.capture_completed_event(placed["payment"]["id"], amount="15.00")

    refused = send(gateway_panel, event, paypal.webhook_headers(signature="forged-signature"))
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_request"
    assert len(paypal.received("POST", "/v1/notifications/verify-webhook-signature")) == 1
    assert state(buyer, placed) == PENDING
    # refusing it did not mark the event as seen: the genuine delivery of the same event still counts
    assert send(gateway_panel, event, paypal.webhook_headers()).status_code == 200
    assert_paid_once(buyer, placed)


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2, 3]", b""], ids=["broken", "not-an-object", "empty"])
def test_a_malformed_webhook_is_refused(gateway_shop, product, paypal, gateway_panel, body):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    refused = send(gateway_panel, body, paypal.webhook_headers())
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_request"
    assert paypal.received("POST", "/v1/notifications/verify-webhook-signature") == []
    assert state(buyer, placed) == PENDING


def test_a_webhook_while_paypal_is_unreachable_asks_for_a_retry(gateway_shop, product, paypal, gateway_panel):
    buyer = gateway_shop.user()
    placed = checkout(buyer, product)
    event = paypal.capture_completed_event(placed["payment"]["id"], amount="15.00")
    headers = paypal.webhook_headers()
    paypal.stop()
    answer = send(gateway_panel, event, headers)
    assert answer.status_code == 502 and answer.json()["error"]["code"] == "gateway_error"
    assert state(buyer, placed) == PENDING
