"""README, Preferences: "Preferences ... apply as you change them: ... Remind of due invoices N days before (default
3)", and the bell "lists ... reminders of invoices due within 3 days or overdue". A pending invoice due in a week is
not reminded of at the default, and is on the bell as soon as the lead time is raised past it (and gone again when
it is lowered), in the whole window with a canned account."""
from __future__ import annotations

from datetime import date, timedelta

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401
from .test_preferences import open_preferences


def test_the_reminder_lead_time_changes_the_bell_at_once(canned_app, qtbot):  # noqa: F811
    app = canned_app
    in_a_week = (date.today() + timedelta(days=7)).isoformat()
    signed_in(app, Panel({}), invoices=[{**invoice(1, "pending", "10.00"), "due_date": in_a_week}])
    settle()
    sidebar = app.window.sidebar
    bell = sidebar.notices_button
    qtbot.waitUntil(lambda: bell.toolTip() == "Notifications")        # nothing due within 3 days
    assert not sidebar.notices_badge.isVisible()
    dialog = open_preferences(qtbot, app)
    assert dialog.reminder_days.value() == 3
    dialog.reminder_days.setValue(10)
    qtbot.waitUntil(lambda: bell.toolTip() == "Notifications, 1 unread")
    assert sidebar.notices_badge.text() == "1"
    dialog.reminder_days.setValue(2)
    qtbot.waitUntil(lambda: bell.toolTip() == "Notifications")
    dialog.reject()
