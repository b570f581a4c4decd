"""How the client writes dates, sizes, cycles and statuses: the screens, the table models and the invoice PDF alike.

Money is not here: every amount goes through AccountData.money, which knows the account's currency.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.core.cycles import CYCLE_LABELS

# Month names are fixed English abbreviations rather than strftime's %b, which follows the C locale and
# would make "24 Nov 2026" depend on the machine the app runs on.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_CYCLE_SUFFIX = {
    "one_time": "one-time",
    "monthly": "/ month",
    "quarterly": "/ 3 months",
    "semi_annual": "/ 6 months",
    "annual": "/ year",
    "biennial": "/ 2 years",
}

_STATUS_LABELS = {
    "awaiting_approval": "Awaiting approval",
    "top_up": "Top-up",
    "end_of_period": "End of period",
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
    return moment.astimezone().date() if moment.tzinfo else moment.date()


def format_date(value: str | date | None) -> str:
    """"24 Nov 2026"; a dash for no date, the text itself for something that is not a date."""
    if value is None or value == "":
        return NO_VALUE
    day = value if isinstance(value, date) else parse_when(value)
    if day is None:
        return str(value)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_datetime(value: str | None) -> str:
    """"24 Nov 2026, 14:05" in local time, for a panel timestamp."""
    if not value:
        return NO_VALUE
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo:
        moment = moment.astimezone()
    return f"{format_date(moment.date())}, {moment:%H:%M}"


def _number(value: Decimal) -> str:
    """1.50 -> "1.5", 2.00 -> "2": sizes read best without trailing zeros."""
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def size_text(megabytes: int | None) -> str:
    """Memory or disk given in MB: "512 MB", "1 GB", "1.5 GB", "2 TB". 0 means no limit, as on the panel."""
    if megabytes is None:
        return NO_VALUE
    mb = int(megabytes)
    if mb <= 0:
        return "Unlimited"
    if mb < 1024:
        return f"{mb} MB"
    gb = Decimal(mb) / 1024
    if gb >= 1024:
        return f"{_number(gb / 1024)} TB"
    return f"{_number(gb)} GB"


def cpu_text(percent: int | None) -> str:
    """CPU given in % of one core: 100 -> "1 core", 150 -> "1.5 cores", 50 -> "0.5 cores"."""
    if percent is None:
        return NO_VALUE
    pct = int(percent)
    if pct <= 0:
        return "Unlimited CPU"
    cores = _number(Decimal(pct) / 100)
    return f"{cores} core" if cores == "1" else f"{cores} cores"


def resources_text(resources: dict | None) -> str:
    """"4 GB RAM · 20 GB disk · 2 cores" from a product's resources (MB, MB, %)."""
    resources = resources or {}
    parts = []
    if resources.get("memory") is not None:
        parts.append(f"{size_text(resources['memory'])} RAM")
    if resources.get("disk") is not None:
        parts.append(f"{size_text(resources['disk'])} disk")
    if resources.get("cpu") is not None:
        parts.append(cpu_text(resources["cpu"]))
    return " · ".join(parts)


def cycle_label(cycle: str | None) -> str:
    """"Monthly", "Semi-annual", "One-time"."""
    if not cycle:
        return NO_VALUE
    return CYCLE_LABELS.get(cycle) or humanise(cycle)


def cycle_suffix(cycle: str | None) -> str:
    """What follows a price: "/ month", "/ year", "one-time"."""
    if not cycle:
        return ""
    return _CYCLE_SUFFIX.get(cycle) or humanise(cycle).lower()


def humanise(code: str | None) -> str:
    """A panel code as words: "awaiting_approval" -> "Awaiting approval", "top_up" -> "Top-up"."""
    if not code:
        return NO_VALUE
    text = str(code)
    return _STATUS_LABELS.get(text) or text.replace("_", " ").capitalize()


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """"1 invoice", "3 invoices", "20,000 invoices"."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"
