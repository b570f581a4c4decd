"""Prices Sett computes itself may pass the 10^12 bound every amount from a panel keeps (quantity x unit price, a
configured size x its unit price, a sum of many invoices): they are still written as money in the account's
currency and the locale's grouping, never as raw digits, and formatting them never raises."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.core import local_format
from app.core.account_data import AccountData
from app.core.money import MAX_ABS_AMOUNT, MoneyError, parse_money
from app.core.pricing import price_item

CONFIG = {"currency": {"code": "EUR", "symbol": "€", "places": 2}}


@pytest.fixture(autouse=True)
def _default_locale():
    yield
    local_format.set_locale(None)


def data() -> AccountData:
    return AccountData("a", billing_config=CONFIG)


def test_quantity_times_a_unit_price_past_a_trillion_is_money():
    product = {"id": "p", "name": "Big", "pricing_type": "fixed",
               "pricing": [{"billing_cycle": "monthly", "price": "999999999999.99", "setup_fee": "0"}]}
    (line,) = price_item(product, "monthly", None, 100, 2)
    assert line.amount == Decimal("99999999999999.00")
    assert data().money(line.amount) == "€99,999,999,999,999.00"


def test_a_configured_size_priced_past_a_trillion_is_money():
    product = {"id": "p", "name": "Huge", "pricing_type": "configurable",
               "pricing": [{"billing_cycle": "biennial", "price": "0", "setup_fee": "0"}],
               "config_ranges": {"memory": {"min": 1024, "max": 2**31 - 1024, "step": 1024,
                                            "unit_price": "999999999999.99"}},
               "resources": {"memory": 2**31 - 1024}}
    (line,) = price_item(product, "biennial", {"memory": 2**31 - 1024}, 1, 2)
    assert line.amount >= MAX_ABS_AMOUNT
    shown = data().money(line.amount)
    assert shown.startswith("€") and shown.endswith(".76") and "," in shown and "E" not in shown


@pytest.mark.parametrize(("amount", "shown"), [
    (Decimal("1000000000000"), "€1,000,000,000,000.00"),
    (Decimal("-50000000000000"), "-€50,000,000,000,000.00"),
    ("1234567890123456.5", "€1,234,567,890,123,456.50"),
    (Decimal("1E+30"), "€1," + ",".join(["000"] * 10) + ".00"),
])
def test_amounts_past_the_bound_are_formatted(amount, shown):
    assert data().money(amount) == shown


def test_the_locale_groups_them_too():
    local_format.set_locale("de_DE")
    assert data().money(Decimal("12345678901234.5")) == "12.345.678.901.234,50\xa0€"


def test_what_a_panel_sends_keeps_its_bound():
    with pytest.raises(MoneyError):
        parse_money("1000000000000")
    assert parse_money("1000000000000", bounded=False) == Decimal("1000000000000")
    with pytest.raises(MoneyError):
        parse_money("1e13", bounded=False)


def test_formatting_past_decimal_default_precision_does_not_raise():
    assert local_format.money(Decimal("1E+40"), "EUR", 2).startswith("€10,000,")
    assert local_format.number(Decimal("1E+40"), 2).endswith(",000.00")


def test_sizes_and_ranges_of_the_wrong_kind_from_an_old_cache_are_not_shown_as_sizes():
    """A product's resources or ranges as an old cache may hold them (an object, a list, true): the product card
    and the service page's configuration raised TypeError or AttributeError while drawing them."""
    from app.core.formatting import NO_VALUE, resources_text
    from app.core.pricing import config_ranges

    assert resources_text({"memory": {"x": 1}, "disk": [1], "cpu": True}) == \
        f"{NO_VALUE} RAM · {NO_VALUE} disk · {NO_VALUE}"
    assert resources_text(5) == ""
    assert resources_text({"memory": 2048, "cpu": 150}) == "2 GB RAM · 1.5 cores"
    assert config_ranges({"config_ranges": 1.5}) == {}
    good = {"min": 1024, "max": 4096, "step": 1024, "unit_price": "1.00"}
    assert config_ranges({"config_ranges": {"memory": [1], "disk": good}}) == {"disk": good}
