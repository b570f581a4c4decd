"""The checks the schemas' field types are made of (`schemas`): ids, money, text, counts and times, each within
sane bounds, saying what is wrong in words. Plain functions without pydantic, so the sync engine can read a
time without loading it (pydantic loads on the worker with the first answer, not at start-up).
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from app.core.local_format import number
from app.core.money import MAX_ABS_AMOUNT, parse_money
from app.core.text import translate

MAX_PLACES = 8              # no currency has more than 3; 8 covers crypto-style units, and scaling stays cheap
MAX_MONEY_DECIMALS = 24     # more than any currency or tax rate needs, few enough that minor units stay small ints
MAX_TEXT = 64 * 1024        # one field's text (a notification message is the longest the contract has)
MAX_CURRENCY_TEXT = 16      # a currency's code or symbol (ISO codes have 3 letters): every amount shows one
_MAX_NUMBER_TEXT = 64       # characters of one amount: longer is never money, and parsing it would cost CPU
_MAX_ID = 200
_MAX_WHOLE_DIGITS = len(str(MAX_ABS_AMOUNT)) - 1   # 12: below app.core.money.MAX_ABS_AMOUNT (10**12)
_MONEY_TEXT = re.compile(r"[+-]?([0-9]*)(?:\.([0-9]*))?")   # plain notation, as app.core.money reads it
# An id goes into URL paths (quoted by `paths.segment`, which cannot quote "." or ".." into anything but a step up
# the path), into logs and onto screens: control characters have no place in one.
_ID_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def _too_precise() -> str:
    return translate("Fields", "an amount of money with more than {limit} decimals").format(limit=MAX_MONEY_DECIMALS)


def _id_kind(value: Any) -> str:
    """What a value that is no id is, in words (as app.api.validate names kinds)."""
    if isinstance(value, bool):
        return translate("Validate", "true/false")
    if isinstance(value, Decimal | float):
        return translate("Fields", "a number with a fraction")
    words = {type(None): "nothing (null)", dict: "an object", list: "a list"}.get(type(value))
    return translate("Validate", words) if words else type(value).__name__


def check_id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(translate("Fields", "an id must be a string or a whole number, not {kind}").format(
            kind=_id_kind(value)))
    text = str(value)
    if not text or len(text) > _MAX_ID:
        raise ValueError(translate("Fields", "an id must be 1 to {limit} characters").format(limit=_MAX_ID))
    if text in (".", "..") or _ID_CONTROLS.search(text):
        raise ValueError(translate("Fields", "an id cannot be \".\" or \"..\" or hold control characters"))
    if not text.strip():
        # It names no record, and went into the path of every read of one (`/billing/invoices/%20`).
        raise ValueError(translate("Fields", "an id cannot be only white space"))
    return text


def check_money(value: Any) -> Any:
    """The amount as sent, once it is one: a decimal string (checked by its digits alone, which is what a page of
    thousands of rows can afford) or a JSON number (a Decimal or an int)."""
    if isinstance(value, str):
        found = _MONEY_TEXT.fullmatch(value.strip()) if len(value) <= _MAX_NUMBER_TEXT else None
        if found is None or not (found[1] or found[2]):
            raise ValueError(translate("Fields", "not a decimal amount of money"))
        whole, fraction = found[1].lstrip("0"), found[2] or ""
    elif isinstance(value, Decimal | int) and not isinstance(value, bool):
        amount = parse_money(value)   # finite, below app.core.money.MAX_ABS_AMOUNT
        if -amount.as_tuple().exponent > MAX_MONEY_DECIMALS:
            raise ValueError(_too_precise())
        return value
    else:
        raise ValueError(translate("Fields", "not an amount of money: {kind}").format(kind=type(value).__name__))
    if len(whole) > _MAX_WHOLE_DIGITS:
        raise ValueError(translate("Fields", "an amount of money of a trillion or more"))
    if len(fraction) > MAX_MONEY_DECIMALS:
        raise ValueError(_too_precise())
    return value


def check_charge(value: Any) -> Any:
    """An amount the contract never has below zero (a price, a total, a balance), as sent once it is one."""
    check_money(value)
    if parse_money(value) < 0:
        raise ValueError(translate("Fields", "a negative amount where there cannot be one"))
    return value


def check_rate(value: Any) -> Any:
    """A tax rate in percent, 0 to 100, as sent once it is one."""
    check_money(value)
    if not 0 <= parse_money(value) <= 100:
        raise ValueError(translate("Fields", "a tax rate outside 0 to 100 percent"))
    return value


def check_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError(translate("Fields", "expected text, not {kind}").format(kind=type(value).__name__))
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_TEXT:
        raise ValueError(translate("Fields", "text longer than {limit} characters").format(limit=number(MAX_TEXT)))
    return text


# Explicit direction overrides, embeddings and isolates (U+202A-202E, U+2066-2069): in a sentence Sett writes
# around a panel's text ("Pay {invoice} now: {amount}") they turn what follows backwards, an amount included.
# Right-to-left scripts need none of them (the Unicode bidi algorithm orders them by itself), so they are dropped
# from the panel's text (validate.checked).
BIDI_CONTROLS = {code: None for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
BIDI_PATTERN = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    return text.translate(BIDI_CONTROLS) if BIDI_PATTERN.search(text) else text


def check_currency(value: Any) -> str:
    text = check_text(value)
    if len(text) > MAX_CURRENCY_TEXT:
        raise ValueError(translate("Fields", "a currency code or symbol longer than {limit} characters").format(
            limit=MAX_CURRENCY_TEXT))
    return text


def check_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise ValueError(translate("Fields", "expected a whole number, not {kind}").format(kind=type(value).__name__))
    # ASCII digits only: str.isdigit() also takes "²" (which Decimal refuses with an InvalidOperation, not a
    # ValueError, so it escaped the check) and other scripts' digits, which the screens would show as sent.
    if isinstance(value, str) and (len(value) > 12 or not (value.strip().isascii() and value.strip().isdigit())):
        raise ValueError(translate("Fields", "expected a whole number"))
    number = Decimal(value)
    if number != number.to_integral_value() or not -10**12 < number < 10**12:
        raise ValueError(translate("Fields", "expected a whole number of sensible size"))
    return int(number)


def aware_time(value: Any) -> datetime:
    """An ISO 8601 time with a zone, as UTC; a time without a zone is refused, never read as local."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError(translate("Fields", "expected an ISO 8601 time as text"))
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(translate("Fields", "not an ISO 8601 time")) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(translate("Fields", "a time without a zone (Sett will not guess which one)"))
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        # At datetime's very ends (`0001-01-01T00:00:00+01:00`) there is no UTC time: an OverflowError, which no
        # caller expects, made a sync fail "unexpectedly".
        raise ValueError(translate("Fields", "a time outside the years 1 to 9999 in UTC")) from None


def check_stamp(value: Any) -> Any:
    """A row's timestamp (`updated_at`, `created_at`, `paid_at`): an ISO time with a zone, handed on as sent."""
    aware_time(value)
    return value


def check_day(value: Any) -> Any:
    """A calendar day (`due_date`, `issue_date`, `next_due_date`): `YYYY-MM-DD`, or a time with a zone; handed on as
    sent. Anything else would sort and show as nonsense, and reminders read these."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError(translate("Fields", "expected a date as text"))
    text = value.strip()
    if len(text) == 10:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ValueError(translate("Fields", "not a YYYY-MM-DD date")) from None
        return value
    aware_time(text)
    return value
