"""Currencies named in answers: after an answer fits its schema (`validate`), each currency it names must be an ISO
4217 code Babel knows ("US$", "USDX", "U SD", 978 name none; app.core.currencies). One that is not is a
`BadAnswer` naming the field, and the answer is refused whole, as any other answer Sett does not understand: a sync
keeps what it had, a payment's answer is not saved. Codes are judged as `validate` spelled them ("usd" reads as
"USD").

Amounts are not judged by their currency's places: they are kept exactly as sent (`Decimal`) and shown rounded to
the currency's places, as the contract's JSON numbers from a panel that computes in floats ("12.300000000000001")
would otherwise refuse a whole sync (tests/client/test_hostile_servers.py::test_money_the_contract_allows_syncs_
exactly). A product's `config_ranges` are left alone.
"""
from __future__ import annotations

from typing import Any

from app.core.currencies import known_code
from app.core.text import translate

from .validate import bad_answer

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


def config_currency(resource: str, config: Any) -> str | None:
    """billing_config's `currency.code` once it is a currency's; None when it names none."""
    currency = config.get("currency") if isinstance(config, dict) else None
    if not isinstance(currency, dict) or currency.get("code") is None:
        return None
    if not known_code(currency["code"]):
        raise not_a_currency(resource, "currency.code", currency["code"])
    return currency["code"]


def in_currency(resource: str, data: Any) -> Any:
    """`data` (an object, or a list of rows) as it is, once every currency it names is a currency's; a `BadAnswer`
    naming the first field that is not."""
    known: set[str] = set()           # codes found to be currencies' in this answer (a sync reads thousands)
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        item, where = stack.pop()
        if isinstance(item, list):
            stack.extend((value, (*where, n)) for n, value in enumerate(item) if isinstance(value, dict | list))
            continue
        if not isinstance(item, dict):
            continue
        named = item.get("currency")
        if named is not None and not isinstance(named, dict):
            if not isinstance(named, str) or named not in known:
                if not known_code(named):
                    raise not_a_currency(resource, _path((*where, "currency")), named)
                known.add(named)
        stack.extend((value, (*where, key)) for key, value in item.items()
                     if isinstance(value, dict | list) and key not in _LEFT_ALONE)
    return data
