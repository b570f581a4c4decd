"""Money, numbers, dates and relative times as en_US, de_DE and fr_CH write them (app.core.local_format).

The expected strings are Babel's (CLDR's) own, spaces included: U+00A0 (no-break space) between a German amount and
its currency, U+202F (narrow no-break space) before an American "PM". The one place we differ from Babel on purpose
is its dropping of the Swiss apostrophe grouping in numbers of 7+ digits (see test_swiss_grouping_is_consistent).
"""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from babel.numbers import format_currency

from app.core import formatting, local_format
from app.core.account_data import AccountData

NBSP, NNBSP = "\u00a0", "\u202f"
BIG, NEG = Decimal("1234567.50"), Decimal("-1234.5")


@pytest.fixture
def locale():
    """Switch the process's formatting locale for one test; back to the default afterwards."""
    yield local_format.set_locale
    local_format.set_locale(local_format.DEFAULT_LOCALE)


def test_default_is_en_us():
    assert local_format.current_locale() == "en_US"


MONEY = {
    "en_US": {("EUR", 2): ("€1,234,567.50", "-€1,234.50"), ("CHF", 2): ("CHF1,234,567.50", "-CHF1,234.50"),
              ("USD", 2): ("$1,234,567.50", "-$1,234.50"), ("JPY", 0): ("¥1,234,568", "-¥1,235")},
    "de_DE": {("EUR", 2): (f"1.234.567,50{NBSP}€", f"-1.234,50{NBSP}€"),
              ("CHF", 2): (f"1.234.567,50{NBSP}CHF", f"-1.234,50{NBSP}CHF"),
              ("USD", 2): (f"1.234.567,50{NBSP}$", f"-1.234,50{NBSP}$"),
              ("JPY", 0): (f"1.234.568{NBSP}¥", f"-1.235{NBSP}¥")},
    "fr_CH": {("EUR", 2): (f"1'234'567,50{NBSP}€", f"-1'234,50{NBSP}€"),
              ("CHF", 2): (f"1'234'567,50{NBSP}CHF", f"-1'234,50{NBSP}CHF"),
              ("USD", 2): (f"1'234'567,50{NBSP}$US", f"-1'234,50{NBSP}$US"),
              ("JPY", 0): (f"1'234'568{NBSP}JPY", f"-1'235{NBSP}JPY")},
}


@pytest.mark.parametrize("name", sorted(MONEY))
def test_money_as_each_locale_writes_it(locale, name):
    locale(name)
    for (code, places), (big, negative) in MONEY[name].items():
        assert local_format.money(BIG, code, places) == big, (name, code)
        assert local_format.money(NEG, code, places) == negative, (name, code)


@pytest.mark.parametrize("name", ["en_US", "de_DE", "fr_CH", "fr_FR", "pt_BR", "hi_IN", "ar_EG", "he_IL", "sv_SE"])
def test_money_is_babels_own_output_for_two_places(locale, name):
    """Where the panel's places are the currency's, we write exactly what Babel writes (1,234.50 keeps its one
    group separator under Babel's quote stripping, so fr_CH compares too)."""
    locale(name)
    for code in ("EUR", "CHF", "USD", "GBP", "XYZ"):
        for amount in (Decimal("1234.50"), Decimal("-0.50"), Decimal("0.00")):
            assert local_format.money(amount, code, 2) == format_currency(amount, code, locale=name), (code, amount)


def test_swiss_grouping_is_consistent(locale):
    """Babel strips quote pairs as pattern quoting, so its own fr_CH output groups 1'234 but not 1234567; ours
    groups both alike."""
    locale("fr_CH")
    assert format_currency(BIG, "CHF", locale="fr_CH") == f"1234567,50{NBSP}CHF"      # Babel's slip, for the record
    assert local_format.money(BIG, "CHF", 2) == f"1'234'567,50{NBSP}CHF"
    assert local_format.money(Decimal("1234.5"), "CHF", 2) == f"1'234,50{NBSP}CHF"
    assert local_format.number(Decimal("123456789")) == "123'456'789"
    assert local_format.money(Decimal("-1234567890.5"), "CHF", 2) == f"-1'234'567'890,50{NBSP}CHF"     # 3 quotes


def test_places_are_the_panels_and_rounding_is_half_up(locale):
    locale("de_DE")
    assert local_format.money(Decimal("10.005"), "EUR", 2) == f"10,01{NBSP}€"       # half-up, not banker's
    assert local_format.money(Decimal("10.5"), "JPY", 0) == f"11{NBSP}¥"
    assert local_format.money(Decimal("10"), "JPY", 2) == f"10,00{NBSP}¥"           # the panel's 2, not JPY's 0
    assert local_format.money(Decimal("1.2345"), "BHD", 3) == f"1,235{NBSP}BHD"
    assert local_format.money(Decimal("-0.001"), "EUR", 2) == f"0,00{NBSP}€"       # no negative zero


@pytest.mark.parametrize(("name", "expected"), [("en_US", "XYZ12.50"), ("de_DE", f"12,50{NBSP}XYZ")])
def test_unknown_currency_code_is_written_as_babel_does(locale, name, expected):
    locale(name)
    assert local_format.money(Decimal("12.5"), "XYZ", 2) == expected


@pytest.mark.parametrize("code", ["garbage!", "eur", "€", "EURO", "<b>", None, ""])
def test_malformed_currency_code_falls_back_to_number_and_code(locale, code):
    locale("de_DE")
    assert local_format.money(Decimal("1234.5"), code, 2) == f"1.234,50 {code or ''}".rstrip()


DATES = {
    "en_US": ("Nov 5, 2026", f"Nov 5, 2026, 2:05{NNBSP}PM", f"9:07{NNBSP}AM"),
    "de_DE": ("05.11.2026", "05.11.2026, 14:05", "09:07"),
    "fr_CH": ("5 nov. 2026", "5 nov. 2026, 14:05", "09:07"),
}


@pytest.mark.parametrize("name", sorted(DATES))
def test_dates_and_times(locale, name):
    locale(name)
    day, moment, clock = DATES[name]
    assert local_format.date_text(date(2026, 11, 5)) == day
    assert local_format.datetime_text(datetime(2026, 11, 5, 14, 5)) == moment
    assert local_format.time_text(time(9, 7)) == clock
    assert formatting.format_date("2026-11-05") == day
    # A panel timestamp is UTC and shown in local time: compare against the same moment made local.
    local = datetime(2026, 11, 5, 14, 5, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert formatting.format_datetime("2026-11-05T14:05:00Z") == local_format.datetime_text(local)


RELATIVE = {
    "en_US": ("3 minutes ago", "in 2 days", "1 hour ago"),
    "de_DE": ("vor 3 Minuten", "in 2 Tagen", "vor 1 Stunde"),
    "fr_CH": ("il y a 3 minutes", "dans 2 jours", "il y a 1 heure"),
}


@pytest.mark.parametrize("name", sorted(RELATIVE))
def test_relative_times(locale, name):
    locale(name)
    now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    past, future, hour = RELATIVE[name]
    assert local_format.relative_text(now - timedelta(minutes=3), now) == past
    assert local_format.relative_text(now + timedelta(days=2), now) == future
    assert local_format.relative_text(timedelta(hours=-1)) == hour


@pytest.mark.parametrize(("name", "count", "size", "rate"), [
    ("en_US", "20,000 invoices", "1.5 GB", "7.5%"),
    ("de_DE", "20.000 invoices", "1,5 GB", f"7,5{NBSP}%"),
    ("fr_CH", "20'000 invoices", "1,5 GB", "7,5%"),
])
def test_formatting_numbers_follow_the_locale(locale, name, count, size, rate):
    locale(name)
    assert formatting.count_text(20000, "invoice") == count
    assert formatting.size_text(1536) == size
    assert formatting.rate_text("7.50") == rate
    assert formatting.size_text(0) == "Unlimited"
    assert formatting.cpu_text(100) == "1 core"


def test_account_money_uses_the_accounts_code_and_places(locale):
    euro = AccountData("a", billing_config={"currency": {"code": "EUR", "symbol": "€", "places": 2}})
    assert euro.money("1234567.5") == "€1,234,567.50"
    assert euro.money(None) == "—"
    assert euro.money("not money") == "not money"
    locale("de_DE")
    assert euro.money("-1234.5") == f"-1.234,50{NBSP}€"
    no_code = AccountData("b", billing_config={"currency": {"symbol": "$", "places": 2}})
    assert no_code.money("3") == "3,00 $"


@pytest.mark.parametrize(("asked", "used"), [
    ("de_DE", "de_DE"), ("de-DE", "de_DE"), ("de_DE.UTF-8", "de_DE"), ("fr_CH@euro", "fr_CH"),
    ("C", "en_US"), ("", "en_US"), (None, "en_US"), ("xx_YY", "en_US"), ("not a locale!", "en_US"),
])
def test_set_locale_normalises_and_falls_back(locale, asked, used):
    assert locale(asked) == used
    assert local_format.current_locale() == used


def test_start_up_does_not_load_babel():
    """Importing the module and setting the locale (what start-up does) leave Babel unimported until the first
    amount or date is written; a fresh interpreter, since this one has long imported it."""
    import subprocess
    import sys
    code = ("import sys, app.core.local_format as lf, app.core.formatting, app.core.account_data\n"
            "assert lf.set_locale('de_DE') == 'de_DE'\n"
            "assert 'babel' not in sys.modules, 'babel imported at start-up'\n"
            "from decimal import Decimal\n"
            "assert lf.money(Decimal('1234.5'), 'EUR', 2) == '1.234,50\\u00a0€'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr



def test_a_formatted_amount_is_kept_per_locale_and_sign(locale):
    locale("en_US")
    assert local_format.money(Decimal("1234.5"), "USD") == "$1,234.50"
    locale("de_DE")
    assert local_format.money(Decimal("1234.5"), "USD") == f"1.234,50{NBSP}$"      # not the English text kept
    locale("en_US")
    assert local_format.money(Decimal("1234.50"), "USD") == "$1,234.50"
    assert local_format.money(Decimal("-1.00"), "USD") == "-$1.00"                # not the $1.00 kept before
    assert local_format.money(Decimal("1.00"), "USD") == "$1.00"
