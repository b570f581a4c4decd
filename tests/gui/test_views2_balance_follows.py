"""A figure follows every resource it is worded from: a credit balance the panel's /billing/credits does not give
is read from the dashboard, else the newest transaction, and a change-set naming only that one left the dashboard's
Credit balance card, the Credits heading and the cart's "Use my credit balance" on the old figure."""
from __future__ import annotations

from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet

from .test_drift_actions import Panel, canned_app, credit, settle, signed_in  # noqa: F401 - canned_app is the fixture


def test_credit_balance_figures_follow_the_transactions_and_the_dashboard(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), credit_transactions=[credit(1, "5.00", "5.00")],
                        config={"credits": {"enabled": True, "currency": "USD"}, "dashboard": {}})
    window = app.window
    dashboard, credits = window.sections["dashboard"], window.sections["credits"]
    assert dashboard.cards["credits"].value.text() == "$5.00" and credits.balance.text() == "$5.00"

    with open_account_cache(session.id) as cache:      # a top-up's transaction, synced alone
        cache.apply(CacheChanges(upserts={"credit_transactions": [credit(2, "7.00", "12.00", "top_up")]}))
    session.reload(ChangeSet({"credit_transactions"}))
    settle()
    assert dashboard.cards["credits"].value.text() == "$12.00"
    assert credits.balance.text() == "$12.00"

    with open_account_cache(session.id) as cache:      # the panel's dashboard says more
        cache.apply(CacheChanges(config={"dashboard": {"credit_balance": "20.00"}}))
    session.reload(ChangeSet({"dashboard"}))
    settle()
    assert dashboard.cards["credits"].value.text() == "$20.00"
    assert credits.balance.text() == "$20.00"
