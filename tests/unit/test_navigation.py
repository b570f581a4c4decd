"""The checkout web view's navigation policy: what loads in the dialog, what ends it, what goes elsewhere."""
from __future__ import annotations

import pytest

from app.core.navigation import Decision, NavigationPolicy, origin_of, payment_id_of

PANEL = "https://panel.example.com"
RETURN = "http://127.0.0.1:9/sett-checkout/return"
CANCEL = "http://127.0.0.1:9/sett-checkout/cancel"

A, R, C, E, X = Decision.ALLOW, Decision.RETURNED, Decision.CANCELLED, Decision.EXTERNAL, Decision.REFUSE


@pytest.fixture
def policy() -> NavigationPolicy:
    return NavigationPolicy(PANEL, RETURN, CANCEL)


@pytest.mark.parametrize(("url", "expected"), [
    # the panel's own pay pages
    ("https://panel.example.com/pay/abc?token=t", A),
    ("https://panel.example.com:443/pay/abc", A),
    ("HTTPS://PANEL.EXAMPLE.COM/pay/abc", A),
    ("https://panel.example.com./pay/abc", A),
    ("https://panel.example.com/pay/abc#frag", A),
    # gateways, https only
    ("https://js.stripe.com/v3/", A),
    ("https://hooks.stripe.com/3d_secure/x", A),
    ("https://m.stripe.com/6", A),
    ("https://www.paypal.com/checkoutnow?token=1", A),
    ("https://www.sandbox.paypal.com/checkoutnow", A),
    ("http://www.paypal.com/checkoutnow", X),
    ("http://js.stripe.com/v3/", X),
    ("https://js.stripe.com:8443/v3/", X),
    ("https://stripe.com.evil.com/", E),
    ("https://evilstripe.com/", E),
    ("https://paypal.com.evil.com/checkoutnow", E),
    # the way back
    (RETURN + "?payment=p1", R),
    (RETURN, R),
    (CANCEL + "?payment=p1", C),
    ("HTTP://127.0.0.1:9/sett-checkout/return?payment=p1", R),
    (RETURN + "#done", R),
    # lookalikes of the way back: elsewhere, never an ending
    ("http://127.0.0.1:9/sett-checkout/return-evil?payment=p1", E),
    ("http://127.0.0.1:9/sett-checkout/return/../cancel", E),
    ("http://127.0.0.1:9/sett-checkout/returnx", E),
    ("http://127.0.0.1:9/sett-checkout/return/extra", E),
    ("http://127.0.0.1:10/sett-checkout/return?payment=p1", E),
    ("http://localhost:9/sett-checkout/return?payment=p1", E),
    ("https://127.0.0.1:9/sett-checkout/return?payment=p1", E),
    ("http://127.0.0.1:9/SETT-CHECKOUT/RETURN", E),
    # lookalike panels
    ("https://panel.example.com.evil.com/pay/abc", E),
    ("https://evil-panel.example.com/pay/abc", E),
    ("https://panel.example.co/pay/abc", E),
    ("https://panel.example.com:8443/pay/abc", E),
    ("http://panel.example.com/pay/abc", X),
    ("https://pаnel.example.com/pay/abc", E),             # Cyrillic "а"
    # userinfo tricks are refused outright
    ("https://panel.example.com@evil.com/", X),
    ("https://panel@evil.com/", X),
    ("https://user:pw@panel.example.com/pay/abc", X),
    ("http://127.0.0.1:9@evil.com/sett-checkout/return", X),
    # elsewhere on the web
    ("https://example.org/terms", E),
    ("http://example.org/help", E),
    # never
    ("javascript:alert(1)", X),
    ("JavaScript:alert(1)", X),
    ("data:text/html,<h1>hi</h1>", X),
    ("file:///etc/passwd", X),
    ("about:config", X),
    ("chrome://settings", X),
    ("mailto:billing@example.com", X),
    ("sett://pay", X),
    ("ftp://panel.example.com/x", X),
    ("https://panel.example.com\\@evil.com/", X),
    ("https://panel.example.com:99999/", X),
    ("https://panel.example.com:abc/", X),
    ("https:///pay", X),
    ("https://panel..example.com/", X),
    ("", X),
    ("about:blank", A),
])
def test_main_frame(policy, url, expected):
    assert policy.decide(url) is expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://js.stripe.com/v3/elements-inner-card.html", A),
    ("https://panel.example.com/pay/abc", A),
    ("about:blank", A),
    ("about:srcdoc", A),
    ("https://ads.example.org/frame", X),      # a frame never opens the system browser
    ("data:text/html,x", X),
    (RETURN + "?payment=p1", R),
])
def test_sub_frames(policy, url, expected):
    assert policy.decide(url, main_frame=False) is expected


def test_about_srcdoc_is_not_a_main_frame_page(policy):
    assert policy.decide("about:srcdoc") is X


def test_a_plain_http_panel_on_loopback_is_its_own_origin():
    policy = NavigationPolicy("http://127.0.0.1:8123", RETURN, CANCEL)
    assert policy.decide("http://127.0.0.1:8123/pay/p?token=t") is A
    assert policy.decide("http://127.0.0.1:8124/pay/p?token=t") is E
    assert policy.decide("http://localhost:8123/pay/p") is E
    assert policy.decide(RETURN + "?payment=x") is R


def test_return_urls_on_the_panel_end_the_dialog_before_the_panel_allows_them():
    policy = NavigationPolicy(PANEL, PANEL + "/client/return", PANEL + "/client/cancel")
    assert policy.decide(PANEL + "/client/return?payment=p") is R
    assert policy.decide(PANEL + "/client/cancel?payment=p") is C
    assert policy.decide(PANEL + "/client/return-evil") is A   # the panel's own page: stays in the dialog


def test_idn_panel_hosts_match_their_punycode():
    policy = NavigationPolicy("https://bücher.example", RETURN, CANCEL)
    assert policy.decide("https://xn--bcher-kva.example/pay/1") is A
    assert policy.decide("https://BÜCHER.example./pay/1") is A
    assert policy.decide("https://bucher.example/pay/1") is E


def test_custom_gateway_hosts_replace_the_defaults():
    policy = NavigationPolicy(PANEL, RETURN, CANCEL, gateway_hosts=("pay.example.net", "*.psp.example"))
    assert policy.decide("https://pay.example.net/x") is A
    assert policy.decide("https://a.b.psp.example/x") is A
    assert policy.decide("https://psp.example/x") is E       # a wildcard covers subdomains only
    assert policy.decide("https://js.stripe.com/v3/") is E


def test_bad_configuration_is_refused_at_once():
    with pytest.raises(ValueError):
        NavigationPolicy("javascript:x", RETURN, CANCEL)
    with pytest.raises(ValueError):
        NavigationPolicy(PANEL, "not a url", CANCEL)


@pytest.mark.parametrize(("url", "expected"), [
    (RETURN + "?payment=3f2a-b_9", "3f2a-b_9"),
    (RETURN + "?x=1&payment=abc&payment=def", "abc"),
    (RETURN, None),
    (RETURN + "?payment=", None),
    (RETURN + "?payment=a%20b", None),
    (RETURN + "?payment=" + "a" * 65, None),
    (RETURN + "?payment=<script>", None),
])
def test_payment_id(url, expected):
    assert payment_id_of(url) == expected


def test_origin_of_fills_in_default_ports():
    assert origin_of("https://Panel.Example.com/x") == ("https", "panel.example.com", 443)
    assert origin_of("http://127.0.0.1/x") == ("http", "127.0.0.1", 80)
    assert origin_of("http://[::1]:8000/") == ("http", "::1", 8000)
