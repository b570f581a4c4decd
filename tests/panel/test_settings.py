"""What a client learns about a panel: public settings, billing config, and the billing licence gate."""
from __future__ import annotations

import pytest

from app.core.cycles import BILLING_CYCLES
from tests.panel.conftest import admin_of
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
