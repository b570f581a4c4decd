"""A config object the cache holds as something else (a list, a number, text: written by an older Sett, or into the
file by hand) is read as absent, never handed to the screens: `public_settings` held as a list made every read of
the account's data raise AttributeError ('list' object has no attribute 'get'), so the account showed nothing
until a sync wrote it again, and never offline."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.cache import AccountCache, CacheChanges
from app.cache.queries import OBJECT_CONFIG
from app.core.cart import Cart, TaxRule, local_quote, tax_rule_of
from app.session.data import load_account_data
from app.session.notices import load_seen
from app.session.payments import available_methods


@pytest.mark.parametrize("key", sorted(OBJECT_CONFIG))
@pytest.mark.parametrize("held", [[1], [{"billing_enabled": False}], "text", 5, True])
def test_an_object_held_as_another_kind_reads_as_absent(tmp_path, key, held):
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={key: held}))
        assert cache.config(key) is None and cache.config(key, {}) == {}
        data = load_account_data("a", cache)
        assert data.billing_enabled and not data.tickets_enabled
        assert data.money("1.50") == "$1.50" and data.places == 2
        assert data.document_parties == ("", "")


def test_objects_and_other_values_read_as_stored(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={"public_settings": {"panel_name": "P", "tickets_enabled": True},
                                         "notices_seen": ["n-1", 2]}))
        assert cache.config("public_settings")["panel_name"] == "P"
        assert load_account_data("a", cache).tickets_enabled
        assert load_seen(cache) == ["n-1", "2"]


def test_a_number_with_a_fraction_in_the_file_reads_as_a_decimal_never_a_float(tmp_path):
    """Sett writes amounts as text; a file written otherwise (an older Sett, by hand) brought floats into money."""
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={"credits": {"enabled": True, "balance": 0.1}},
                                 upserts={"invoices": [{"id": "i-1", "status": "pending", "total": 0.3,
                                                        "balance_due": 0.3}]}))
        assert cache.config("credits")["balance"] == Decimal("0.1")
        assert cache.invoice("i-1")["total"] == Decimal("0.3")
        assert not isinstance(cache.config("credits")["balance"], float)


@pytest.mark.parametrize("tax", ["20", 20, [20], True])
def test_a_tax_rule_held_as_another_kind_is_no_tax_and_the_cart_still_totals(tmp_path, tax):
    config = {"currency": {"code": "USD", "symbol": "$", "places": 2}, "tax": tax,
              "gateways": ["stripe"], "credits_enabled": True}
    product = {"id": "p-1", "name": "VPS", "pricing_type": "fixed", "config_ranges": None,
               "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]}
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={"billing_config": config}, upserts={"products": [product]}))
        data = load_account_data("a", cache)
    assert tax_rule_of(data.billing_config) == TaxRule(False, 0, False)
    quote = local_quote(Cart.from_dicts([{"product_id": "p-1", "billing_cycle": "monthly"}]), data.products,
                        data.billing_config)
    assert quote.total == Decimal("10.00")
    assert available_methods(data.billing_config, {"enabled": True, "balance": "50.00"}, "10.00") == ["credits"]
