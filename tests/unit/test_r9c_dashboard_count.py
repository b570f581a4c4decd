"""`AccountData.total_due_invoices`: how many open invoices the dashboard's `total_due` sums, as the panel said it
(docs/api.md), for a screen to show beside the amount; None where an older panel or a cache from before says
nothing usable."""
from __future__ import annotations

import pytest

from app.core.account_data import AccountData


@pytest.mark.parametrize(("dashboard", "count"), [
    ({"total_due_invoices": 2}, 2), ({"total_due_invoices": 0}, 0), ({}, None), ({"total_due_invoices": -1}, None),
    ({"total_due_invoices": "2"}, None), ({"total_due_invoices": True}, None),
])
def test_the_account_data_says_how_many_invoices_total_due_sums(dashboard, count):
    assert AccountData("a", dashboard=dashboard).total_due_invoices == count
