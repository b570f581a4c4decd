"""What a client learns about a panel: public settings, billing config, and the billing licence gate."""
from __future__ import annotations

import re

import pytest
import requests

from app.core.cycles import BILLING_CYCLES
from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.panel import Api

SECRETS = {"stripe_secret_key": "sk_test_never_shown_1234", "stripe_webhook_secret": "whsec_never_shown_5678",
           "paypal_client_secret": "paypal_never_shown_9012"}


def test_public_settings_need_no_login(anon):
    r = anon.get("/settings/public")
    assert r.status_code == 200
    assert r.json()["data"] == {"panel_name": "Sett Panel", "billing_enabled": True, "tickets_enabled": False,
                                "support_url": None}


def test_billing_config_needs_a_login(anon):
    r = anon.get("/billing/config")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"


def test_billing_config_defaults(shop):
    user = shop.user()
    assert user.data("GET", "/billing/config") == {
        "enabled": True,
        "currency": {"code": "USD", "symbol": "$", "places": 2},
        "tax": {"enabled": False, "rate": "0", "inclusive": False},
        "credits_enabled": True,
        "gateways": {"stripe": {"enabled": False, "publishable_key": None}, "paypal": {"enabled": False}},
        "billing_cycles": list(BILLING_CYCLES),
        "auto_activate": True,
        "seller": None,
    }


def test_config_follows_settings_and_never_shows_a_secret(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(panel_name="Acme Hosting", support_url="https://acme.example/help", tickets_enabled=True,
                  currency_code="EUR", currency_symbol="€", tax_enabled=True, tax_rate="20.5", tax_inclusive=True,
                  credits_enabled=False, auto_activate=False, stripe_enabled=True,
                  stripe_publishable_key="pk_test_shown", paypal_enabled=True, **SECRETS)
    user = shop.user()
    config = user.get("/billing/config")
    public = Api(proc).get("/settings/public")
    assert config.json()["data"] == {
        "enabled": True,
        "currency": {"code": "EUR", "symbol": "€", "places": 2},
        "tax": {"enabled": True, "rate": "20.5", "inclusive": True},
        "credits_enabled": False,
        "gateways": {"stripe": {"enabled": True, "publishable_key": "pk_test_shown"}, "paypal": {"enabled": True}},
        "billing_cycles": list(BILLING_CYCLES),
        "auto_activate": False,
        "seller": None,
    }
    assert public.json()["data"] == {"panel_name": "Acme Hosting", "billing_enabled": True,
                                     "tickets_enabled": True, "support_url": "https://acme.example/help"}
    for response in (config, public):
        for secret in SECRETS.values():
            assert secret not in response.text


@pytest.fixture
def gated(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    category = shop.category()
    product = shop.product(category["id"])
    return proc, shop, shop.user(), product


BILLING_READS = ("/billing/config", "/billing/categories", "/billing/products")


def assert_billing_disabled(user: Api, product: dict) -> None:
    for path in (*BILLING_READS, f"/billing/products/{product['id']}"):
        r = user.get(path)
        assert r.status_code == 403, (path, r.text)
        assert r.json()["error"]["code"] == "billing_disabled"


def test_without_the_licence_billing_is_disabled(gated):
    proc, shop, user, product = gated
    shop.admin.data("PUT", "/admin/license", {"billing": False})
    assert Api(proc).get("/settings/public").json()["data"]["billing_enabled"] is False
    assert_billing_disabled(user, product)
    # The operator can still prepare the catalogue while the licence is missing.
    assert shop.admin.get(f"/admin/billing/products/{product['id']}").status_code == 200

    shop.admin.data("PUT", "/admin/license", {"billing": True})
    assert Api(proc).get("/settings/public").json()["data"]["billing_enabled"] is True
    for path in BILLING_READS:
        assert user.get(path).status_code == 200, path


def test_switching_billing_off_disables_it_despite_the_licence(gated):
    proc, shop, user, product = gated
    shop.settings(billing_enabled=False)
    assert Api(proc).get("/settings/public").json()["data"]["billing_enabled"] is False
    assert_billing_disabled(user, product)


def _billing_operations(proc) -> list[tuple[str, str]]:
    """Every /billing/* operation the panel documents, ids filled with a made-up one."""
    spec = requests.get(proc.api_url + "/openapi.json", timeout=30).json()
    prefix = "/api/v1"
    return [(method.upper(), re.sub(r"\{[^}]+\}", "no-such-id", path.removeprefix(prefix)))
            for path, operations in spec["paths"].items() if path.startswith(prefix + "/billing/")
            for method in operations]


def test_without_the_licence_every_billing_path_is_403_even_one_that_does_not_exist(gated):
    proc, shop, user, product = gated
    operations = _billing_operations(proc)
    assert len(operations) >= 20, operations
    shop.admin.data("PUT", "/admin/license", {"billing": False})
    # Every operation (the gate answers before the body or the id is looked at), a path no operation serves, and
    # a path asked with a method it does not have: the contract says every /billing/* path.
    for method, path in [*operations, ("GET", "/billing/no-such-thing"), ("PUT", "/billing/orders"),
                         ("DELETE", "/billing/invoices")]:
        assert_error(user.request(method, path, json={"junk": True}), 403, "billing_disabled", f"{method} {path}")
    # Anonymous callers learn nothing about the licence: 401 first, as on the real paths.
    assert_error(Api(proc).get("/billing/no-such-thing"), 401, "unauthorized")
    assert Api(proc).get("/settings/public").json()["data"]["billing_enabled"] is False

    shop.admin.data("PUT", "/admin/license", {"billing": True})
    # With billing on, such paths are the usual 404 and 405 (naming the methods the path has).
    assert_error(user.get("/billing/no-such-thing"), 404, "not_found")
    wrong = user.put("/billing/orders")
    assert_error(wrong, 405, "method_not_allowed")
    assert wrong.headers["Allow"] == "GET"
    slashed = user.get("/billing/orders/?page=1", allow_redirects=False)   # as Starlette did for any other path
    assert slashed.status_code == 307 and slashed.headers["Location"] == "/api/v1/billing/orders?page=1"
    assert slashed.headers["X-RateLimit-Limit"]
    # The redirect never repeats the Host header (it is not trusted: a forged one came back in the Location).
    forged = user.get("/billing/orders/", allow_redirects=False, headers={"Host": "evil.example"})
    assert forged.status_code == 307 and "evil" not in forged.headers["Location"]
    assert user.get("/billing/orders/").json()["data"] == user.get("/billing/orders").json()["data"]


def test_head_options_and_other_methods_meet_the_same_gate_and_an_unknown_path_is_404(gated):
    """OPTIONS, HEAD or TRACE on a /billing/* path skipped the gate (405 even without a login), and a path no
    operation serves answered 405 with an Allow header naming methods it does not have."""
    proc, shop, user, _ = gated
    shop.admin.data("PUT", "/admin/license", {"billing": False})
    for method in ("OPTIONS", "HEAD", "TRACE"):
        for path in ("/billing/orders", "/billing/no-such-thing"):
            assert user.request(method, path).status_code == 403, (method, path)
            assert Api(proc).request(method, path).status_code == 401, (method, path)
    assert_error(user.request("OPTIONS", "/billing/orders"), 403, "billing_disabled")
    assert_error(user.request("OPTIONS", "/support/tickets"), 403, "tickets_disabled")  # off on a new panel

    shop.admin.data("PUT", "/admin/license", {"billing": True})
    for method in ("OPTIONS", "HEAD", "PROPFIND"):
        assert user.request(method, "/billing/no-such-thing").status_code == 404, method
        assert user.request(method, "/no-such-thing").status_code == 404, method
        if method == "HEAD":    # HTTP: a path that serves GET serves HEAD alike (docs/api.md)
            assert user.request(method, "/billing/orders").status_code == 200
            continue
        wrong = user.request(method, "/billing/orders")
        assert wrong.status_code == 405 and wrong.headers["Allow"] == "GET", method
    assert_error(user.request("OPTIONS", "/billing/no-such-thing"), 404, "not_found")
