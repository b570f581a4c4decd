"""The dashboard's "Last synced" moves with every sync, as the status bar's does, also one that changed nothing
(and so redrew no screen): it said 9:00 AM while the status bar said "just now"."""
from __future__ import annotations

from datetime import UTC, datetime

from app.core import local_format
from app.views.dashboard import DashboardSection
from app.views.scope import ALL

from .samples import account_data
from .test_drift_actions import CONFIG, Panel, canned_app, settle, signed_in  # noqa: F401 - canned_app is the fixture


def test_a_sync_that_changes_nothing_still_moves_the_dashboards_last_synced(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({"billing_config": CONFIG["billing_config"]}))
    dashboard = app.window.sections["dashboard"]
    app.window.select_section("dashboard")
    settle()
    saved = local_format.datetime_text(datetime(2026, 12, 6, 9, tzinfo=UTC))     # the cache's last sync
    assert session.last_synced is not None                   # signed in with a sync that brought nothing
    now = local_format.datetime_text(session.last_synced)
    assert now != saved
    assert dashboard.synced.text() == f"Last synced {now}"
    assert app.window.status.last_synced.text() == "Last synced just now"

    dashboard.show_data(session.data)          # a redraw from the saved data keeps the newer time
    assert dashboard.synced.text() == f"Last synced {now}"



def test_every_accounts_dashboard_keeps_its_own_line_when_a_sync_ends(qtbot, tmp_path):
    dashboard = DashboardSection()
    qtbot.addWidget(dashboard)
    dashboard.show_data(account_data(tmp_path))
    dashboard.scope = ALL                                   # "2 accounts with saved data" is what the line says
    dashboard.synced.setText("2 accounts with saved data")
    dashboard.set_last_synced(datetime.now(UTC))
    assert dashboard.synced.text() == "2 accounts with saved data"
