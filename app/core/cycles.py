"""Billing cycles and due-date arithmetic.

Cycle names and lengths are BadgerPanel's. Dates move by calendar months, not by 30-day blocks,
so a service bought on the 15th renews on the 15th; a start day the target month lacks is clamped
to that month's last day (a monthly service from Jan 31 is next due Feb 28, or Feb 29 in a leap year).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping
from datetime import date

from app.core.text import QT_TRANSLATE_NOOP, translate

__all__ = [
    "BILLING_CYCLES",
    "CYCLE_LABELS",
    "CYCLE_MONTHS",
    "add_months",
    "is_recurring",
    "next_due_date",
    "nth_due_date",
]

# one_time counts as one month so that a configurable product's per-month unit prices still
# give a sensible one-off price; it simply never renews.
CYCLE_MONTHS: dict[str, int] = {
    "one_time": 1,
    "monthly": 1,
    "quarterly": 3,
    "semi_annual": 6,
    "annual": 12,
    "biennial": 24,
}

BILLING_CYCLES: tuple[str, ...] = tuple(CYCLE_MONTHS)

_LABELS: dict[str, str] = {
    "one_time": QT_TRANSLATE_NOOP("Cycles", "One-time"),
    "monthly": QT_TRANSLATE_NOOP("Cycles", "Monthly"),
    "quarterly": QT_TRANSLATE_NOOP("Cycles", "Quarterly"),
    "semi_annual": QT_TRANSLATE_NOOP("Cycles", "Semi-annual"),
    "annual": QT_TRANSLATE_NOOP("Cycles", "Annual"),
    "biennial": QT_TRANSLATE_NOOP("Cycles", "Biennial"),
}


class _TranslatedLabels(Mapping[str, str]):
    """The cycles' names in the user's language, looked up when read (the client installs its translator after
    import); the panel installs none, so its invoices keep the English names."""

    def __getitem__(self, cycle: str) -> str:
        return translate("Cycles", _LABELS[cycle])

    def __iter__(self) -> Iterator[str]:
        return iter(_LABELS)

    def __len__(self) -> int:
        return len(_LABELS)


CYCLE_LABELS: Mapping[str, str] = _TranslatedLabels()


def _check_cycle(cycle: str) -> None:
    # Unknown names are a caller bug; failing loudly beats silently treating them as monthly.
    if cycle not in CYCLE_MONTHS:
        raise ValueError(f"unknown billing cycle: {cycle!r}")


def is_recurring(cycle: str) -> bool:
    """Whether a service on this cycle renews (every cycle except one_time)."""
    _check_cycle(cycle)
    return cycle != "one_time"


def add_months(d: date, months: int) -> date:
    """`d` moved by whole calendar months (negative goes back), clamping the day to the month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def next_due_date(start: date, cycle: str) -> date | None:
    """When a service started (or last renewed) on `start` is next due; None if it never renews."""
    return nth_due_date(start, cycle, 1)


def nth_due_date(anchor: date, cycle: str, n: int) -> date | None:
    """The n-th due date of a service whose billing started on `anchor`; None if it never renews.

    Renewals should use this rather than feeding each due date back into next_due_date: chaining
    clamped dates drifts (Jan 31 -> Feb 29 -> Mar 29 -> ...), while counting from the anchor keeps
    the month's end (Jan 31 -> Feb 29 -> Mar 31 -> Apr 30).
    """
    if not is_recurring(cycle):
        return None
    return add_months(anchor, CYCLE_MONTHS[cycle] * n)
