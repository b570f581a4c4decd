"""A top-up as the contract starts it, `POST /billing/credits/top-up {amount, payment_method}` without return or
cancel URLs: it raises the invoice and answers with a payment whose page ends on the panel's own finished page
(it was a 422 asking for the URLs). With the URLs given, they are used and checked as before."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.panel.gateways import URLS, balance, pay_at_paypal
from tests.panel.helpers import assert_error


def test_a_top_up_without_urls_is_started_and_its_page_ends_on_the_panel(gateway_shop, paypal, browser):
    buyer = gateway_shop.user()
    made = buyer.data("POST", "/billing/credits/top-up", {"amount": "25.00", "payment_method": "paypal"}, expect=201)
    payment = made["payment"]
    assert payment["checkout_url"] and payment["status"] == "requires_action"
    assert made["invoice"]["status"] == "pending" and made["invoice"]["total"] == "25.00"
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(payment["checkout_url"]))

    url = payment["checkout_url"]
    for status in (303, 302, 303):             # pay page -> PayPal's approval -> the panel captures -> onwards
        response = browser.get(url, allow_redirects=False, timeout=30)
        assert response.status_code == status, response.text
        url = response.headers["location"]
    assert url == f"{origin}/pay/finished?payment={payment['id']}"
    page = browser.get(url, timeout=30)
    assert page.status_code == 200 and "Payment finished" in page.text and "Traceback" not in page.text
    assert balance(buyer) == "25.00"
    assert buyer.data("GET", f"/billing/invoices/{made['invoice']['id']}")["status"] == "paid"


def test_cancelling_a_top_up_started_without_urls_ends_on_the_panels_cancelled_page(gateway_shop, paypal, browser):
    buyer = gateway_shop.user()
    made = buyer.data("POST", "/billing/credits/top-up", {"amount": "25.00", "payment_method": "paypal"}, expect=201)
    payment = made["payment"]
    token = parse_qs(urlsplit(payment["checkout_url"]).query)["token"][0]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(payment["checkout_url"]))
    response = browser.post(f"{origin}/pay/{payment['id']}/cancel", data={"token": token}, allow_redirects=False,
                            timeout=30)
    assert response.status_code == 303
    assert response.headers["location"] == f"{origin}/pay/finished?cancelled=1&payment={payment['id']}"
    page = browser.get(response.headers["location"], timeout=30)
    assert page.status_code == 200 and "Payment cancelled" in page.text and "Nothing was charged" in page.text
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "cancelled"
    assert balance(buyer) == "0.00"


def test_given_urls_are_still_used_and_checked(gateway_shop, paypal, browser):
    buyer = gateway_shop.user()
    made = buyer.data("POST", "/billing/credits/top-up", {"amount": "25.00", "payment_method": "paypal", **URLS},
                      expect=201)
    pay_at_paypal(browser, made["payment"])         # ends on the client's return_url
    foreign = {**URLS, "return_url": "https://evil.example/"}
    assert_error(buyer.post("/billing/credits/top-up", {"amount": "25.00", "payment_method": "paypal", **foreign}),
                 422, "validation_error")


def test_the_finished_page_shows_nothing_of_any_payment(gateway_shop, browser):
    origin = gateway_shop.admin.panel.url
    page = browser.get(f"{origin}/pay/finished?payment=anything", timeout=30)
    assert page.status_code == 200 and "Payment finished" in page.text and "anything" not in page.text
