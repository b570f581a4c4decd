"""Currency codes as ISO 4217 has them: three capital letters that Babel's (CLDR's) list of currencies knows.

A panel's answer is judged by these (app.api.currency_check): "US$" or "USDX" as a code names no currency, so
nothing could be shown or paid in it. Babel loads here the first time a code is looked up (on the worker that reads
answers), never at start-up.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["iso_code", "known_code"]

_SHAPE = re.compile(r"[A-Z]{3}")


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
