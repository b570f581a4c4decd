"""Amounts of a row that names its own currency: written in that currency when it is not the account's.

A panel whose operator changed its currency keeps the invoices and services of before in the old one (and a hostile
panel may name any): writing them with the account's symbol showed EUR 25.00 as "$25.00". `money` is the account's
`AccountData.money`; a row naming no currency, or the account's, is written through it as before."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core import local_format
from app.core.formatting import NO_VALUE
from app.core.money import MoneyError, currency_code, parse_money

Money = Callable[[Any], str]


def row_money(money: Money) -> Callable[[dict, str], str]:
    """`write(row, key)`: `row[key]` as money, in the row's own currency where it names another than the
    account's (whose code and places come with `money` when it is an account's own)."""
    account = getattr(money, "__self__", None)
    code = currency_code(getattr(account, "currency_code", ""))
    places = getattr(account, "places", 2)

    def write(row: dict, key: str) -> str:
        # In one spelling: a row in "usd" on a "USD" account is the account's currency ("$10.00", not "10.00 usd").
        currency = currency_code(row.get("currency")) if isinstance(row.get("currency"), str) else ""
        value = row.get(key)
        if not code or not currency or currency == code:
            return money(value)
        if value is None or value == "":
            return NO_VALUE
        try:
            amount = parse_money(value, bounded=False)
        except MoneyError:
            return str(value)
        return local_format.money(amount, currency, places)
    return write


def own_currency_money(money: Money, row: dict) -> Money:
    """`money` for one record's amounts in the currency the record names (an invoice's PDF, its page): an invoice
    in euros on a dollar account written with the account's `money` read EUR 25.00 as "$25.00"."""
    write = row_money(money)
    currency = row.get("currency") if isinstance(row, dict) else None
    return lambda value: write({"currency": currency, "amount": value}, "amount")
