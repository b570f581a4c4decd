"""The payment page a panel sends (`payment.checkout_url`) loads in the checkout dialog only when it is on the
panel's own origin or a payment gateway's https host. Before, its first load was decided like a click: a page
anywhere else opened in the system browser at once, unasked (a panel could send the buyer to any site it chose);
a javascript:, file: or userinfo-trick address left an empty dialog. Now the dialog says why, in words."""
from __future__ import annotations

import pytest

from app.core.navigation import NavigationPolicy

PANEL = "https://panel.example.com"
RETURN = "http://127.0.0.1:9/sett-checkout/return"
CANCEL = "http://127.0.0.1:9/sett-checkout/cancel"


@pytest.fixture
def policy() -> NavigationPolicy:
    return NavigationPolicy(PANEL, RETURN, CANCEL)


@pytest.mark.parametrize("url", [
    "https://panel.example.com/pay/p-1?token=t",
    "  https://PANEL.example.com./pay/p-1",
    "https://checkout.stripe.com/c/pay/cs_1",
    "https://www.paypal.com/checkoutnow?token=EC-1",
])
def test_the_panels_pay_page_and_the_gateways_open_in_the_dialog(policy, url):
    assert policy.first_page_problem(url) is None


@pytest.mark.parametrize(("url", "host"), [
    ("https://evil.example/pay", "evil.example"),
    ("https://panel.example.com.evil.example/pay", "panel.example.com.evil.example"),
    ("https://pаnel.example.com/pay", "xn--pnel-53d.example.com"),        # a Cyrillic "а": shown as punycode
    ("http://panel.example.com/pay", "panel.example.com"),                 # the panel, downgraded to plain http
    ("http://checkout.stripe.com/pay", "checkout.stripe.com"),             # a gateway over plain http
    ("https://checkout.stripe.com:8443/pay", "checkout.stripe.com"),
    (RETURN + "?payment=p-1", "127.0.0.1"),                                 # "done" before anything was shown
])
def test_a_page_elsewhere_is_not_opened_and_the_words_name_its_host(policy, url, host):
    problem = policy.first_page_problem(url)
    assert problem and host in problem and "did not open it" in problem and "stays payable" in problem


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>1</script>", "sett://invoice/1",
    "https://panel.example.com@evil.example/pay", "https://panel.example.com\\@evil.example/",
    "https://panel.example.com/pay\nSet-Cookie: x", "about:blank", "", "   ", None, 17, {"url": PANEL},
    "https://" + "a" * 70_000 + ".example/",
])
def test_an_address_that_is_no_web_page_is_not_opened(policy, url):
    problem = policy.first_page_problem(url)
    assert problem and "did not open it" in problem and len(problem) < 500
