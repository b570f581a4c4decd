"""Currencies as ISO 4217 has them: a code is three capital letters that Babel's (CLDR's) list of currencies knows,
and an amount in a currency has no more decimal places than its minor unit (JPY none, USD 2, KWD 3).

A panel's answer is judged by these (app.api.currency_check): "10.125" USD was shown as $10.13 and could not be
charged (a card is charged in whole cents); "US$" or "usdx" as a code named no currency, so no places to judge by.
Babel loads here the first time a code is looked up (on the worker that reads answers), never at start-up.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

__all__ = ["amount_places", "iso_code", "known_code", "minor_places", "places_in"]

_SHAPE = re.compile(r"[A-Z]{3}")
_PLAIN = re.compile(r"\s*[+-]?[0-9]*(?:\.([0-9]*))?\s*")


def iso_code(code: Any) -> bool:
    """Whether `code` is shaped as ISO 4217 writes one: three capital letters A-Z, nothing around them."""
    return isinstance(code, str) and _SHAPE.fullmatch(code) is not None


@cache
def _known() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def known_code(code: Any) -> bool:
    """An ISO-shaped code that names a currency (historic ones, funds and XTS, the testing code, included)."""
    return iso_code(code) and code in _known()


@cache
def minor_places(code: str) -> int:
    """The decimal places of the currency's minor unit: 0 for JPY, 2 for USD, 3 for KWD (CLDR's digits, which
    gives 2 for a code it has no entry for, as ISO does for most)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))


def places_in(code: str, account_code: str | None = None, account_places: int | None = None) -> int:
    """The places an amount in `code` may have: its minor unit's, and for the account's own currency no more
    than the panel writes amounts with either (`billing_config.currency.places`: a screen shows that many, so an
    amount with more was shown rounded)."""
    places = minor_places(code)
    if account_code == code and type(account_places) is int and account_places >= 0:
        places = min(places, account_places)
    return places


def amount_places(value: Any) -> int | None:
    """The decimal places an amount really has (trailing zeros do not count: "1000.00" JPY is 1000 yen), or None
    for what is no plain amount (the schemas judge those). Strings are read by their digits: a sync reads
    thousands of amounts."""
    if isinstance(value, str):
        whole, _, fraction = value.partition(".")
        if fraction.isdigit() and fraction.isascii() and (not whole or whole.lstrip("+-").isdigit()):
            return len(fraction.rstrip("0"))      # the usual "12.30", without a pattern
        found = _PLAIN.fullmatch(value) if len(value) <= 64 else None
        return len((found[1] or "").rstrip("0")) if found else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return 0
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.normalize().as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else None
    return None
