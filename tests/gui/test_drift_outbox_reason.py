"""A cancellation request waiting in the Outbox: its reason edited there is the reason the service shows (its page
said the old one until the request was sent), also after a withdrawal queued after it is removed again."""
from __future__ import annotations

from .test_drift_actions import Panel, canned_app, service, settle, signed_in  # noqa: F401 - canned_app is the fixture


def test_a_queued_reason_edited_in_the_outbox_is_the_reason_the_service_shows(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), services=[service(1, "active", "2027-01-06")])
    session.link.unreachable("The panel could not be reached.")          # offline: the request waits
    window = app.window
    services = window.sections["services"]
    window.select_section("services")
    assert services.open_service("s-1")
    page = services.page
    dialog = page.open_cancel_dialog()
    dialog.reason.setPlainText("Too slow on trains")
    dialog.submit.click()
    settle()
    assert "waiting in the Outbox" in page.cancellation.text() and "Too slow on trains" in page.cancellation.text()

    outbox = app.features["outbox"].open()
    settle()
    outbox.edit_requested.emit(outbox.rows[0]["id"], "Too slow on trains, and the VPN drops")
    settle()
    assert "VPN drops" in outbox.table.item(0, 0).text()
    assert page.cancellation.text().endswith("Reason: Too slow on trains, and the VPN drops")

    page.withdraw_button.click()                                          # withdrawn too, then thought better of
    settle()
    outbox.remove_requested.emit(outbox.rows[1]["id"])
    settle()
    assert page.cancellation.text().endswith("Reason: Too slow on trains, and the VPN drops")
