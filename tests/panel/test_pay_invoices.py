"""Paying several invoices with one payment (POST /billing/invoices/pay) over real HTTP, on a private panel with
the PayPal sandbox page (its approve button is one form post) and a test clock for overdue renewals."""
from __future__ import annotations

from decimal import Decimal

import pytest
import requests

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error, clone
from tests.panel.test_concurrency import at_once
from tests.panel.test_order_cancel import approve_at_sandbox
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


@pytest.fixture(scope="module")
def pay_panel(tmp_path_factory) -> PanelProcess:
    proc = PanelProcess(tmp_path_factory.mktemp("pay-invoices")).start()
    Shop(admin_of(proc)).settings(paypal_enabled=True)
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def shop(pay_panel) -> Shop:
    return Shop(admin_of(pay_panel))


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(pricing=MONTHLY_10)


def unpaid_order(buyer: Api, product: dict) -> dict:
    """An order left at the pay page: its invoice stays pending."""
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
            "use_credits": False, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)


def pay(buyer: Api, ids: list[str], method: str = "paypal", key: str | None = None, **extra) -> requests.Response:
    body = {"invoice_ids": ids, "payment_method": method, **URLS, **extra}
    return buyer.post("/billing/invoices/pay", body, headers={"Idempotency-Key": key} if key else None)


def invoice(buyer: Api, invoice_id: str) -> dict:
    return buyer.data("GET", f"/billing/invoices/{invoice_id}")


def balance(buyer: Api) -> Decimal:
    return Decimal(buyer.data("GET", "/billing/credits")["balance"])


def spendable(buyer: Api) -> Decimal:
    """What a checkout may apply now (its preview's credits_applied for a cart dearer than any balance here)."""
    product_id = buyer.data("GET", "/billing/products", params={"per_page": 100})[0]["id"]
    cart = [{"product_id": product_id, "billing_cycle": "monthly", "quantity": 20}]
    return Decimal(buyer.data("POST", "/billing/checkout/preview", {"items": cart})["credits_applied"])


def test_one_gateway_payment_pays_every_invoice_after_credits(shop, product):
    buyer = shop.user(credits="3.00")
    a, b = unpaid_order(buyer, product), unpaid_order(buyer, product)
    ids = [a["invoice"]["id"], b["invoice"]["id"]]
    answer = pay(buyer, ids)
    assert answer.status_code == 200, answer.text
    payment = answer.json()["data"]["payment"]
    assert (payment["status"], payment["amount"], payment["invoice_ids"]) == ("requires_action", "17.00", ids)
    assert payment["credits_held"] == "3.00"
    # the credits are held, not spent, until the card part succeeds (issue 13: nothing changes if it is left)
    assert [i["balance_due"] for i in answer.json()["data"]["invoices"]] == ["10.00", "10.00"]
    assert balance(buyer) == Decimal("3.00") and spendable(buyer) == 0
    # the older single-invoice pay pages can no longer pay; the new one covers both invoices
    assert approve_at_sandbox(a["payment"]).status_code == 410
    page = requests.get(payment["checkout_url"], timeout=30).text
    assert a["invoice"]["invoice_number"] in page and b["invoice"]["invoice_number"] in page and "17.00" in page

    assert approve_at_sandbox(payment).status_code == 303
    paid = [invoice(buyer, i) for i in ids]
    assert [(i["status"], i["amount_paid"], i["credits_applied"]) for i in paid] == [
        ("paid", "10.00", "3.00"), ("paid", "10.00", "0.00")]
    by_paypal = [[p["amount"] for p in i["payments"] if p["method"] == "paypal" and p["status"] == "succeeded"]
                 for i in paid]
    assert by_paypal == [["7.00"], ["10.00"]]
    assert balance(buyer) == 0
    read = buyer.data("GET", f"/billing/payments/{payment['id']}")
    assert (read["status"], read["invoice_ids"]) == ("succeeded", ids)
    assert {buyer.data("GET", f"/billing/orders/{o['order']['id']}")["status"] for o in (a, b)} == {"active"}


def test_credits_alone_can_pay_them_all(shop, product):
    buyer = shop.user(credits="25.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    data = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "credits"})
    assert (data["payment"]["status"], data["payment"]["amount"], data["payment"]["checkout_url"]) == (
        "paid", "20.00", None)
    assert [i["status"] for i in data["invoices"]] == ["paid", "paid"] and balance(buyer) == Decimal("5.00")


def every_payment_read(buyer: Api, ids: list[str]) -> dict[str, list[str]]:
    """Each payment that paid the invoices (credits and gateway alike), as GET /billing/payments/{id} answers it."""
    payments = {p["id"] for i in ids for p in invoice(buyer, i)["payments"] if p["status"] == "succeeded"}
    return {p: buyer.data("GET", f"/billing/payments/{p}")["invoice_ids"] for p in payments}


def test_every_payment_of_a_pay_all_names_every_invoice_it_paid(shop, product):
    # credits alone: one credits payment per invoice, the answer's id the first of them
    buyer = shop.user(credits="30.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(3)]
    paid = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "credits"})["payment"]
    assert paid["invoice_ids"] == ids
    assert buyer.data("GET", f"/billing/payments/{paid['id']}")["invoice_ids"] == ids
    reads = every_payment_read(buyer, ids)
    assert len(reads) == 3 and set(map(tuple, reads.values())) == {tuple(ids)}
    # credits for the first invoice and part of the second, PayPal for the rest: the same, whichever is read
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    started = pay(buyer, ids).json()["data"]["payment"]
    assert approve_at_sandbox(started).status_code == 303
    reads = every_payment_read(buyer, ids)
    assert started["id"] in reads and set(map(tuple, reads.values())) == {tuple(ids)}
    assert len(reads) == 3  # two credits payments and the PayPal one
    # an ordinary payment names its one invoice, in its answer and when read
    one = unpaid_order(buyer, product)
    assert one["payment"]["invoice_ids"] == [one["invoice"]["id"]]
    assert approve_at_sandbox(one["payment"]).status_code == 303
    assert every_payment_read(buyer, [one["invoice"]["id"]]) == {one["payment"]["id"]: [one["invoice"]["id"]]}


def test_credits_that_fall_short_for_the_credits_method_change_nothing(shop, product):
    buyer = shop.user(credits="15.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    assert_error(pay(buyer, ids, "credits"), 409, "insufficient_credits")
    assert balance(buyer) == Decimal("15.00") and [invoice(buyer, i)["status"] for i in ids] == ["pending"] * 2


def test_a_bad_list_changes_nothing_and_names_the_invoice(shop, product):
    buyer, stranger = shop.user(credits="50.00"), shop.user()
    good = unpaid_order(buyer, product)["invoice"]["id"]
    foreign = unpaid_order(stranger, product)["invoice"]["id"]
    paid = unpaid_order(buyer, product)
    approve_at_sandbox(paid["payment"])
    paid_id = paid["invoice"]["id"]

    error = assert_error(pay(buyer, [good, foreign]), 422, "validation_error")
    assert list(error["details"]) == ["invoice_ids.1"]
    error = assert_error(pay(buyer, [good, good]), 422, "validation_error")
    assert "twice" in error["details"]["invoice_ids.1"][0]
    error = assert_error(pay(buyer, [good, paid_id]), 409, "invoice_not_payable")
    assert paid["invoice"]["invoice_number"] in error["message"] and error["details"]["invoice_id"] == [paid_id]
    assert_error(pay(buyer, []), 422, "validation_error")
    assert_error(buyer.post("/billing/invoices/pay", {"invoice_ids": [good], "payment_method": "paypal",
                                                     "use_credits": False}), 422,
                 "validation_error")  # a gateway needs return and cancel URLs
    assert_error(pay(buyer, [good], return_url="https://evil.example/x"), 422, "validation_error")
    assert balance(buyer) == Decimal("50.00")
    assert invoice(buyer, good)["status"] == "pending" and invoice(buyer, good)["payments"][-1]["status"] == "pending"


def test_invoices_of_two_currencies_are_refused(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user()
    dollars = unpaid_order(buyer, product)["invoice"]["id"]
    shop.settings(currency_code="EUR", currency_symbol="€")
    euros = unpaid_order(buyer, product)["invoice"]["id"]
    error = assert_error(pay(buyer, [dollars, euros]), 422, "validation_error")
    assert "EUR" in error["details"]["invoice_ids.1"][0]


def test_the_same_key_replays_and_another_body_conflicts(shop, product):
    buyer = shop.user()
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    first = pay(buyer, ids, key="pay-all-1")
    again = pay(buyer, ids, key="pay-all-1")
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert len([p for p in invoice(buyer, ids[0])["payments"] if p["status"] == "pending"]) == 1
    assert_error(pay(buyer, ids[:1], key="pay-all-1"), 409, "idempotency_conflict")


def test_paying_overdue_renewals_together_reactivates_the_suspended_service(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, auto_suspend_days=1, auto_terminate_days=60, renewal_days_before=3)
    product = shop.product(pricing=MONTHLY_10)
    buyer = shop.user(credits="20.00")
    services = []
    for _ in range(2):
        body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
        services += buyer.data("POST", "/billing/checkout", body, expect=201)["order"]["service_ids"]
    shop.admin.data("POST", "/admin/clock/advance", {"days": 33})
    buyer = Api(proc).login(buyer.user["email"], "user-password-1")  # a month on: a new login
    overdue = buyer.data("GET", "/billing/invoices", params={"status": "overdue"})
    assert len(overdue) == 2
    assert {buyer.data("GET", f"/billing/services/{s}")["status"] for s in services} == {"suspended"}

    payment = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": [i["id"] for i in overdue],
                                                           "payment_method": "paypal", **URLS})["payment"]
    assert payment["amount"] == "20.00"
    assert approve_at_sandbox(payment).status_code == 303
    for service_id in services:
        service = buyer.data("GET", f"/billing/services/{service_id}")
        assert (service["status"], service["server"]["status"]) == ("active", "running")
    assert {invoice(buyer, i["id"])["status"] for i in overdue} == {"paid"}


def test_an_invoice_paid_together_with_another_is_refunded_by_its_share(shop, product):
    buyer = shop.user()
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    approve_at_sandbox(pay(buyer, ids).json()["data"]["payment"])
    refund = shop.admin.post(f"/admin/billing/invoices/{ids[0]}/refund", {"to": "gateway"})
    assert "together" in assert_error(refund, 422, "validation_error")["message"]
    shop.admin.data("POST", f"/admin/billing/invoices/{ids[0]}/refund", {"to": "credits"})
    assert balance(buyer) == Decimal("10.00")
    assert [invoice(buyer, i)["status"] for i in ids] == ["refunded", "paid"]
    shared = [p for p in invoice(buyer, ids[1])["payments"] if p["status"] == "succeeded"]
    assert [p["amount"] for p in shared] == ["10.00"]  # still paying the other invoice


def test_concurrent_pay_alls_by_credits_pay_once(shop, product):
    buyer = shop.user(credits="30.00")
    ids = [unpaid_order(buyer, product)["invoice"]["id"] for _ in range(2)]
    body = {"invoice_ids": ids, "payment_method": "credits"}
    answers = at_once([lambda api=clone(buyer): api.post("/billing/invoices/pay", body) for _ in range(6)])
    assert sorted(a.status_code for a in answers) == [200] + [409] * 5
    assert {a.json()["error"]["code"] for a in answers if a.status_code == 409} == {"invoice_not_payable"}
    assert balance(buyer) == Decimal("10.00")


def test_the_label_a_gateway_gets_for_many_invoices_fits_its_field():
    from panel.gateways.flow import numbers

    many = ", ".join(f"INV-{n:06d}" for n in range(100))
    label = numbers({"invoice_number": many}, 110)
    assert len(label) <= 110 and label.startswith("INV-000000, ") and label.endswith(" more")
    assert numbers({"invoice_number": "INV-000001"}, 110) == "INV-000001"
