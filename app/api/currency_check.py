"""Amounts read in their currency: after an answer fits its schema (`validate`), each currency it names must be an
ISO 4217 code Babel knows ("US$", "USDX", "U SD", 978 name none), and each amount in it may have no more decimal
places than that currency has (app.core.currencies: "10.125" USD, "1000.5" JPY). Either is a `BadAnswer` naming
the field, and the answer is refused whole, as any other answer Sett does not understand: a sync keeps what it had,
a payment's answer is not saved.

An object that names a `currency` sets it for what it holds (an invoice and its lines and payments, each of the
dashboard's `other_currencies_due`); one that names none is in the account's currency, when Sett knows it (read
from `billing_config` by the same client). Codes are judged as `validate` spelled them ("usd" reads as "USD").
A product's `config_ranges` are left alone: a unit price per GB may have four places by the contract, and only
the rounded line amount is charged.
"""
from __future__ import annotations

from typing import Any

from app.core.currencies import amount_places, known_code, places_in
from app.core.text import translate

from .validate import bad_answer

# The fields that hold an amount of money, in whichever answer (a rate or a coupon's `value`, which may be a
# percentage, are not amounts; the schemas judge their form).
MONEY_KEYS = frozenset({
    "amount", "amount_paid", "balance", "balance_after", "balance_due", "credit_balance", "credits_applied",
    "credits_held", "discount", "due_now", "next_due_amount", "price", "recurring_amount", "setup_fee", "subtotal",
    "tax_amount", "total", "total_due", "unit_price",
})
_LEFT_ALONE = frozenset({"config_ranges"})


def _path(parts: tuple) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def not_a_currency(resource: str, field: str, code: Any) -> Exception:
    return bad_answer(resource, field, translate(
        "Validate", "{code} is not a currency code (ISO 4217: three capital letters, such as USD)").format(
        code=repr(str(code)[:20])))


def config_currency(resource: str, config: Any) -> tuple[str | None, int | None]:
    """billing_config's `(currency.code, currency.places)` once the code is a currency's; (None, None) when it
    names none. The schema checked `places` already (0..8 or absent)."""
    currency = config.get("currency") if isinstance(config, dict) else None
    if not isinstance(currency, dict) or currency.get("code") is None:
        return None, None
    code = currency["code"]
    if not known_code(code):
        raise not_a_currency(resource, "currency.code", code)
    places = currency.get("places")
    return code, places if type(places) is int else None


def in_currency(resource: str, data: Any, account: tuple[str | None, int | None] = (None, None), *,
                currency: str | None = None) -> Any:
    """`data` (an object, or a list of rows) as it is, once its currencies and amounts are a currency's; a
    `BadAnswer` naming the first field that is not. `account`: the account's currency and the places the panel
    writes it with; `currency`: the one `data` is in when it names none (else the account's)."""
    code, places = account
    allowed: dict[str, int] = {}      # places by currency, worked out once per answer (a sync reads thousands)
    known: set[str] = set()           # codes found to be currencies' in this answer

    def limit(named: str) -> int:
        if named not in allowed:
            allowed[named] = places_in(named, code, places)
        return allowed[named]

    stack: list[tuple[Any, tuple, str | None]] = [(data, (), currency or code)]
    while stack:
        item, where, current = stack.pop()
        if isinstance(item, list):
            stack.extend((value, (*where, n), current) for n, value in enumerate(item)
                         if isinstance(value, dict | list))
            continue
        if not isinstance(item, dict):
            continue
        named = item.get("currency")
        if named is not None and not isinstance(named, dict):
            if not isinstance(named, str) or named not in known:
                if not known_code(named):
                    raise not_a_currency(resource, _path((*where, "currency")), named)
                known.add(named)
            current = named
        for key, value in item.items():
            if key in MONEY_KEYS:
                if value is None or current is None or isinstance(value, dict | list):
                    if isinstance(value, dict | list):
                        stack.append((value, (*where, key), current))
                    continue
                decimals = amount_places(value)
                if decimals is not None and decimals > limit(current):
                    raise bad_answer(resource, _path((*where, key)), translate(
                        "Validate", "an amount with more decimal places than {currency} has ({places})").format(
                        currency=current, places=limit(current)))
            elif isinstance(value, dict | list) and key not in _LEFT_ALONE:
                stack.append((value, (*where, key), current))
    return data
