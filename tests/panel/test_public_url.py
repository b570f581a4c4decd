"""The panel's own origin in pay links and return-URL checks: `--public-url` when the operator gives one, else the
Host header only when it names loopback or the address the connection arrived on (never a name a client made up).
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from panel.urls import parse_public_url
from tests.panel.conftest import admin_of
from tests.panel.test_cli import assert_refused, run_panel
from tests.support.catalogue import Shop
from tests.support.panel import Api
from tests.support.paypal_stub import PayPalStub

PUBLIC = "https://pay.example.com"
LOOPBACK_URLS = {"return_url": "http://127.0.0.1:9/done", "cancel_url": "http://127.0.0.1:9/cancelled"}


def top_up(buyer: Api, host: str | None = None, **urls) -> dict:
    """A PayPal top-up (its answer carries a checkout_url), sent with `host` as the Host header if given."""
    headers = {"Host": host} if host else {}
    return buyer.post("/billing/credits/top-up", {"amount": "20.00", "payment_method": "paypal",
                                                  **LOOPBACK_URLS, **urls}, headers=headers)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def buyer_on(proc) -> Api:
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)  # the sandbox page: no PayPal account needed for a checkout_url
    return shop.user()


@pytest.fixture
def buyer(fresh_panel) -> Api:
    return buyer_on(fresh_panel())


def test_without_a_public_url_a_loopback_host_header_is_the_origin(buyer):
    port = urlsplit(buyer.panel.url).port
    answer = top_up(buyer, host=f"localhost:{port}")
    assert answer.status_code == 201, answer.text
    # the client reached the panel as localhost, so its web view opens the pay page under that same name
    assert origin_of(answer.json()["data"]["payment"]["checkout_url"]) == f"http://localhost:{port}"


def test_without_a_public_url_a_forged_host_is_not_believed(buyer):
    answer = top_up(buyer, host="evil.example")
    assert answer.status_code == 201, answer.text
    assert origin_of(answer.json()["data"]["payment"]["checkout_url"]) == buyer.panel.url  # where it connected
    refused = top_up(buyer, host="evil.example", return_url="http://evil.example/done")
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["details"]["return_url"]


def test_a_public_url_names_the_panel_in_pay_links_and_return_urls(fresh_panel):
    buyer = buyer_on(fresh_panel(extra_args=["--public-url", PUBLIC + "/"]))
    for host in (None, "evil.example"):
        answer = top_up(buyer, host=host, return_url=f"{PUBLIC}/done")
        assert answer.status_code == 201, answer.text
        checkout_url = answer.json()["data"]["payment"]["checkout_url"]
        assert checkout_url.startswith(f"{PUBLIC}/pay/")
    assert top_up(buyer, cancel_url="https://pay.example.com:443/back").status_code == 201  # same origin
    for foreign in ("http://pay.example.com/done", "https://evil.example/done", "http://10.0.0.1:8080/done"):
        assert top_up(buyer, return_url=foreign).status_code == 422, foreign
    assert top_up(buyer, return_url="http://localhost:5/ok").status_code == 201  # loopback stays allowed


def test_paypal_sends_the_buyer_back_to_the_public_url(fresh_panel):
    proc = fresh_panel(extra_args=["--public-url", PUBLIC])
    shop = Shop(admin_of(proc))
    with PayPalStub() as paypal:
        shop.settings(**paypal.settings())
        buyer = shop.user()
        payment = top_up(buyer).json()["data"]["payment"]
        # the browser follows checkout_url on the address it can reach; PayPal must send it back by the public name
        page = buyer.session.get(payment["checkout_url"].replace(PUBLIC, proc.url), allow_redirects=False,
                                 timeout=30)
        assert page.status_code == 303, page.text
        order = paypal.order_for(payment["id"])
        assert order.return_url.startswith(f"{PUBLIC}/pay/{payment['id']}/paypal/return?")
        assert order.cancel_url.startswith(f"{PUBLIC}/pay/{payment['id']}/cancel-return?")


@pytest.mark.parametrize("url", ["ftp://pay.example.com", "pay.example.com", "https://pay.example.com/panel",
                                 "https://pay.example.com/?x=1", "https://user:pw@pay.example.com",
                                 "https://pay.example.com:99999"])
def test_a_public_url_that_is_not_an_origin_is_refused(url):
    with pytest.raises(ValueError):
        parse_public_url(url)


def test_serve_refuses_a_bad_public_url_before_starting(tmp_path):
    result = run_panel("serve", "--db", str(tmp_path / "panel.db"), "--port", "0", "--public-url",
                       "https://pay.example.com/panel")
    assert_refused(result, "--public-url")
    assert not (tmp_path / "panel.db").exists()


def test_a_public_url_is_kept_as_a_lower_case_origin():
    assert parse_public_url(" HTTPS://Pay.Example.com:8443/ ") == "https://pay.example.com:8443"
