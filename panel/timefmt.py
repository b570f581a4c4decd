"""Timestamps and dates in the contract's one textual form.

Stored and sent as ISO-8601 UTC with a `Z` and always six fractional digits, so that text order equals time
order and `updated_at >= ?` works in SQL without parsing.
"""
from __future__ import annotations

from datetime import UTC, date, datetime


def iso(moment: datetime) -> str:
    # isoformat, not strftime: strftime writes year 1 as "1", which would break the text order.
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 timestamp; naive values are taken as UTC. Raises ValueError on anything else.

    A moment whose UTC form falls outside years 1..9999 (`0001-01-01T00:00:00+01:00`) is a ValueError too, not
    the OverflowError datetime raises, so every caller's "not a timestamp" answer covers it.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected an ISO-8601 timestamp")
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("the timestamp is out of range in UTC") from None


def date_str(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
