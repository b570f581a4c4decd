"""ISO 4217 as Sett reads a panel's currencies (app.core.currencies): a code is three capital letters Babel knows,
and an amount has no more places than the currency's minor unit (and, for the account's own currency, than the
panel writes it with)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.currencies import amount_places, iso_code, known_code, minor_places, places_in


@pytest.mark.parametrize("code", ["USD", "EUR", "JPY", "KWD", "CHF", "XTS"])
def test_real_codes_are_known(code):
    assert iso_code(code) and known_code(code)


@pytest.mark.parametrize("code", ["usd", " USD", "USD ", "US$", "USDX", "U SD", "US", "", "978", 840, None, "ABC",
                                  "ÜSD", "€"])
def test_loose_or_unknown_codes_are_not(code):
    assert not known_code(code)


def test_iso_shape_alone_is_three_capitals():
    assert iso_code("ABC") and not iso_code("AB1") and not iso_code("abc") and not iso_code("ABCD")


@pytest.mark.parametrize(("code", "places"), [("JPY", 0), ("KRW", 0), ("USD", 2), ("EUR", 2), ("KWD", 3),
                                              ("BHD", 3)])
def test_minor_units(code, places):
    assert minor_places(code) == places


def test_the_accounts_places_limit_its_own_currency_only_downwards():
    assert places_in("USD", "USD", 0) == 0
    assert places_in("USD", "USD", 3) == 2          # three places of dollars is no amount a card is charged
    assert places_in("KWD", "USD", 2) == 3          # another currency: its own minor unit
    assert places_in("JPY", "USD", 2) == 0
    assert places_in("USD", None, None) == 2


@pytest.mark.parametrize(("value", "places"), [
    ("10.125", 3), ("10.120", 2), ("1000.00", 0), ("1000", 0), ("-0.5", 1), (" 1.50 ", 1), (".25", 2),
    (10, 0), (Decimal("10.125"), 3), (Decimal("1E+2"), 0), (Decimal("12.3400"), 2),
    ("abc", None), (True, None), (1.5, None), (Decimal("NaN"), None), ("1" * 100, None),
])
def test_the_places_an_amount_really_has(value, places):
    assert amount_places(value) == places

