"""An invoice raised before the operator changed the panel's currency is paid in its own currency: the gateways
(localstripe's PaymentIntents, a PayPal stand-in) are asked in it, the pay page writes it, and credits (held in the
panel's currency) never pay it one for one. Also: the pay page of one payment for several invoices lists every
invoice with what it pays of each. Real panels over HTTP, each test its own (the currency is panel-wide)."""
from __future__ import annotations

import json
import re
import sqlite3
from decimal import Decimal

import requests
import stripe

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.panel.test_order_cancel import approve_at_sandbox
from tests.panel.test_pay_page_lines import page_rows
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess
from tests.support.paypal_stub import PayPalStub

MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


def setup(fresh_panel, *extra_args: str) -> tuple[PanelProcess, Shop, dict]:
    proc = fresh_panel(extra_args=list(extra_args))
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    return proc, shop, shop.product(pricing=MONTHLY_10)


def unpaid_order(buyer: Api, product: dict, method: str = "paypal") -> dict:
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": method,
            "use_credits": False, **URLS}
    return buyer.data("POST", "/billing/checkout", body, expect=201)["invoice"]


def to_euros(shop: Shop) -> None:
    shop.settings(currency_code="EUR", currency_symbol="€")


def credit(shop: Shop, buyer: Api, amount: str) -> None:
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": amount, "note": "test"},
                    expect=201)


def invoice(buyer: Api, invoice_id: str) -> dict:
    return buyer.data("GET", f"/billing/invoices/{invoice_id}")


def balance(buyer: Api) -> str:
    return buyer.data("GET", "/billing/credits")["balance"]


def page_text(url: str) -> str:
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, response.text
    return " ".join(response.text.split())


def test_stripe_is_asked_in_the_invoices_currency_and_the_page_writes_it(fresh_panel):
    proc, shop, product = setup(fresh_panel, "--localstripe")
    buyer = shop.user()
    dollars = unpaid_order(buyer, product, "stripe")
    to_euros(shop)
    payment = buyer.data("POST", f"/billing/invoices/{dollars['id']}/pay", {"payment_method": "stripe", **URLS})
    text = page_text(payment["checkout_url"])  # the page opens the PaymentIntent
    assert '<span id="amount">10.00 USD</span>' in text and "€" not in text
    assert '"payLabel": "Pay 10.00 USD"' in text

    client = stripe.StripeClient(_setting(proc, "stripe_secret_key"),
                                 base_addresses={"api": _setting(proc, "stripe_api_base")})
    intent = client.v1.payment_intents.retrieve(_gateway_ref(proc, payment["id"]))
    assert (intent.currency, intent.amount) == ("usd", 1000)

    # an invoice raised after the change is charged in euros, written with the panel's symbol
    euros = unpaid_order(buyer, product, "stripe")
    assert euros["currency"] == "EUR"
    again = buyer.data("POST", f"/billing/invoices/{euros['id']}/pay", {"payment_method": "stripe", **URLS})
    text = page_text(again["checkout_url"])
    assert '<span id="amount">€10.00 EUR</span>' in text, text
    assert '"payLabel": "Pay \\u20ac10.00"' in text  # JSON in the page's script
    assert client.v1.payment_intents.retrieve(_gateway_ref(proc, again["id"])).currency == "eur"


def _db(proc: PanelProcess, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(f"file:{proc.db_path}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _setting(proc: PanelProcess, key: str):
    (value,), = _db(proc, "SELECT value FROM settings WHERE key = ?", key)
    return json.loads(value)


def _gateway_ref(proc: PanelProcess, payment_id: str) -> str:
    (ref,), = _db(proc, "SELECT gateway_ref FROM payments WHERE id = ?", payment_id)
    assert ref
    return ref


def test_paypal_is_asked_in_the_invoices_currency_for_one_invoice_and_several(fresh_panel):
    _, shop, product = setup(fresh_panel)
    buyer = shop.user()
    first, second = unpaid_order(buyer, product), unpaid_order(buyer, product)
    to_euros(shop)
    with PayPalStub() as stub:
        shop.settings(**stub.settings())
        one = buyer.data("POST", f"/billing/invoices/{first['id']}/pay", {"payment_method": "paypal", **URLS})
        assert requests.get(one["checkout_url"], allow_redirects=False, timeout=30).status_code == 303
        both = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": [first["id"], second["id"]],
                                                            "payment_method": "paypal", **URLS})
        assert requests.get(both["checkout_url"], allow_redirects=False, timeout=30).status_code == 303
        orders = stub.received("POST", r"/v2/checkout/orders$")
        amounts = [call.body["purchase_units"][0]["amount"] for call in orders]
        assert amounts == [{"currency_code": "USD", "value": "10.00"}, {"currency_code": "USD", "value": "20.00"}]


def test_credits_never_pay_an_invoice_in_another_currency(fresh_panel):
    _, shop, product = setup(fresh_panel)
    buyer = shop.user()
    dollars, more_dollars = unpaid_order(buyer, product), unpaid_order(buyer, product)
    to_euros(shop)
    credit(shop, buyer, "50.00")  # euros now
    assert buyer.data("GET", "/billing/credits")["currency"] == "EUR"
    before = invoice(buyer, dollars["id"])

    # paying with credits alone is refused, naming both currencies, and changes nothing
    error = assert_error(buyer.post(f"/billing/invoices/{dollars['id']}/pay", {"payment_method": "credits"}),
                         422, "validation_error")
    assert "USD" in error["message"] and "EUR" in error["message"] and error["details"]["payment_method"]
    error = assert_error(buyer.post("/billing/invoices/pay", {"invoice_ids": [dollars["id"], more_dollars["id"]],
                                                              "payment_method": "credits"}), 422, "validation_error")
    assert "USD" in error["details"]["invoice_ids.0"][0]
    assert invoice(buyer, dollars["id"]) == before and balance(buyer) == "50.00"

    # through a gateway the whole balance is charged there and no credit is applied (one invoice, several)
    one = buyer.data("POST", f"/billing/invoices/{dollars['id']}/pay", {"payment_method": "paypal", **URLS})
    assert one["payment"]["amount"] == "10.00" and one["invoice"]["credits_applied"] == "0.00"
    both = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": [dollars["id"], more_dollars["id"]],
                                                        "payment_method": "paypal", "use_credits": True, **URLS})
    assert (both["payment"]["amount"], both["payment"]["credits_held"]) == ("20.00", "0.00")
    rows = page_rows(both["payment"]["checkout_url"])
    assert rows == [[f"Invoice {dollars['invoice_number']}", "10.00 USD"],
                    [f"Invoice {more_dollars['invoice_number']}", "10.00 USD"]]
    assert approve_at_sandbox(both["payment"]).status_code == 303
    for invoice_id in (dollars["id"], more_dollars["id"]):
        paid = invoice(buyer, invoice_id)
        assert (paid["status"], paid["credits_applied"], paid["amount_paid"]) == ("paid", "0.00", "10.00")
    assert balance(buyer) == "50.00"
    assert [t["type"] for t in buyer.data("GET", "/billing/credits/transactions")] == ["adjustment"]

    # an invoice in the credits' currency still takes them, at checkout (preview and order) and when paying
    cart = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}]}
    preview = buyer.data("POST", "/billing/checkout/preview", cart)
    assert (preview["currency"], preview["credits_applied"], preview["due_now"]) == ("EUR", "10.00", "0.00")
    euros = unpaid_order(buyer, product)
    paid = buyer.data("POST", f"/billing/invoices/{euros['id']}/pay", {"payment_method": "credits"})
    assert paid["invoice"]["status"] == "paid" and paid["invoice"]["credits_applied"] == "10.00"
    assert balance(buyer) == "40.00"


def test_the_pay_page_for_several_invoices_lists_each_with_what_it_pays_of_it(fresh_panel):
    _, shop, product = setup(fresh_panel)
    buyer = shop.user(credits="12.00")
    first, second, third = (unpaid_order(buyer, product) for _ in range(3))
    ids = [first["id"], second["id"], third["id"]]
    payment = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": ids, "payment_method": "paypal",
                                                           **URLS})["payment"]
    assert (payment["amount"], payment["credits_held"]) == ("18.00", "12.00")
    response = requests.get(payment["checkout_url"], timeout=30)
    numbers = ", ".join(i["invoice_number"] for i in (first, second, third))
    assert f"Invoice {numbers}</div>" in response.text
    assert re.search(r'<span id="amount">\$18\.00 USD</span>', response.text)
    rows = page_rows(payment["checkout_url"])
    assert rows == [[f"Invoice {first['invoice_number']} ($10.00 paid with credits)", "$0.00"],
                    [f"Invoice {second['invoice_number']} ($2.00 paid with credits)", "$8.00"],
                    [f"Invoice {third['invoice_number']}", "$10.00"]]
    assert sum(Decimal(amount.lstrip("$")) for _, amount in rows) == Decimal(payment["amount"])


def test_the_currency_cannot_change_while_a_top_up_is_unpaid(fresh_panel):
    """A top-up raised in dollars and paid after a switch to euros would add its amount to a euro balance."""
    _, shop, _ = setup(fresh_panel)
    buyer = shop.user()
    top_up = buyer.data("POST", "/billing/credits/top-up", {"amount": "20.00", "payment_method": "paypal", **URLS},
                        expect=201)
    error = assert_error(shop.admin.put("/admin/billing/settings", {"currency_code": "EUR"}), 409, "conflict")
    assert "1 unpaid top-up" in error["message"]
    assert shop.admin.data("GET", "/admin/billing/settings")["currency_code"] == "USD"
    # paid, it is credit like any other (and then the balance holds the change, as before)
    assert approve_at_sandbox(top_up["payment"]).status_code == 303
    assert balance(buyer) == "20.00"
    error = assert_error(shop.admin.put("/admin/billing/settings", {"currency_code": "EUR"}), 409, "conflict")
    assert "credit balance" in error["message"] and "top-up" not in error["message"]
    assert buyer.data("GET", "/billing/credits")["currency"] == "USD"


def test_a_refund_of_an_invoice_in_another_currency_never_goes_through_credits(fresh_panel):
    """An invoice paid in pounds (written so: the panel refuses to change its currency while a service renews)
    is refunded to its gateway; refunding it to a balance counted in dollars is refused and changes nothing."""
    proc, shop, product = setup(fresh_panel)
    buyer = shop.user(credits="4.00")
    by_paypal = unpaid_order(buyer, product)
    payment = buyer.data("POST", f"/billing/invoices/{by_paypal['id']}/pay",
                         {"payment_method": "paypal", "use_credits": False, **URLS})
    assert approve_at_sandbox(payment).status_code == 303
    with_credits = unpaid_order(buyer, product)
    payment = buyer.data("POST", f"/billing/invoices/{with_credits['id']}/pay", {"payment_method": "paypal", **URLS})
    assert payment["invoice"]["credits_applied"] == "4.00" and approve_at_sandbox(payment).status_code == 303
    with sqlite3.connect(proc.db_path) as conn:
        conn.execute("UPDATE invoices SET currency = 'GBP' WHERE id IN (?, ?)", (by_paypal["id"], with_credits["id"]))
    conn.close()

    refund = f"/admin/billing/invoices/{by_paypal['id']}/refund"
    error = assert_error(shop.admin.post(refund, {"to": "credits"}), 422, "validation_error")
    assert "GBP" in error["details"]["to"][0] and "USD" in error["details"]["to"][0]
    error = assert_error(shop.admin.post(f"/admin/billing/invoices/{with_credits['id']}/refund", {"to": "gateway"}),
                         422, "validation_error")
    assert "GBP" in error["message"]
    assert [invoice(buyer, i)["status"] for i in (by_paypal["id"], with_credits["id"])] == ["paid", "paid"]
    assert balance(buyer) == "0.00"
    back = shop.admin.data("POST", refund, {"to": "gateway"})
    assert back["status"] == "refunded" and balance(buyer) == "0.00"
