"""README, Manage: "With two accounts or more, This account | All accounts at the top of the Dashboard, Services,
Invoices, Credits, Orders and Support shows every account together ...; search finds an account by name too".
tests/gui/test_all_accounts.py searches Invoices by an account's name; here Services, Orders and Support, in the
whole window with two canned accounts."""
from __future__ import annotations

import pytest

from app.cache import CacheChanges, open_account_cache

from . import samples
from .test_drift_actions import canned_app, order, service, settle  # noqa: F401
from .test_r8p_links import canned_account
from .test_r8p_search_escape import TICKETS_ON


def two_accounts(app):
    ann = canned_account(app, "Annabel", 9, services=[service(1, "active", "2026-12-20")],
                         orders=[order(1, "active")], tickets=[{**samples.TICKET, "id": "t-1"}])
    bob = canned_account(app, "Bartholomew", 10, services=[service(2, "active", "2026-12-21")],
                         orders=[order(2, "active")], tickets=[{**samples.TICKET, "id": "t-2",
                                                                "ticket_number": "TKT-000002"}])
    for session in (ann, bob):                   # both panels take tickets
        with open_account_cache(session.id) as cache:
            cache.apply(CacheChanges(config=TICKETS_ON))
        session.reload()
    app.sessions.select(ann.id)
    settle()
    return ann, bob


@pytest.mark.parametrize("key", ["services", "orders", "support"])
def test_all_accounts_search_finds_an_account_by_its_name(canned_app, qtbot, key):  # noqa: F811
    app = canned_app
    two_accounts(app)
    app.window.select_section(key)
    settle()
    section = app.window.sections[key]
    qtbot.waitUntil(lambda: section.scope_toggle.isVisible())
    section.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 2)
    section.list.filters.search.setText("bartholomew")
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 1)
    model = section.table.model()
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "Bartholomew" in shown, shown
