"""The dashboard's `total_due_invoices`, `overdue_invoices`, `currency` and `other_currencies_due` (docs/api.md,
Credits) are checked and kept: counts are never negative and add up to `pending_invoices`, and each other
currency's amount is in it. A panel that sends none of them still syncs. A refused dashboard changes nothing.

Through the real client and sync engine against a fake panel on 127.0.0.1 (tests/client/hostile.py)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer
from app.cache import AccountCache

from . import hostile
from .hostile import data, hostile_panel_fixture, synced  # noqa: F401 - the `panel` fixture

DASHBOARD = hostile.OBJECTS["/billing/dashboard"]


@pytest.fixture
def cache_path(panel, tmp_path, sleeps):
    path = tmp_path / "cache.sqlite3"
    synced(panel, path, sleeps)
    return path


def kept_dashboard(path) -> dict:
    with AccountCache(path) as cache:
        return cache.config("dashboard")


def refused(panel, path, sleeps) -> BadAnswer:
    before = kept_dashboard(path)
    with pytest.raises(BadAnswer) as caught:
        synced(panel, path, sleeps)
    assert kept_dashboard(path) == before
    return caught.value


FULL_DASHBOARD = {**DASHBOARD, "pending_invoices": 3, "overdue_invoices": 1, "total_due": "19.98",
                  "total_due_invoices": 2, "currency": "USD",
                  "other_currencies_due": [{"currency": "EUR", "total_due": "5.00", "invoices": 1}]}


def test_the_dashboards_total_due_invoices_is_kept(panel, cache_path, sleeps):
    panel.faults["/billing/dashboard"] = data(FULL_DASHBOARD)
    synced(panel, cache_path, sleeps)
    kept = kept_dashboard(cache_path)
    assert kept["total_due_invoices"] == 2 and kept["other_currencies_due"][0]["invoices"] == 1
    assert kept["overdue_invoices"] == 1


def test_a_dashboard_without_the_additions_still_syncs(panel, cache_path, sleeps):
    panel.faults["/billing/dashboard"] = data({**DASHBOARD, "total_due": "9.99", "pending_invoices": 1})
    synced(panel, cache_path, sleeps)
    kept = kept_dashboard(cache_path)
    assert kept["total_due"] == "9.99" and "total_due_invoices" not in kept


@pytest.mark.parametrize(("change", "field"), [
    ({"total_due_invoices": -1}, "total_due_invoices"),
    ({"total_due_invoices": "two"}, "total_due_invoices"),
    ({"total_due_invoices": 2.5}, "total_due_invoices"),
    ({"pending_invoices": -3}, "pending_invoices"),
    ({"overdue_invoices": -1}, "overdue_invoices"),
    ({"overdue_invoices": 4}, None),                           # 4 overdue of 3 open invoices
    ({"active_services": -1}, "active_services"),
    ({"total_due_invoices": 3}, None),                         # 3 + 1 in euros, of 3 open invoices
    ({"other_currencies_due": [], "total_due_invoices": 2}, None),    # 2 of 3 open, and no other currency
    ({"other_currencies_due": [{"currency": "EUR", "total_due": "-5.00", "invoices": 1}]},
     "other_currencies_due[0].total_due"),
    ({"other_currencies_due": [{"currency": "EUR", "total_due": "5.00", "invoices": -1}]},
     "other_currencies_due[0].invoices"),
    ({"other_currencies_due": [{"currency": "euro", "total_due": "5.00", "invoices": 1}]},
     "other_currencies_due[0].currency"),
])
def test_a_dashboard_whose_counts_are_wrong_is_refused_and_changes_nothing(panel, cache_path, sleeps, change, field):
    panel.faults["/billing/dashboard"] = data(FULL_DASHBOARD)
    synced(panel, cache_path, sleeps)
    panel.faults["/billing/dashboard"] = data({**FULL_DASHBOARD, **change})
    error = refused(panel, cache_path, sleeps)
    assert error.resource == "dashboard" and error.field == field
