"""Timestamps and dates in the contract's one textual form.

Stored and sent as ISO-8601 UTC with a `Z` and always six fractional digits, so that text order equals time
order and `updated_at >= ?` works in SQL without parsing.
"""
from __future__ import annotations

from datetime import UTC, date, datetime


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 timestamp; naive values are taken as UTC. Raises ValueError on anything else."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected an ISO-8601 timestamp")
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def date_str(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
