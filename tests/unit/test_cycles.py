"""Billing cycles and calendar-month arithmetic, including month-end clamping and leap years."""

from datetime import date

import pytest

from app.core.cycles import (
    BILLING_CYCLES,
    CYCLE_LABELS,
    CYCLE_MONTHS,
    add_months,
    is_recurring,
    next_due_date,
    nth_due_date,
)


def test_cycle_tables_follow_the_contract():
    assert BILLING_CYCLES == ("one_time", "monthly", "quarterly", "semi_annual", "annual", "biennial")
    assert [CYCLE_MONTHS[c] for c in BILLING_CYCLES] == [1, 1, 3, 6, 12, 24]
    assert [CYCLE_LABELS[c] for c in BILLING_CYCLES] == [
        "One-time", "Monthly", "Quarterly", "Semi-annual", "Annual", "Biennial",
    ]


def test_only_one_time_does_not_renew():
    assert not is_recurring("one_time")
    assert all(is_recurring(c) for c in BILLING_CYCLES if c != "one_time")


def test_unknown_cycle_is_refused():
    with pytest.raises(ValueError):
        is_recurring("weekly")
    with pytest.raises(ValueError):
        next_due_date(date(2024, 1, 1), "weekly")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 15), 1, date(2024, 2, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: clamp to Feb 29
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # common year: clamp to Feb 28
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is a leap year (divisible by 400)
        (date(1900, 1, 31), 1, date(1900, 2, 28)),  # 1900 is not (divisible by 100)
        (date(2023, 12, 15), 1, date(2024, 1, 15)),  # crosses the year
        (date(2023, 12, 31), 14, date(2025, 2, 28)),
        (date(2024, 5, 31), 0, date(2024, 5, 31)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),  # backwards works too
        (date(2024, 1, 31), -2, date(2023, 11, 30)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("cycle", "expected"),
    [
        ("one_time", None),
        ("monthly", date(2024, 2, 29)),
        ("quarterly", date(2024, 4, 30)),
        ("semi_annual", date(2024, 7, 31)),
        ("annual", date(2025, 1, 31)),
        ("biennial", date(2026, 1, 31)),
    ],
)
def test_next_due_date_from_january_31(cycle, expected):
    assert next_due_date(date(2024, 1, 31), cycle) == expected


def test_nth_due_date_counts_from_the_anchor_without_drift():
    anchor = date(2024, 1, 31)
    assert [nth_due_date(anchor, "monthly", n) for n in (1, 2, 3, 4)] == [
        date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31),
    ]
    # chaining next_due_date instead would lose the month's end: Feb 29 -> Mar 29
    assert next_due_date(next_due_date(anchor, "monthly"), "monthly") == date(2024, 3, 29)
    assert nth_due_date(date(2024, 2, 29), "annual", 4) == date(2028, 2, 29)
    assert nth_due_date(anchor, "quarterly", 0) == anchor
    assert nth_due_date(anchor, "one_time", 3) is None
