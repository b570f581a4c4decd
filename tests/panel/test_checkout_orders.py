"""Placing orders over real HTTP: paying with credits, refusals that change nothing, stock, idempotency,
approval, and where the gateway may send the browser back to."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from app.core.cycles import next_due_date
from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.panel import USER_PASSWORD, Api

PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"},
           {"billing_cycle": "annual", "price": "100.00", "setup_fee": "0.00"}]
LOOPBACK = {"return_url": "http://127.0.0.1:8765/done", "cancel_url": "http://localhost:8765/cancelled"}


def item(product: dict, cycle: str = "monthly", quantity: int = 1) -> dict:
    return {"product_id": product["id"], "billing_cycle": cycle, "quantity": quantity}


def order_body(product: dict, quantity: int = 1, method: str = "credits", **extra) -> dict:
    return {"items": [item(product, quantity=quantity)], "payment_method": method, **extra}


def account_state(api, product: dict) -> dict:
    """Everything a failed checkout must leave as it was, read back the way a client would."""
    return {
        "balance": api.data("GET", "/billing/credits")["balance"],
        "transactions": api.get("/billing/credits/transactions").json()["meta"]["total"],
        "stock": api.data("GET", f"/billing/products/{product['id']}")["stock"],
        "orders": api.get("/billing/orders").json()["meta"]["total"],
        "invoices": api.get("/billing/invoices").json()["meta"]["total"],
        "services": api.get("/billing/services").json()["meta"]["total"],
    }


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(name="Order VPS", pricing=PRICING)


def test_paying_in_full_with_credits_activates_the_order_and_provisions_a_server(shop, product, panel):
    buyer = shop.user(credits="50.00")
    placed = buyer.data("POST", "/billing/checkout", order_body(product), expect=201)
    order, invoice, payment = placed["order"], placed["invoice"], placed["payment"]
    assert order["status"] == "active" and order["order_number"].startswith("ORD-")
    assert order["invoice_id"] == invoice["id"] and len(order["service_ids"]) == 1
    assert order["items"][0]["product_id"] == product["id"] and order["total"] == "15.00"
    assert (invoice["status"], invoice["total"], invoice["amount_paid"], invoice["credits_applied"],
            invoice["balance_due"]) == ("paid", "15.00", "15.00", "15.00", "0.00")
    assert invoice["paid_at"] is not None
    assert (payment["method"], payment["status"], payment["checkout_url"]) == ("credits", "paid", None)

    assert buyer.data("GET", "/billing/credits")["balance"] == "35.00"
    spent = buyer.data("GET", "/billing/credits/transactions")[0]
    assert (spent["amount"], spent["type"], spent["invoice_id"], spent["balance_after"]) == \
           ("-15.00", "payment", invoice["id"], "35.00")
    assert buyer.data("GET", f"/billing/orders/{order['id']}")["status"] == "active"
    assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "paid"
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "succeeded"

    service = buyer.data("GET", f"/billing/services/{order['service_ids'][0]}")
    assert service["status"] == "active" and service["product"] == {"id": product["id"], "name": "Order VPS"}
    assert (service["billing_cycle"], service["recurring_amount"]) == ("monthly", "10.00")
    assert {"id", "name", "status"} <= set(service["server"]) and service["server"]["status"] == "running"
    today = date.fromisoformat(invoice["issue_date"])
    assert service["next_due_date"] == next_due_date(today, "monthly").isoformat()
    titles = [n["title"] for n in buyer.data("GET", "/notifications")]
    assert "Payment received" in titles and "Service active" in titles


def test_quantity_makes_one_service_each(shop, product):
    buyer = shop.user(credits="100.00")
    placed = buyer.data("POST", "/billing/checkout", order_body(product, quantity=3), expect=201)
    # 3 x 10.00 + 3 x 5.00 setup
    assert placed["invoice"]["total"] == "45.00" and len(placed["order"]["service_ids"]) == 3
    services = buyer.data("GET", "/billing/services")
    assert sorted(s["id"] for s in services) == sorted(placed["order"]["service_ids"])
    assert all(s["status"] == "active" and s["server"] for s in services)


def test_credits_too_small_for_the_credits_method_changes_nothing(shop):
    product = shop.product(pricing=PRICING, stock=5)
    buyer = shop.user(credits="14.99")
    before = account_state(buyer, product)
    refused = assert_error(buyer.post("/billing/checkout", order_body(product)), 409, "insufficient_credits")
    assert "14.99" in refused["message"]
    assert account_state(buyer, product) == before == {"balance": "14.99", "transactions": 1, "stock": 5,
                                                       "orders": 0, "invoices": 0, "services": 0}


def test_out_of_stock_is_refused_and_changes_nothing(shop):
    product = shop.product(pricing=PRICING, stock=1)
    buyer = shop.user(credits="100.00")
    before = account_state(buyer, product)
    refused = assert_error(buyer.post("/billing/checkout", order_body(product, quantity=2)), 409, "out_of_stock")
    assert refused["details"]["product_ids"] == [product["id"]]
    # the same product twice in one cart counts together
    twice = {"items": [item(product), item(product)], "payment_method": "credits"}
    assert_error(buyer.post("/billing/checkout", twice), 409, "out_of_stock")
    assert account_state(buyer, product) == before
    assert buyer.data("POST", "/billing/checkout/preview", {"items": [item(product, quantity=2)]})["out_of_stock"] \
        == [product["id"]]

    buyer.data("POST", "/billing/checkout", order_body(product), expect=201)  # the last one
    shown = buyer.data("GET", f"/billing/products/{product['id']}")
    assert (shown["stock"], shown["in_stock"]) == (0, False)
    after = account_state(buyer, product)
    assert_error(buyer.post("/billing/checkout", order_body(product)), 409, "out_of_stock")
    assert account_state(buyer, product) == after


def at_once(api, bodies: list[dict], headers: dict | None = None) -> list[int]:
    """Send the checkouts together, each on its own connection, as several devices of one buyer would."""
    def send(body: dict):
        return Api(api.panel, token=api.token).post("/billing/checkout", body, headers=headers)

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(send, bodies))


def test_concurrent_checkouts_never_oversell(shop):
    product = shop.product(pricing=PRICING, stock=3)
    buyer = shop.user(credits="1000.00")
    answers = at_once(buyer, [order_body(product)] * 8)
    assert sorted(r.status_code for r in answers) == [201] * 3 + [409] * 5
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"out_of_stock"}
    assert buyer.data("GET", f"/billing/products/{product['id']}")["stock"] == 0
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 3
    assert buyer.data("GET", "/billing/credits")["balance"] == "955.00"


def test_concurrent_checkouts_never_overspend_credits(shop, product):
    buyer = shop.user(credits="30.00")
    answers = at_once(buyer, [order_body(product)] * 6)
    assert sorted(r.status_code for r in answers) == [201] * 2 + [409] * 4
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"insufficient_credits"}
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 2


def test_concurrent_retries_with_one_idempotency_key_make_one_order(shop, product):
    buyer = shop.user(credits="100.00")
    answers = at_once(buyer, [order_body(product)] * 5, headers={"Idempotency-Key": "double-click"})
    assert [r.status_code for r in answers] == [201] * 5
    assert len({r.json()["data"]["order"]["id"] for r in answers}) == 1
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 1
    assert buyer.data("GET", "/billing/credits")["balance"] == "85.00"


def test_a_free_order_needs_no_payment(shop):
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    coupon = shop.coupon(type="percent", value="100")
    buyer = shop.user()
    placed = buyer.data("POST", "/billing/checkout", order_body(product, coupon_code=coupon["code"]), expect=201)
    assert (placed["invoice"]["total"], placed["invoice"]["status"], placed["order"]["status"]) == \
           ("0.00", "paid", "active")
    assert (placed["payment"]["status"], placed["payment"]["checkout_url"]) == ("paid", None)
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"


def test_same_idempotency_key_and_body_replays_the_first_order(shop, product):
    buyer = shop.user(credits="100.00")
    key = {"Idempotency-Key": "checkout-attempt-1"}
    first = buyer.post("/billing/checkout", order_body(product), headers=key)
    again = buyer.post("/billing/checkout", order_body(product), headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 1
    assert buyer.data("GET", "/billing/credits")["balance"] == "85.00"  # charged once

    other = assert_error(buyer.post("/billing/checkout", order_body(product, quantity=2), headers=key),
                         409, "idempotency_conflict")
    assert other["message"]
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 1
    # keys belong to their user: another buyer's identical key is a new order
    neighbour = shop.user(credits="100.00")
    theirs = neighbour.data("POST", "/billing/checkout", order_body(product), headers=key, expect=201)
    assert theirs["order"]["id"] != first.json()["data"]["order"]["id"]


def test_a_refused_checkout_does_not_spend_its_idempotency_key(shop, product):
    buyer = shop.user(credits="1.00")
    key = {"Idempotency-Key": "retry-after-top-up"}
    assert_error(buyer.post("/billing/checkout", order_body(product), headers=key), 409, "insufficient_credits")
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "20.00", "note": "t"}, expect=201)
    placed = buyer.data("POST", "/billing/checkout", order_body(product), headers=key, expect=201)
    assert placed["order"]["status"] == "active"


def test_bad_idempotency_key_is_a_validation_error(shop, product):
    buyer = shop.user(credits="100.00")
    bad = buyer.post("/billing/checkout", order_body(product), headers={"Idempotency-Key": "spaces are not ok"})
    assert_error(bad, 422, "validation_error")
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 0


def test_without_auto_activate_a_paid_order_waits_for_an_admin(fresh_panel):
    admin = admin_of(fresh_panel())
    shop = Shop(admin)
    shop.settings(auto_activate=False)
    product = shop.product(pricing=PRICING)
    buyer = shop.user(credits="20.00")
    placed = buyer.data("POST", "/billing/checkout", order_body(product), expect=201)
    order_id, service_id = placed["order"]["id"], placed["order"]["service_ids"][0]
    assert (placed["order"]["status"], placed["invoice"]["status"]) == ("awaiting_approval", "paid")
    waiting = buyer.data("GET", f"/billing/services/{service_id}")
    assert (waiting["status"], waiting["server"]) == ("pending", None)

    approved = admin.data("POST", f"/admin/billing/orders/{order_id}/approve")
    assert approved["status"] == "active"
    assert buyer.data("GET", f"/billing/orders/{order_id}")["status"] == "active"
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert service["status"] == "active" and service["server"]["status"] == "running"
    # approving twice is a conflict, not a second server
    assert_error(admin.post(f"/admin/billing/orders/{order_id}/approve"), 409, "conflict")
    assert_error(admin.post("/admin/billing/orders/no-such-order/approve"), 404, "not_found")


@pytest.fixture(scope="module")
def url_buyer(shop):
    return shop.user(credits="100.00")


@pytest.mark.parametrize("field", ["return_url", "cancel_url"])
@pytest.mark.parametrize("url", ["https://evil.example/return", "http://127.0.0.1.evil.example/",
                                 "http://127.0.0.1@evil.example/", "javascript:alert(1)", "//evil.example/x",
                                 "ftp://127.0.0.1/x", "not a url",
                                 # a browser reads "\\" as "/": evil.example is the host it goes to, whatever
                                 # Python's urlsplit makes of the part after the "@"
                                 "http://evil.example\\@127.0.0.1/", "http://evil.example\\@localhost:9/x",
                                 "http://127.0.0.1:9/ok\nLocation: https://evil.example/"])
def test_return_urls_off_the_panel_are_refused(url_buyer, product, field, url):
    buyer = url_buyer
    refused = assert_error(buyer.post("/billing/checkout", order_body(product, **{**LOOPBACK, field: url})),
                           422, "validation_error")
    assert field in refused["details"]
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 0


def test_return_urls_on_loopback_or_the_panel_itself_are_accepted(shop, product, panel):
    buyer = shop.user(credits="100.00")
    for urls in (LOOPBACK, {"return_url": "http://[::1]:9/ok", "cancel_url": "http://localhost/no"},
                 {"return_url": f"{panel.url}/thanks", "cancel_url": f"{panel.url}/cart?x=1"}):
        buyer.data("POST", "/billing/checkout", order_body(product, **urls), expect=201)
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 3


def test_a_gateway_checkout_waits_for_the_gateway(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(stripe_enabled=True)
    product = shop.product(pricing=PRICING)
    buyer = shop.user(credits="4.00")
    missing = buyer.post("/billing/checkout", order_body(product, method="stripe"))
    assert_error(missing, 422, "validation_error")  # a gateway needs somewhere to come back to
    placed = buyer.data("POST", "/billing/checkout", order_body(product, method="stripe", **LOOPBACK), expect=201)
    order, invoice, payment = placed["order"], placed["invoice"], placed["payment"]
    # 4.00 of the 15.00 comes from credits at once; the gateway is asked for the rest
    assert (payment["method"], payment["status"], payment["amount"]) == ("stripe", "requires_action", "11.00")
    assert payment["checkout_url"].startswith(proc.url + "/")
    assert (invoice["status"], invoice["credits_applied"], invoice["balance_due"]) == ("pending", "4.00", "11.00")
    assert order["status"] == "pending"
    assert buyer.data("GET", f"/billing/services/{order['service_ids'][0]}")["status"] == "pending"
    assert buyer.data("GET", "/billing/credits")["balance"] == "0.00"
    seen = buyer.data("GET", f"/billing/payments/{payment['id']}")
    assert (seen["status"], seen["invoice_id"], seen["order_id"]) == ("pending", invoice["id"], order["id"])
    # when credits cover everything no gateway is used, so no return URLs are needed
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "15.00"}, expect=201)
    covered = buyer.data("POST", "/billing/checkout", order_body(product, method="stripe"), expect=201)
    assert (covered["payment"]["method"], covered["payment"]["status"]) == ("credits", "paid")
    assert covered["order"]["status"] == "active"


def test_prices_sent_by_the_client_are_ignored(shop):
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0"}])
    buyer = shop.user(credits="50.00")
    item = {"product_id": product["id"], "billing_cycle": "monthly", "price": "0.01", "unit_price": "0.01",
            "amount": "0.01"}
    placed = buyer.data("POST", "/billing/checkout", {"items": [item], "payment_method": "credits"}, expect=201)
    assert placed["invoice"]["total"] == "10.00"
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"


def test_an_idempotency_key_is_kept_for_two_days_then_forgotten(fresh_panel):
    # The contract keeps keys at least 24 hours, docs/api.md 48: a retry within them replays the first order.
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product()
    buyer = shop.user(credits="100.00")
    key = {"Idempotency-Key": "slow-retry"}
    first = buyer.data("POST", "/billing/checkout", order_body(product), headers=key, expect=201)

    def retry_after(days: int) -> dict:
        admin_of(proc).data("POST", "/admin/clock/advance", {"days": days}, expect=200)
        again = Api(proc).login(buyer.user["email"], USER_PASSWORD)  # the clock outran the access token
        return again.data("POST", "/billing/checkout", order_body(product), headers=key, expect=201)

    assert retry_after(1)["order"]["id"] == first["order"]["id"]  # a day on: still the first order
    # Three days on the key has been forgotten (no other keyed request swept it): it makes a new order.
    assert retry_after(2)["order"]["id"] != first["order"]["id"]
