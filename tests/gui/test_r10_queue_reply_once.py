"""Queue reply (and a service's Withdraw request), offline, waits for the account's worker, behind a sync held by
a panel that does not answer (up to half a minute): the page said nothing meanwhile, kept the reply in its box and
Queue reply on, and a second press queued the reply twice, each with its own Idempotency-Key, so the panel got it
twice. Now the page says it is being put in the Outbox and the button is off until it is there."""
from __future__ import annotations

from app.api import NetworkError

from . import samples
from .test_drift_actions import Panel, canned_app, service, settle, signed_in  # noqa: F401 - canned_app is a fixture

TICKETS_ON = {"public_settings": {"panel_name": "Canned", "billing_enabled": True, "tickets_enabled": True}}


def test_a_reply_being_queued_is_not_queued_twice(canned_app, qtbot, monkeypatch):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({"ticket": lambda _id: dict(samples.TICKET)}), config=TICKETS_ON,
                        tickets=[dict(samples.TICKET)])
    window = app.window
    window.select_section("support")
    support = window.sections["support"]
    assert support.open_ticket("t-1")
    settle()
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()              # stays offline for the test: the canned sync would bring it back
    settle()
    page = support.page
    assert page.send_button.text() == "Queue reply" and page.send_button.isEnabled()

    waiting: list[dict] = []           # the worker is busy: the queueing waits, its callbacks with it
    monkeypatch.setattr(app.sessions.outbox, "queue", lambda *args, **kwargs: waiting.append(kwargs))
    page.reply_box.setPlainText("Still down.")
    page.send_button.click()
    assert len(waiting) == 1
    assert not page.send_button.isEnabled()
    assert "Outbox" in page.message.text() and page.message.isVisible()
    page.send()                        # Ctrl+Enter, or the button pressed again: nothing more is queued
    page.send_button.click()
    assert len(waiting) == 1

    waiting[0]["on_done"]({})          # in the Outbox now
    settle()
    assert page.send_button.isEnabled() and page.reply_box.toPlainText() == ""
    assert page.message.text().startswith("Queued in the Outbox")


def test_a_withdrawal_being_queued_is_not_queued_twice(canned_app, qtbot, monkeypatch):  # noqa: F811
    """The same on a service's page: Withdraw request, offline, pressed again while the first waited for the worker,
    queued two withdrawals."""
    app = canned_app
    leaving = {**service(1, "active", "2026-12-20"),
               "cancellation": {"id": "c-1", "status": "pending", "type": "end_of_period", "reason": "Moving"}}
    session = signed_in(app, Panel({"service": lambda _id: dict(leaving), "service_invoices": lambda _id: []}),
                        services=[leaving])
    window = app.window
    window.select_section("services")
    services = window.sections["services"]
    assert services.open_service("s-1")
    settle()
    session.took_error(NetworkError("The panel could not be reached."))
    session._retry.stop()
    settle()
    page = services.page
    assert page.withdraw_button.isVisible() and page.withdraw_button.isEnabled()

    waiting: list[dict] = []
    monkeypatch.setattr(app.sessions.outbox, "queue", lambda *args, **kwargs: waiting.append(kwargs))
    page.withdraw_button.click()
    assert len(waiting) == 1
    assert not page.withdraw_button.isEnabled() and "Outbox" in page.message.text()
    page.withdraw_button.click()
    assert len(waiting) == 1

    waiting[0]["on_done"](dict(leaving))
    settle()
    assert page.withdraw_button.isEnabled()
    assert page.message.text().startswith("Queued in the Outbox")
