"""Amounts of money as a client sends them: a decimal string ("12.99") or a plain JSON number (12.99, 10).

The JSON guard reads a number written with an exponent (`1E1`, `1.5e1`) as an ExponentNumber, which keeps the text
as written. Money is never written so (docs/api.md): `parse_amount` refuses it exactly as `parse_money` refuses the
string "1e3", so a number and a string that say the same thing get the same answer on every money field.
"""
from __future__ import annotations

from decimal import Decimal

from app.core.money import MAX_ABS_AMOUNT, MoneyError, parse_money

# The panel's refusal of a value that is not an amount of money (a string with an exponent, a boolean, text).
NOT_AN_AMOUNT = 'Must be a decimal amount such as "12.99".'


class ExponentNumber(Decimal):
    """A JSON number written with an exponent: the Decimal it means, and `written`, the literal as sent."""

    written: str

    def __new__(cls, text: str) -> ExponentNumber:
        number = super().__new__(cls, text)
        number.written = text
        return number


def json_number(text: str) -> Decimal:
    """json.loads's parse_float: a number with a fraction or an exponent, as the exact Decimal it writes."""
    return ExponentNumber(text) if "e" in text or "E" in text else Decimal(text)


def parse_amount(value: object, *, bounded: bool = True) -> Decimal:
    """parse_money for a value a client sent: a JSON number written with an exponent is refused like "1e3".
    One too large is named too large first (as its value, `1E+30`), as a string of that size would be."""
    if isinstance(value, ExponentNumber):
        if bounded and value.is_finite() and abs(value) >= MAX_ABS_AMOUNT:
            raise MoneyError(f"amount of money too large: {value}")
        raise MoneyError(f"not a decimal amount of money: {value.written}")
    return parse_money(value, bounded=bounded)
