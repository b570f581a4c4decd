"""A panel's text fields made safe to show, for rows read back from a cache (pure: no Qt, no I/O).

`app.api.validate` turns a number the panel sent where text belongs (a name, a status, an invoice number) into its
text and drops direction controls before anything reaches the cache. A cache written by an older Sett, or a row
written before those checks, may still hold such values until the row syncs again; the screens write these fields
with QLabel.setText, join and compare them as text, and an int there raised while a page was drawn. The cache's
readers pass what they read through `as_text` so every row a screen gets is shaped as a checked answer would be.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from .money import currency_code

__all__ = ["BOOL_FIELDS", "COUNT_FIELDS", "ID_FIELDS", "ID_LISTS", "LIST_FIELDS", "OBJECT_FIELDS", "OBJECT_LISTS",
           "TEXT_FIELDS", "as_bool", "as_text", "spell_currency"]

# Every field some answer schema reads as text (app.api.schemas.Text / CurrencyText); a test keeps this list a
# superset of what the schemas declare. Only scalars under these names change: several of them (`currency`,
# `status`) hold an object in another answer, and an object is never turned into text here.
TEXT_FIELDS = frozenset((
    "action_url", "address_lines", "billing_cycle", "checkout_url", "code", "company", "country", "coupon_code",
    "created_at", "currency", "department", "description", "email", "first_name", "invoice_number", "ip",
    "last_name", "last_reply_at", "manage_url", "message", "method", "name", "node", "note", "order_number",
    "panel_name", "pricing_type", "product_name", "publishable_key", "reason", "reference", "slug", "status",
    "subject", "symbol", "tax_id", "ticket_number", "title", "type", "username", "body", "version", "billing_cycles",
))

_BIDI = {code: None for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_BIDI_PATTERN = re.compile("[\u202a-\u202e\u2066-\u2069]")


# The text fields that hold a container in some answer: billing_config's `currency` is an object ({code, symbol,
# places}), a party's `address_lines` and billing_config's `billing_cycles` lists of text (LIST_FIELDS; a test keeps
# it a superset of the schemas' `list[Text]` fields). Any other text field holding an object or a list (a cache
# written from a hostile panel) becomes that JSON as text, which the screens can write.
_CURRENCY = "currency"
LIST_FIELDS = frozenset(("address_lines", "billing_cycles"))


def _scalar_text(value: Any) -> Any:
    if isinstance(value, str):
        if value.isascii() or not _BIDI_PATTERN.search(value):
            return value
        return value.translate(_BIDI)
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict | list):
        return _scalar_text(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str))
    return value


def _is_code(value: Any) -> bool:
    return isinstance(value, str | int | Decimal) and not isinstance(value, bool)


def spell_currency(item: dict) -> bool:
    """The one rule for where a currency code sits, for both walks that put codes in their one spelling
    (`app.core.money.currency_code`: "usd" is "USD"): `app.api.validate` over the panel's answers, and `as_text`
    over rows a cache kept from before. A row's `currency` when it is a code (text, or a number as its digits), or
    billing_config's `currency.code` when `currency` is an object ({code, symbol, places}; the symbol stays as sent,
    "kr" is not "KR"). Changed in place, without direction controls. True when `item["currency"]` was a code and
    is done; False when it is absent, an object (whose other fields the caller walks on) or something else."""
    value = item.get(_CURRENCY)
    if isinstance(value, dict):
        code = value.get("code")
        if _is_code(code):
            spelled = currency_code(_scalar_text(code))
            if spelled != code:
                value["code"] = spelled
        return False
    if _is_code(value):
        spelled = currency_code(_scalar_text(value))
        if spelled != value:
            item[_CURRENCY] = spelled
        return True
    return False


# Every field some answer schema reads as true/false (app.api.schemas; a test keeps this a superset of them). The
# checks take what a JSON boolean is commonly sent as (1/0, "true"/"false", "yes"/"no"), but the row kept the text,
# which Python reads as true whatever it says: "inclusive": "false" priced the cart with tax included, "read": "0"
# showed a notification read, "archived": "false" took a live product out of the store.
BOOL_FIELDS = frozenset(("archived", "auto_activate", "billing_enabled", "credits_enabled", "enabled", "in_stock",
                         "inclusive", "read", "recurring", "staff", "tickets_enabled", "valid"))
_TRUE = frozenset(("1", "on", "t", "true", "y", "yes"))
_FALSE = frozenset(("0", "off", "f", "false", "n", "no"))


def as_bool(value: Any) -> Any:
    """A true/false sent as a number or a word (as the schemas accept one: 1/0, "true", "no") as True/False;
    anything else as it is (null stays null; what is no such word is left for the checks to refuse)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | Decimal) and value in (0, 1):
        return value == 1
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return value


def _lines(value: Any) -> list:
    if not isinstance(value, list):
        return [_scalar_text(value)]
    return [v if v is None else _scalar_text(v) for v in value]


# The objects and lists a record's page reads from a row (app.api.schemas checks these on every answer; a cache
# written before may hold anything there): an object field that holds no object counts as absent, a list field
# that holds no list as empty, and what is not an object in a list of objects is left out.
OBJECT_FIELDS = frozenset(("server", "config", "cancellation", "product", "category", "related", "author",
                           "address", "seller", "buyer", "coupon"))
# Counts and sizes the screens write with int(): an object or a list there counts as absent.
COUNT_FIELDS = frozenset(("stock", "swap", "io_weight", "database_limit", "backup_limit", "allocation_limit",
                          "quantity"))
OBJECT_LISTS = frozenset(("items", "lines", "payments", "messages", "pricing"))
ID_LISTS = frozenset(("service_ids", "invoice_ids", "product_ids"))
# Every field some answer schema reads as an id (app.api.schemas.Id; a test keeps this a superset of them): ids are
# text (the contract's string UUIDs), and a panel that sends them as JSON numbers has them kept as their digits by
# app.api.validate. A cache written before that may hold the number: read as its digits too, so an invoice's id
# and a service's `invoice_id` compare equal and a signal carrying the id (Signal(str)) takes it.
ID_FIELDS = frozenset(("id", "uuid", "invoice_id", "service_id", "order_id", "category_id", "product_id",
                       "ticket_id", "payment_id"))
_SHAPED = OBJECT_FIELDS | OBJECT_LISTS | ID_LISTS | COUNT_FIELDS


def _id_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _shaped(key: str, value: Any) -> Any:
    if key in COUNT_FIELDS:
        return None if isinstance(value, dict | list) else value
    if key in OBJECT_FIELDS:
        return value if isinstance(value, dict) else None
    if key in OBJECT_LISTS:
        return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
    if isinstance(value, list):
        return value if all(type(v) is str for v in value) else [_id_text(v) for v in value]
    return []


def as_text(data: Any) -> Any:
    """`data` (a row, a list of rows, a config value) with every value under a text field's name as text (a number,
    true/false, or an object or list where text belongs, as its JSON), and without direction controls; changed in
    place and returned; a list of text (LIST_FIELDS) has each line so; a currency code is in its one spelling
    ("usd" as "USD", app.core.money.currency_code), as a cache written before answers were read so may hold it;
    a true/false sent as 1/0 or a word is True/False (BOOL_FIELDS). Nulls and every other field are left as they
    are. A row that needs nothing costs a walk over its keys (~4 us an invoice)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if value is not None and key in _SHAPED:
                    shaped = _shaped(key, value)
                    if shaped is not value:
                        item[key] = value = shaped
                if key == _CURRENCY and spell_currency(item):   # the one rule app.api.validate reads answers by
                    continue
                if key in BOOL_FIELDS:
                    if not isinstance(value, bool | dict | list) and value is not None:
                        item[key] = as_bool(value)
                    continue
                if isinstance(value, str):
                    if key in LIST_FIELDS:
                        item[key] = [_scalar_text(value)]
                    elif key in TEXT_FIELDS and not value.isascii():
                        item[key] = _scalar_text(value)
                elif value is None:
                    continue
                elif key in ID_FIELDS and type(value) is int:
                    item[key] = str(value)
                elif key not in TEXT_FIELDS:
                    if isinstance(value, dict | list):
                        stack.append(value)
                elif key in LIST_FIELDS:
                    item[key] = _lines(value)
                elif key == _CURRENCY and isinstance(value, dict):   # its code already spelled (spell_currency)
                    stack.append(value)
                else:
                    item[key] = _scalar_text(value)
        elif isinstance(item, list):
            stack.extend(value for value in item if isinstance(value, dict | list))
    return data
