"""Money, numbers, dates and relative times as the user's locale writes them (pure: Babel only, no Qt).

One locale for the whole process: the shell sets it once at start-up from the system (or the user's choice);
tests and the command-line tools keep the default, en_US, so what they print does not depend on the machine.
Babel is imported on first use, not at import time: most of start-up never formats an amount.
Amounts are rounded by app.core.money (half-up, the panel's places), never by Babel, so what the screen shows
is what the panel charges; Babel only writes the rounded Decimal down.
"""
from __future__ import annotations

import copy
import importlib.util
import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, localcontext
from functools import lru_cache
from pathlib import Path

from .money import MoneyError, round_money

DEFAULT_LOCALE = "en_US"

_locale_name = DEFAULT_LOCALE

# A currency code is three capital letters (ISO 4217); anything else a panel sends is written as it came,
# after the number, rather than handed to Babel as if it were a currency.
_CODE_RE = re.compile(r"[A-Z]{3}")
# ... cut to this many characters: every amount on screen carries it, and a list formats thousands (a 64 KB code
# from a panel made each amount 64 KB, and the formatting cache below ~500 MB).
MAX_CODE_SHOWN = 12


def _normalise(name: str | None) -> str:
    """"de-DE", "de_DE.UTF-8", "de_DE@euro" -> "de_DE"; "C"/"POSIX"/empty -> the default."""
    text = str(name or "").strip().split(".")[0].split("@")[0].replace("-", "_")
    return DEFAULT_LOCALE if text in ("", "C", "POSIX") else text


@lru_cache(maxsize=16)
def _babel_locale(name: str):
    from babel import Locale
    return Locale.parse(name)


def _has_data_file(name: str) -> bool:
    if not re.fullmatch(r"[A-Za-z]{2,3}(_[A-Za-z0-9]+)*", name):
        return False
    spec = importlib.util.find_spec("babel")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return any((Path(folder) / "locale-data" / f"{name}.dat").is_file() for folder in folders)


def set_locale(name: str | None) -> str:
    """Use `name` ("de_DE", "fr-CH", "de_DE.UTF-8") from now on; one Babel has no data for falls back to the
    default rather than stopping the app. Returns the locale now in use."""
    global _locale_name
    wanted = _normalise(name)
    # A look for Babel's data file is enough for the usual names and imports nothing: importing Babel and loading
    # the locale's data (tens of milliseconds) waits for the first amount or date written, after the window shows.
    # Only a name without a file of its own (an alias such as "de_Latn_DE", or nonsense) is parsed now.
    if not _has_data_file(wanted):
        from babel import UnknownLocaleError
        try:
            wanted = str(_babel_locale(wanted))
        except (UnknownLocaleError, ValueError, TypeError):
            wanted = DEFAULT_LOCALE
    _locale_name = wanted
    return wanted


def current_locale() -> str:
    return _locale_name


def _locale():
    return _babel_locale(_locale_name)


def _fixed(value: Decimal, places: int) -> Decimal:
    try:
        return round_money(Decimal(value), places)
    except (MoneyError, ArithmeticError, ValueError, TypeError):
        return Decimal(value)


def _apply(pattern, value: Decimal, locale, **options) -> str:
    """`_grouped_apply` with enough precision for every digit: Babel quantizes in the thread's decimal context
    (28 digits), which raised InvalidOperation for an amount of 10^27 or more (a computed price can be one)."""
    digits = value.adjusted() + 1 + max(pattern.frac_prec) if value.is_finite() and value else 0
    if digits <= 28:
        return _grouped_apply(pattern, value, locale, **options)
    with localcontext() as ctx:
        ctx.prec = digits + 2
        return _grouped_apply(pattern, value, locale, **options)


def _grouped_apply(pattern, value: Decimal, locale, **options) -> str:
    """pattern.apply(), except where the locale groups digits with an ASCII apostrophe (de_CH, fr_CH): Babel's
    apply() strips single quotes in pairs as pattern quoting, so "1'234'567" would come out as "1234567" while
    "1'234" survives. There the digits are written ungrouped and grouped here, as Babel meant them."""
    symbol = _group_symbol(locale)
    if "'" not in symbol:
        return pattern.apply(value, locale, **options)
    text = pattern.apply(value, locale, group_separator=False, **options)
    digits = f"{abs(value).to_integral_value(rounding='ROUND_DOWN'):f}"
    first, rest = pattern.grouping
    groups: list[str] = []
    while len(digits) > (rest if groups else first):
        size = rest if groups else first
        groups.insert(0, digits[-size:])
        digits = digits[:-size]
    if not groups:
        return text
    grouped = symbol.join([digits, *groups])
    return text.replace(grouped.replace(symbol, ""), grouped, 1)


@lru_cache(maxsize=16)
def _group_symbol(locale) -> str:
    from babel.numbers import get_group_symbol
    return get_group_symbol(locale)


def money(amount: Decimal, currency_code: str | None, places: int = 2) -> str:
    """"$1,234.50", "1.234,50 €", "-1.234,50 €" with the panel's `places` (not Babel's digits for the currency).
    A well-formed code the locale has no symbol for is shown as the code ("XYZ1,234.50", as Babel writes it);
    anything else the panel sent as a code is written after the number ("1,234.50 eur?")."""
    value = _fixed(amount, places)
    code = str(currency_code or "").strip()
    if len(code) > MAX_CODE_SHOWN:
        code = code[:MAX_CODE_SHOWN - 1] + "…"
    return _money(str(value), code, places, _locale_name)


@lru_cache(maxsize=8192)
def _money(value_text: str, code: str, places: int, locale_name: str) -> str:
    """money() once per amount (as text, sign and all), currency, places and locale: lists show the same
    few prices thousands of times, and Babel takes ~20 us an amount (a search over 50,000 invoices formats them
    all)."""
    value = Decimal(value_text)
    if not _CODE_RE.fullmatch(code):
        return f"{number(value, places)} {code}".rstrip()
    locale = _babel_locale(locale_name)
    try:
        pattern, needs_currency = _currency_pattern(code, places, locale_name)
        options = {"currency": code, "currency_digits": False} if needs_currency else {}
        return _apply(pattern, value, locale, **options)
    except (KeyError, ValueError, LookupError):
        return f"{number(value, places)} {code}"


@lru_cache(maxsize=64)
def _currency_pattern(code: str, places: int, locale_name: str):
    """The locale's currency pattern at `places`, and whether apply() must still be given the currency. Babel's
    apply() looks the currency's plural name up for every amount it formats with a currency, ~17 us of its ~40 us,
    though a standard pattern never shows it: so where the pattern has one "¤", the currency's symbol is put in its
    place here and apply() formats the number alone, writing the same text. A pattern that wants the code or the
    name ("¤¤", "¤¤¤") keeps them, and Babel fills them in."""
    from babel.numbers import get_currency_symbol

    locale = _babel_locale(locale_name)
    pattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (places, places)
    if any("¤¤" in part for part in (*pattern.prefix, *pattern.suffix)):
        return pattern, True
    symbol = get_currency_symbol(code, locale)
    pattern.prefix = tuple(part.replace("¤", symbol) for part in pattern.prefix)
    pattern.suffix = tuple(part.replace("¤", symbol) for part in pattern.suffix)
    return pattern, False


def number(value: Decimal | int, places: int | None = None) -> str:
    """A number with the locale's grouping and decimal sign: 1234.5 -> "1,234.5" / "1.234,5".
    `places` fixes the decimals; None keeps the value's own (trailing zeros of a Decimal included)."""
    locale = _locale()
    pattern = copy.copy(locale.decimal_formats[None])
    if places is not None:
        value = _fixed(Decimal(value), places)
        pattern.frac_prec = (places, places)
    else:
        value = Decimal(value)
        exponent = value.as_tuple().exponent
        digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        pattern.frac_prec = (digits, digits)
    return _apply(pattern, value, locale)


def percent(value: Decimal | int, places: int = 0) -> str:
    """A fraction as a percentage: 0.25 -> "25%" / "25 %" (the locale's sign and spacing, `places` decimals)."""
    locale = _locale()
    pattern = copy.copy(locale.percent_formats[None])
    pattern.frac_prec = (places, places)
    return pattern.apply(Decimal(value), locale)


def date_text(day: date, fmt: str = "medium") -> str:
    """"Nov 24, 2026" / "24.11.2026" / "24 nov. 2026"."""
    return _date_text(day, fmt, _locale_name)


@lru_cache(maxsize=4096)
def _date_text(day: date, fmt: str, locale_name: str) -> str:
    """date_text() once per day, format and locale: a list's rows share their dates, and Babel takes ~30 us a
    date (a screenful of invoices writes ~35 of them before its first paint)."""
    from babel.dates import format_date
    return format_date(day, fmt, locale=_babel_locale(locale_name))


def date_entry_pattern() -> str:
    """The locale's short, all-digit date pattern with a four-digit year, for a date field the user edits:
    "M/d/yyyy" / "dd.MM.yyyy" / "dd/MM/yyyy". Qt's QDateEdit reads the same letters as CLDR for these fields."""
    from babel.dates import get_date_format
    return re.sub(r"y+", "yyyy", get_date_format("short", locale=_locale()).pattern)


def month_text(day: date, with_year: bool = True) -> str:
    """A month for a chart's axis: "Nov 2026" / "Nov. 2026" / "nov. 2026", or the month alone ("Nov")."""
    from babel.dates import format_date, format_skeleton
    if with_year:
        return format_skeleton("yMMM", day, locale=_locale())
    return format_date(day, "LLL", locale=_locale())


def time_text(moment: datetime | time) -> str:
    """The clock time, short: "2:05 PM" / "14:05" (local time for an aware datetime)."""
    from babel.dates import format_time
    if isinstance(moment, datetime):
        moment = (moment.astimezone() if moment.tzinfo else moment).time().replace(tzinfo=None)
    return format_time(moment, "short", locale=_locale())


def datetime_text(moment: datetime) -> str:
    """Medium date and short time in local time: "Nov 24, 2026, 2:05 PM" / "24.11.2026, 14:05"."""
    from babel.dates import get_datetime_format
    local = moment.astimezone() if moment.tzinfo else moment
    pattern = get_datetime_format("medium", locale=_locale())
    return pattern.replace("{1}", date_text(local.date())).replace("{0}", time_text(local))


def relative_text(moment: datetime | timedelta, now: datetime | None = None) -> str:
    """"3 minutes ago" / "vor 3 Minuten", "in 2 days" / "in 2 Tagen": a moment against now, or a signed delta
    (negative = past)."""
    from babel.dates import format_timedelta
    if isinstance(moment, datetime):
        now = now or datetime.now(UTC)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        delta = moment - (now if now.tzinfo else now.replace(tzinfo=UTC))
    else:
        delta = moment
    return format_timedelta(delta, add_direction=True, locale=_locale())


def country_name(code: str) -> str | None:
    """"Germany" / "Deutschland" / "Allemagne" for "DE", in the user's locale; None when the locale's data has no
    name for the code."""
    return _locale().territories.get(str(code).upper()) if code else None
