"""ISO 4217 as Sett reads a panel's currencies (app.core.currencies): a code is three capital letters Babel
knows."""
from __future__ import annotations

import pytest

from app.core.currencies import iso_code, known_code


@pytest.mark.parametrize("code", ["USD", "EUR", "JPY", "KWD", "CHF", "XTS"])
def test_real_codes_are_known(code):
    assert iso_code(code) and known_code(code)


@pytest.mark.parametrize("code", ["usd", " USD", "USD ", "US$", "USDX", "U SD", "US", "", "978", 840, None, "ABC",
                                  "ÜSD", "€"])
def test_loose_or_unknown_codes_are_not(code):
    assert not known_code(code)


def test_iso_shape_alone_is_three_capitals():
    assert iso_code("ABC") and not iso_code("AB1") and not iso_code("abc") and not iso_code("ABCD")
