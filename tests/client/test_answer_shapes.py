"""The typed calls read each answer `panel-api.md` documents, and refuse a malformed one with `BadAnswer` naming
the resource and the field, before the caller can act on it (canned answers: no panel, no network)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.api import BadAnswer, Credentials, PanelClient

from .canned_session import Canned, CannedSession, data

ITEMS = [{"product_id": "p1", "billing_cycle": "monthly", "config": {}}]
URLS = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}
PAGE = "http://127.0.0.1:8000/pay/pay-1?token=abc"
ORDER = {"id": "o1", "order_number": "ORD-000001", "status": "cancelled", "items": [], "coupon": None,
         "invoice_id": "i1", "service_ids": ["s1"], "created_at": "2026-12-05T10:00:00.000000Z",
         "updated_at": "2026-12-05T10:00:00.000000Z"}
PREVIEW = {"lines": [], "subtotal": "12.50", "discount": "0.00", "tax_rate": "0", "tax_amount": "0.00",
           "tax_inclusive": False, "total": "12.50", "credits_applied": "0.00", "due_now": "12.50", "currency": "USD"}


def answering(value) -> PanelClient:
    return PanelClient("https://panel.example", session=CannedSession(lambda sent: data(value)),
                       sleep=lambda s: None)


def checkout(client: PanelClient) -> dict:
    return client.checkout(ITEMS, coupon_code=None, use_credits=True, payment_method="stripe", key="k1", **URLS)


@pytest.mark.parametrize("payment", [
    {"id": "pay-1", "method": "stripe", "status": "requires_action", "checkout_url": PAGE},
    {"id": "pay-1", "method": "credits", "status": "paid", "checkout_url": None},
    {"id": "pay-1", "method": "paypal", "status": "pending"},
])
def test_each_documented_payment_start_is_read(payment):
    with answering({"order": ORDER, "invoice": None, "payment": payment}) as client:
        assert checkout(client)["payment"] == payment


@pytest.mark.parametrize(("payment", "field"), [
    ({"id": "pay-1", "status": "succeeded", "checkout_url": PAGE}, "checkout.payment.status"),
    ({"id": "pay-1", "status": "requires_action"}, "checkout.payment"),
    ({"id": "pay-1", "status": "requires_action", "checkout_url": "javascript:alert(1)"}, "checkout.payment"),
    ({"status": "paid"}, "checkout.payment.id"),
])
def test_a_payment_start_sett_could_not_act_on_is_a_bad_answer(payment, field):
    with answering({"order": ORDER, "payment": payment}) as client, pytest.raises(BadAnswer) as refused:
        checkout(client)
    assert f"({field}:" in str(refused.value)


@pytest.mark.parametrize("status", ["pending", "succeeded", "failed", "cancelled", "refunded"])
def test_a_payment_read_in_each_documented_status(status):
    payment = {"id": "pay-1", "status": status, "invoice_id": "i1", "order_id": None, "amount": "12.50"}
    with answering(payment) as client:
        assert client.payment("pay-1") == payment


def test_a_payment_read_in_a_status_the_contract_does_not_have_is_a_bad_answer():
    with answering({"id": "pay-1", "status": "paid-ish"}) as client, pytest.raises(BadAnswer) as refused:
        client.payment("pay-1")
    assert refused.value.resource == "payment" and refused.value.field == "status"


def test_a_cancelled_order_is_read_and_a_malformed_one_refused():
    with answering(ORDER) as client:
        assert client.cancel_order("o1", key="k") == ORDER
    for bad in ({**ORDER, "id": None}, {**ORDER, "service_ids": "s1"}, ["not", "an", "order"]):
        with answering(bad) as client, pytest.raises(BadAnswer, match="cancelled order"):
            client.cancel_order("o1", key="k")


def test_a_preview_is_read_with_money_as_strings_or_numbers():
    with answering(PREVIEW) as client:
        assert client.preview_checkout(ITEMS)["due_now"] == "12.50"
    numbers = json.dumps({"data": {**PREVIEW, "total": "@", "due_now": 0}}).replace('"@"', "12.5").encode()
    with PanelClient("https://panel.example", session=CannedSession(lambda sent: Canned(200, numbers)),
                     sleep=lambda s: None) as client:
        assert client.preview_checkout(ITEMS)["total"] == Decimal("12.5")


@pytest.mark.parametrize(("change", "field"), [
    ({"total": None}, "total"), ({"due_now": "twelve"}, "due_now"), ({"subtotal": {"amount": 1}}, "subtotal"),
])
def test_a_preview_without_the_totals_it_promises_is_a_bad_answer(change, field):
    body = {key: value for key, value in {**PREVIEW, **change}.items() if value is not None}
    with answering(body) as client, pytest.raises(BadAnswer) as refused:
        client.preview_checkout(ITEMS)
    assert refused.value.field == field


def test_a_coupon_check_is_read_valid_or_not_and_refused_without_its_verdict():
    valid = {"valid": True, "code": "SAVE", "type": "percent", "value": "10", "discount": "1.00"}
    invalid = {"valid": False, "code": "NOPE", "type": None, "value": None, "discount": "0.00",
               "reason": "This coupon code does not exist."}
    for answer in (valid, invalid, {"valid": False, "code": "OLD", "reason": "Expired."}):
        with answering(answer) as client:
            assert client.validate_coupon(answer["code"], ITEMS) == answer
    for bad in ({"code": "SAVE", "discount": "1.00"}, {"valid": "yes", "code": "SAVE"}):
        with answering(bad) as client, pytest.raises(BadAnswer) as refused:
            client.validate_coupon("SAVE", ITEMS)
        assert refused.value.field == "valid"


@pytest.mark.parametrize(("answer", "field"), [
    ({"access_token": 42, "refresh_token": "r"}, "access_token"),
    ({"token_type": "Bearer"}, "access_token"),
    ({"requires_2fa": True}, "two_factor_token"),
])
def test_a_login_answer_without_a_pair_or_a_challenge_is_a_bad_answer_and_logs_nobody_in(answer, field):
    with answering(answer) as client, pytest.raises(BadAnswer) as refused:
        client.login("a@example.test", "password-1")
    assert (refused.value.resource, refused.value.field) == ("login", field)
    assert client.credentials is None


def test_a_refresh_answer_without_a_new_pair_is_a_bad_answer_and_keeps_the_old_pair():
    def answer(sent):
        if sent.path == "/auth/refresh":
            return data({"access_token": "", "refresh_token": "r2"})
        return Canned(401, json.dumps({"error": {"code": "unauthorized", "message": "expired"}}).encode(),
                      {"Content-Type": "application/json"})

    old = Credentials.from_tokens("a1", "r1")
    with PanelClient("https://panel.example", old, session=CannedSession(answer), sleep=lambda s: None) as client:
        with pytest.raises(BadAnswer) as refused:
            client.me()
        assert (refused.value.resource, refused.value.field) == ("refresh", "access_token")
        assert client.credentials == old


PRODUCT = {"id": "p1", "name": "Cloud VPS", "pricing_type": "configurable", "updated_at": "2026-12-05T10:00:00Z",
           "pricing": [{"billing_cycle": "monthly", "price": "2.00", "setup_fee": "0.00"}],
           "config_ranges": {"memory": {"min": 1024, "max": 32768, "step": 1024, "unit_price": "2.00"}, "cpu": None},
           "resources": {"memory": 2048, "disk": 20480, "cpu": 100, "swap": -1, "io_weight": 500},
           "stock": None, "in_stock": True}


@pytest.mark.parametrize(("change", "field"), [
    ({"pricing": [{"billing_cycle": "monthly", "price": "two"}]}, "products.pricing[0].price"),
    ({"pricing": {"monthly": "2.00"}}, "products.pricing"),
    ({"config_ranges": {"memory": {"min": "x", "max": 5}}}, "products.config_ranges.memory.min"),
    ({"config_ranges": {"memory": {"min": 0, "max": 2**40}}}, "products.config_ranges.memory.max"),
    ({"config_ranges": {"memory": {"min": 4096, "max": 1024}}}, "products.config_ranges.memory"),
    ({"config_ranges": {"memory": {"min": 1024, "max": 4096, "step": -1024}}}, "products.config_ranges.memory.step"),
    ({"config_ranges": {"memory": {"min": 1024, "max": 4096, "unit_price": "cheap"}}},
     "products.config_ranges.memory.unit_price"),
    ({"config_ranges": {"memory": [1024, 4096]}}, "products.config_ranges.memory"),
    ({"resources": {"memory": "lots"}}, "products.resources.memory"),
    ({"stock": "plenty"}, "products.stock"),
])
def test_a_product_the_store_could_not_price_or_show_is_a_bad_answer(change, field):
    """Each of these made the store or the product page fail when shown (a slider cannot hold 2**40, a range
    whose smallest is above its largest has no value): refused at the boundary, the saved catalogue kept."""
    from app.api.validate import model

    model("products", "Product", PRODUCT)                  # a null range (not chosen) and swap -1 pass
    with pytest.raises(BadAnswer) as refused:
        model("products", "Product", {**PRODUCT, **change})
    assert refused.value.field == field.removeprefix("products.")
    assert field in str(refused.value)


SERVICE = {"id": "s1", "status": "active", "product": {"id": "p1", "name": "Cloud VPS"}, "billing_cycle": "monthly",
           "recurring_amount": "12.00", "next_due_date": "2026-12-24", "config": {"memory": 4096, "region": "eu"},
           "server": {"id": "v1", "name": "vps-01", "status": "running", "node": "de-fra-1",
                      "address": {"ip": "203.0.113.10", "port": 25571}, "manage_url": "https://panel.example/s/v1"},
           "cancellation": {"type": "end_of_period", "reason": "Moving", "status": "pending"},
           "updated_at": "2026-12-05T10:00:00Z"}
TICKET = {"id": "t1", "subject": "Help", "status": "open", "department": "billing",
          "related": {"invoice_id": None, "service_id": "s1"}, "updated_at": "2026-12-05T10:00:00Z",
          "messages": [{"id": "m1", "author": {"name": "Ada", "staff": False}, "body": "Hello"}]}
INVOICE = {"id": "i1", "invoice_number": "INV-1", "status": "pending", "updated_at": "2026-12-05T10:00:00Z",
           "lines": [{"description": "Cloud VPS (Monthly)", "quantity": 1, "amount": "12.00"}],
           "payments": [{"id": "pay-1", "method": "stripe", "amount": "12.00", "status": "succeeded",
                         "reference": "pi_1", "created_at": "2026-12-05T10:00:00Z"}]}


@pytest.mark.parametrize(("resource", "schema", "row", "change", "field"), [
    ("services", "Service", SERVICE, {"config": "4 GB"}, "config"),
    ("services", "Service", SERVICE, {"config": {"memory": "big"}}, "config.memory"),
    ("services", "Service", SERVICE, {"server": {"name": {"first": "vps"}}}, "server.name"),
    ("services", "Service", SERVICE, {"server": {"address": "203.0.113.10"}}, "server.address"),
    ("services", "Service", SERVICE, {"cancellation": "pending"}, "cancellation"),
    ("orders", "Order", ORDER, {"items": "one VPS"}, "items"),
    ("orders", "Order", ORDER, {"items": ["one VPS"]}, "items[0]"),
    ("orders", "Order", ORDER, {"items": [{"quantity": "two"}]}, "items[0].quantity"),
    ("orders", "Order", ORDER, {"items": [{"config": {"memory": "lots"}}]}, "items[0].config.memory"),
    ("orders", "Order", ORDER, {"items": [{"setup_fee": "ten"}]}, "items[0].setup_fee"),
    ("orders", "Order", ORDER, {"total": "thirty"}, "total"),
    ("invoices", "Invoice", INVOICE, {"payments": ["paid"]}, "payments[0]"),
    ("invoices", "Invoice", INVOICE, {"lines": [{"description": ["a"]}]}, "lines[0].description"),
    ("tickets", "Ticket", TICKET, {"messages": "Hello"}, "messages"),
    ("tickets", "Ticket", TICKET, {"messages": [{"id": "m1", "author": "Ada", "body": "Hi"}]}, "messages[0].author"),
])
def test_a_record_page_the_screens_could_not_show_is_a_bad_answer(resource, schema, row, change, field):
    """Text where the service page, an order's or an invoice's page or a ticket expects an object or a list (or the
    reverse) failed when the page was opened: refused at the boundary instead, the saved rows kept. A key the
    contract does not name (a service's `region`) passes."""
    from app.api.validate import model

    model(resource, schema, row)
    with pytest.raises(BadAnswer) as refused:
        model(resource, schema, {**row, **change})
    assert refused.value.field == field


@pytest.mark.parametrize(("resource", "schema", "answer", "field"), [
    ("billing_config", "BillingConfig", {"gateways": {"stripe": "on"}}, "gateways.stripe"),
    ("billing_config", "BillingConfig", {"gateways": ["stripe"]}, "gateways"),
    ("billing_config", "BillingConfig", {"billing_cycles": "monthly"}, "billing_cycles"),
    ("dashboard", "Dashboard", {"next_due_date": "soon"}, "next_due_date"),
    ("credit_transactions", "CreditTransaction", {"id": "c1", "note": {"text": "hi"}}, "note"),
    ("notifications", "Notification", {"uuid": "n1", "action_url": ["/billing/invoices/1"]}, "action_url"),
])
def test_settings_and_rows_the_screens_read_are_checked_too(resource, schema, answer, field):
    """The checkout's and top-up's payment methods come from `gateways`; the dashboard shows the next due date; the
    credits list a note; a notification opens its action_url: each, malformed, is a BadAnswer naming it."""
    from app.api.validate import model

    with pytest.raises(BadAnswer) as refused:
        model(resource, schema, answer)
    assert refused.value.field == field
