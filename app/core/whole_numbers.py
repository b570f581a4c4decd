"""Reading a whole number (a count, a size, a CPU share, a range's bound) from what a panel sent or a cache kept
(pure: no Qt, no I/O).

The one reader, `whole`, replaces three that had drifted apart: the screens' (`app.views.shapes.whole`, which
refused 1024.0), the formatting's (`formatting._whole`, whose int() made 1.5 MB "1 MB" and read "١٢" as 12) and
pricing's (`_whole_size`, which read "1e3" as 1000). One rule now: an int, an integral Decimal or float (1024.0, as
a JSON number with a point is read), or text of one in plain ASCII notation ("4096", " 4096 ", "1024.0"). Anything
else is None (true/false, a fraction, NaN, infinity, a word, an exponent, other scripts' digits, an object), so a
screen leaves it out instead of raising in int() or showing a number the panel never sent.

`whole_size` is the variant with bounds: a size a spin box or slider can hold (0..SIZE_LIMIT), for the ranges a
product's sizes are chosen from. Unbounded `whole` stays for values a screen clamps into a range itself (a cart
line's saved size of 10**30 is shown as the range's top, not as no size) and for counts written as they are.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["MAX_DIGITS", "SIZE_LIMIT", "whole", "whole_size"]

SIZE_LIMIT = 2**31 - 1     # sliders and spin boxes hold 32-bit numbers (as app.api's schemas check a Size)
# No count or size comes near 40 digits; reading a longer one (10**999999999 as a JSON number) would cost seconds.
MAX_DIGITS = 40
_LIMIT = 10**MAX_DIGITS
_WHOLE_TEXT = re.compile(r"[+-]?[0-9]+(?:\.0*)?")      # [0-9], not \d: "²" or "١٢" are no number here


def whole(value: object, *, low: int | None = None, high: int | None = None) -> int | None:
    """`value` as a whole number, or None when it is not one (see the module) or lies outside `low`..`high`."""
    number = _read(value)
    if number is None or (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def whole_size(value: object) -> int | None:
    """`value` as a size a spin box holds: a whole number from 0 to SIZE_LIMIT; None for anything else (-1, 2**31,
    and all `whole` refuses)."""
    return whole(value, low=0, high=SIZE_LIMIT)


def _read(value: object) -> int | None:
    if isinstance(value, bool):
        return None                    # True is no count, though Python's bool is an int
    if isinstance(value, int):
        return value if -_LIMIT < value < _LIMIT else None
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS + 2 or not _WHOLE_TEXT.fullmatch(text):
            return None
        return int(text.split(".", 1)[0])
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            return None
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        try:
            if not value.is_finite() or value.adjusted() >= MAX_DIGITS or value != value.to_integral_value():
                return None
        except InvalidOperation:
            return None
        return int(value)
    return None
