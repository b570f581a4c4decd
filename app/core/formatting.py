"""How the client writes dates, sizes, cycles and statuses: the screens, the table models and the invoice PDF alike.

Money is not here: every amount goes through AccountData.money, which knows the account's currency. Numbers and
dates are written by app.core.local_format in the user's locale; the words are translated through app.core.text.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.core import local_format
from app.core.cycles import CYCLE_LABELS
from app.core.text import translate
from app.core.whole_numbers import whole


def _cycle_labels() -> dict[str, str]:
    # Written out call by call so pyside6-lupdate collects each word (it cannot read a dict of plain strings).
    return {
        "one_time": translate("formatting", "One-time"),
        "monthly": translate("formatting", "Monthly"),
        "quarterly": translate("formatting", "Quarterly"),
        "semi_annual": translate("formatting", "Semi-annual"),
        "annual": translate("formatting", "Annual"),
        "biennial": translate("formatting", "Biennial"),
    }


def _cycle_suffixes() -> dict[str, str]:
    return {
        "one_time": translate("formatting", "one-time"),
        "monthly": translate("formatting", "/ month"),
        "quarterly": translate("formatting", "/ 3 months"),
        "semi_annual": translate("formatting", "/ 6 months"),
        "annual": translate("formatting", "/ year"),
        "biennial": translate("formatting", "/ 2 years"),
    }


def _status_labels() -> dict[str, str]:
    return {
        "awaiting_approval": translate("formatting", "Awaiting approval"),
        "top_up": translate("formatting", "Top-up"),
        "end_of_period": translate("formatting", "End of period"),
    }


NO_VALUE = "—"


def parse_when(value: str | None) -> date | None:
    """The calendar date of a panel date ("2026-11-24") or timestamp ("2026-11-24T02:55:40.840026Z").

    Timestamps are UTC on the wire; the user lives in local time, so a payment made at 00:30 local time is
    shown on the day the user made it. Plain dates (due dates) have no time zone and are kept as they are.
    """
    if not value:
        return None
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    try:
        return moment.astimezone().date() if moment.tzinfo else moment.date()
    except OverflowError:   # a stamp at datetime's very ends (a cache written before answers were checked)
        return moment.date()


def format_date(value: str | date | None) -> str:
    """"Nov 24, 2026" / "24.11.2026" (the locale's medium date); a dash for no date, the text itself for something
    that is not a date."""
    if value is None or value == "":
        return NO_VALUE
    day = value if isinstance(value, date) else parse_when(value)
    if day is None:
        return str(value)
    return local_format.date_text(day.date() if isinstance(day, datetime) else day)


def format_datetime(value: str | None) -> str:
    """"Nov 24, 2026, 2:05 PM" / "24.11.2026, 14:05" in local time, for a panel timestamp."""
    if not value:
        return NO_VALUE
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    try:
        return local_format.datetime_text(moment)
    except OverflowError:   # at datetime's very ends there is no local time to show
        return str(value)


def _number(value: Decimal) -> str:
    """1.50 -> "1.5" / "1,5", 2.00 -> "2": sizes read best without trailing zeros."""
    return local_format.number(value.quantize(Decimal("0.01")).normalize())


def size_text(megabytes: int | None) -> str:
    """Memory or disk given in MB: "512 MB", "1 GB", "1.5 GB", "2 TB". 0 means no limit, as on the panel."""
    mb = whole(megabytes)
    if mb is None:
        return NO_VALUE
    if mb <= 0:
        return translate("formatting", "Unlimited")
    if mb < 1024:
        return translate("formatting", "{size} MB").format(size=local_format.number(mb))
    gb = Decimal(mb) / 1024
    if gb >= 1024:
        return translate("formatting", "{size} TB").format(size=_number(gb / 1024))
    return translate("formatting", "{size} GB").format(size=_number(gb))


def cpu_text(percent: int | None) -> str:
    """CPU given in % of one core: 100 -> "1 core", 150 -> "1.5 cores", 50 -> "0.5 cores"."""
    pct = whole(percent)
    if pct is None:
        return NO_VALUE
    if pct <= 0:
        return translate("formatting", "Unlimited CPU")
    cores = Decimal(pct) / 100
    if cores == 1:
        return translate("formatting", "1 core")
    # Fractional counts ("1.5 cores") cannot go through Qt's %n plurals, which take whole numbers.
    return translate("formatting", "{cores} cores").format(cores=_number(cores))


def resources_text(resources: dict | None) -> str:
    """"4 GB RAM · 20 GB disk · 2 cores" from a product's resources (MB, MB, %)."""
    resources = resources if isinstance(resources, dict) else {}
    parts = []
    if resources.get("memory") is not None:
        parts.append(translate("formatting", "{size} RAM").format(size=size_text(resources["memory"])))
    if resources.get("disk") is not None:
        parts.append(translate("formatting", "{size} disk").format(size=size_text(resources["disk"])))
    if resources.get("cpu") is not None:
        parts.append(cpu_text(resources["cpu"]))
    return " · ".join(parts)


def line_resources_text(line: object) -> str:
    """What a priced line's sizes are, worded and separated as every resources line ("4 GB RAM · 50 GB disk ·
    2 cores"): the product's price line showed the pricing description's "4 GB RAM, 50 GB disk, 2 vCPU" (the
    panel's English, written on its invoices) under a resources line saying "2 Kerne" in German. "" when the
    line names no sizes (a fixed plan, a setup fee)."""
    sizes = getattr(line, "sizes", None)
    return resources_text(sizes) if isinstance(sizes, dict) and sizes else ""


def cycle_label(cycle: str | None) -> str:
    """"Monthly", "Semi-annual", "One-time"."""
    if not cycle:
        return NO_VALUE
    return _cycle_labels().get(cycle) or CYCLE_LABELS.get(cycle) or humanise(cycle)


def cycle_suffix(cycle: str | None) -> str:
    """What follows a price: "/ month", "/ year", "one-time"."""
    if not cycle:
        return ""
    return _cycle_suffixes().get(cycle) or humanise(cycle).lower()


def humanise(code: str | None) -> str:
    """A panel code as words: "awaiting_approval" -> "Awaiting approval", "top_up" -> "Top-up"."""
    if not code:
        return NO_VALUE
    text = str(code)
    return _status_labels().get(text) or text.replace("_", " ").capitalize()


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """"1 invoice", "3 invoices", "20,000 invoices" ("20.000" in German): the number in the user's locale.

    The noun is the caller's: callers that show it translate it (or use `translate(ctx, "%n invoice(s)", None, n)`
    with number_text for the digits)."""
    return f"{local_format.number(count)} {singular if count == 1 else (plural or singular + 's')}"


def number_text(value: Decimal | int, places: int | None = None) -> str:
    """A count or quantity in the user's locale: 20000 -> "20,000" / "20.000"."""
    return local_format.number(value, places)


def seconds_text(seconds: float | int | Decimal) -> str:
    """A number of seconds as the locale writes it, to the hundredth: 2.5 -> "2.5" / "2,5", 10 -> "10" (f"{x:g}"
    wrote "2.5" in a German sentence, and "1e+03" for a thousand)."""
    try:
        value = Decimal(str(round(float(seconds), 2))).normalize()
    except (TypeError, ValueError, ArithmeticError, OverflowError):
        return str(seconds)
    if not value.is_finite():
        return str(seconds)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return local_format.number(value)


def seconds_phrase(seconds: float | int | Decimal) -> str:
    """A duration in seconds with its noun, in the user's language and plural: "1 second", "15 seconds", "1 Sekunde",
    "15 Sekunden"; "2.5 seconds" / "2,5 Sekunden" for a fraction (Qt's plurals count whole numbers only).
    "{seconds} seconds" wrote "1 seconds"."""
    shown = seconds_text(seconds)
    try:
        value = Decimal(str(seconds))
    except (ArithmeticError, ValueError, TypeError):
        return translate("formatting", "{seconds} seconds").format(seconds=shown)
    if value.is_finite() and value == value.to_integral_value() and 0 <= value < 2**31:
        whole = int(value)      # a plain name: lupdate reads the count argument only as one
        return translate("formatting", "%Ln second(s)", None, whole)
    return translate("formatting", "{seconds} seconds").format(seconds=shown)


def rate_text(rate: object) -> str:
    """A tax rate given in percent ("20.00", "7.5") as the locale writes it: "20%" / "20 %", "7.5%" / "7,5 %";
    the text itself for something that is not a number."""
    try:
        value = Decimal(str(rate)).normalize()
    except ArithmeticError:
        return str(rate)
    if not value.is_finite():
        return str(rate)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    try:
        return local_format.percent(value / 100, places)
    except ArithmeticError:   # past what the locale's pattern can write (1e19 %): the text as sent
        return str(rate)


def time_text(value: datetime) -> str:
    """The clock time of a moment, in local time: "2:05 PM" / "14:05" (what "%H:%M" used to write)."""
    return local_format.time_text(value)


def relative_text(value: datetime, now: datetime | None = None) -> str:
    """"3 minutes ago" / "vor 3 Minuten", "in 2 days"."""
    return local_format.relative_text(value, now)
