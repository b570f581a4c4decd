"""Money as Decimal: parsing what the wire sends, rounding, and the contract's decimal strings.

Floats never carry money here. The only place a float is touched is parse_money, because the
BadgerPanel web front end sends JSON numbers; those are converted through their shortest repr so
that 12.99 becomes Decimal("12.99") rather than the binary approximation 12.9899999999999984...
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = ["MAX_ABS_AMOUNT", "MoneyError", "currency_code", "money_str", "parse_money", "round_money", "same_currency"]

# No real price, balance or total comes near a trillion; anything that large is a typo or an
# attack, and refusing it keeps every later multiplication far inside Decimal's precision.
MAX_ABS_AMOUNT = Decimal(10) ** 12

# Plain decimal notation only: the contract sends "12.99", never "1.299e1". Exponents, underscores
# ("1_000", which Decimal() would accept) and thousands separators are refused so that a string
# means the same thing to every client and to the server.
_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")

# Enough digits that quantizing any accepted amount (12 integer digits plus intermediate products
# such as price x GB x months) can never raise for lack of precision.
_PRECISION = 60


class MoneyError(ValueError):
    """A value that cannot be used as an amount of money."""


def parse_money(value: object, *, bounded: bool = True) -> Decimal:
    """Turn a wire or user value (str, int, Decimal, float) into a finite Decimal.

    `bounded=False` lets an amount of MAX_ABS_AMOUNT or more through: what Sett computes itself (a quantity times
    a unit price, a configured size times its price) may pass the bound that every amount read from a panel
    keeps, and is still written as money rather than as raw digits."""
    # bool is an int subclass; True as a price is always a bug upstream, never 1.
    if isinstance(value, bool) or value is None:
        raise MoneyError(f"not an amount of money: {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # repr gives the shortest string that round-trips, i.e. what the sender meant.
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise MoneyError("an amount of money is required, got an empty string")
        if not _DECIMAL_RE.fullmatch(text):
            raise MoneyError(f"not a decimal amount of money: {value!r}")
        result = Decimal(text)
    else:
        raise MoneyError(f"not an amount of money: {type(value).__name__} {value!r}")
    if not result.is_finite():
        raise MoneyError(f"an amount of money must be finite, got {value!r}")
    if bounded and abs(result) >= MAX_ABS_AMOUNT:
        raise MoneyError(f"amount of money too large: {value!r}")
    return result


def _quantum(places: int) -> Decimal:
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise MoneyError(f"decimal places must be a non-negative integer, got {places!r}")
    return Decimal(1).scaleb(-places)


def round_money(amount: Decimal, places: int) -> Decimal:
    """Round half-up (the contract's rule, not banker's rounding) to `places` decimals."""
    quantum = _quantum(places)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rounded = Decimal(amount).quantize(quantum, rounding=ROUND_HALF_UP)
    # A negative amount that rounds to nothing must not print or compare as "-0.00".
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    return rounded


def money_str(amount: Decimal, places: int) -> str:
    """The contract's wire form: exactly `places` decimals, no exponent, no negative zero."""
    # The "f" format never switches to scientific notation, unlike str() on small Decimals.
    return format(round_money(amount, places), "f")


def currency_code(value: object) -> str:
    """A currency code in its one spelling: ISO 4217 codes are upper-case letters, so "usd", " Usd" and "USD" are
    all "USD" (the panel's answers are read so, app.api.validate; rows a cache kept from before are compared
    through here). "" for none; text that is not ASCII is left as sent (only stripped), never guessed at."""
    if value is None:
        return ""
    text = (value if isinstance(value, str) else str(value)).strip()
    return text.upper() if text.isascii() else text


def same_currency(one: object, other: object) -> bool:
    """Whether two currency codes name the same currency, whatever their case ("usd" is "USD")."""
    return currency_code(one) == currency_code(other)
