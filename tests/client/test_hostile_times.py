"""Times at the very ends of what a datetime holds: `0001-01-01T00:00:00+01:00` is a valid ISO time, but turning it
into UTC overflows, and `9999-12-31T23:59:59Z` overflows in the local time of anyone east of UTC. The OverflowError
escaped the checks (which expect ValueError), so a sync failed "unexpectedly" with a traceback in the log, and a
screen formatting such a stamp saved earlier raised while painting. Now a time with no UTC time is refused by name,
and one with no local time here is shown as sent."""
from __future__ import annotations

import sqlite3
import time

import pytest

from app.api import BadAnswer
from app.core.formatting import format_date, format_datetime, parse_when

from . import hostile
from .hostile import hostile_panel_fixture, page, synced  # noqa: F401 - the `panel` fixture

INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]


sync = synced


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM invoices ORDER BY 1").fetchall() + \
            conn.execute("SELECT * FROM sync_state ORDER BY 1").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(("field", "value", "named"), [
    ("updated_at", "0001-01-01T00:00:00+01:00", "[0].updated_at"),
    ("updated_at", "9999-12-31T23:59:59-01:00", "[0].updated_at"),
    ("paid_at", "9999-12-31T23:59:59-00:30", "[0].paid_at"),
    ("due_date", "0001-01-01T00:00:00+01:00", "[0].due_date"),
])
def test_a_stamp_at_the_ends_of_time_is_refused_by_name(panel, tmp_path, sleeps, field, value, named):
    path = tmp_path / "cache.sqlite3"
    sync(panel, path, sleeps)
    before = dump(path)
    panel.faults["/billing/invoices"] = page([{**INVOICE, field: value}])
    with pytest.raises(BadAnswer) as caught:
        sync(panel, path, sleeps)
    assert caught.value.field == named and "outside the years" in str(caught.value)
    assert dump(path) == before


def test_a_server_time_at_the_ends_of_time_is_refused_by_name(panel, tmp_path, sleeps):
    panel.faults["/billing/invoices"] = page([INVOICE], server_time="0001-01-01T00:00:00+01:00")
    with pytest.raises(BadAnswer) as caught:
        sync(panel, tmp_path / "cache.sqlite3", sleeps)
    assert caught.value.field == "meta.server_time"


def test_far_but_ordinary_dates_pass(panel, tmp_path, sleeps):
    panel.faults["/billing/invoices"] = page([{**INVOICE, "due_date": "9999-12-31", "issue_date": "0001-01-01",
                                               "paid_at": "9999-12-31T23:59:59Z"}])
    sync(panel, tmp_path / "cache.sqlite3", sleeps)


@pytest.mark.parametrize(("zone", "stamp"), [
    ("Pacific/Kiritimati", "9999-12-31T23:59:59Z"),            # UTC+14: a valid UTC time with no local time
    ("Pacific/Kiritimati", "9999-12-31T23:59:59.999999+00:00"),
])
def test_a_stamp_with_no_local_time_is_shown_as_sent_not_raised(monkeypatch, zone, stamp):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert format_datetime(stamp) == stamp
        assert parse_when(stamp).year == 9999
        assert "9999" in format_date(stamp)
    finally:
        monkeypatch.undo()
        time.tzset()
