"""Exactly once across a restart, in the running client: a top-up or an order's cancel whose answer Sett could not
read (the panel may have acted), then Sett quits and starts again on the same data folder, and the same press in
the new window goes with the key of the first attempt, so the panel answers what it did (one top-up invoice, one
cancel) instead of doing it again. The whole client over a synchronous worker and canned panel answers."""
from __future__ import annotations

import pytest

from app import tasks
from app.api import BadAnswer, ValidationFailed
from app.application import Application
from app.cache import open_account_cache
from app.core.changes import ChangeSet
from app.session import Sessions
from app.settings import Settings
from tests.e2e.checkout_steps import pay_with
from tests.gui.conftest import close, data_dir, keyring_backend, secrets  # noqa: F401 - fixtures
from tests.gui.test_drift_actions import Panel, invoice, later, order, service, settle, signed_in
from tests.gui.test_exactly_once_actions import answers
from tests.gui.test_session_glue import SyncPool

CONFIG = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}, "credits_enabled": False,
          "tax": {"enabled": False}, "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}},
          "top_up_min": "5.00", "top_up_max": "500.00"}
MONEY = {"credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
         "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00"}}


def unreadable() -> BadAnswer:
    return BadAnswer("The panel sent an answer Sett does not understand.", resource="payment")


@pytest.fixture
def start_app(qapp, qtbot, data_dir, secrets, monkeypatch):  # noqa: F811
    """`start_app()`: Sett on this test's data folder (a synchronous worker; syncs bring nothing); every one made is
    shut down after the test, each as quitting does."""
    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    monkeypatch.setattr(Sessions, "_sync_job", lambda self, account_id: lambda progress, cancellation: ChangeSet(
        billing_enabled=True))
    made: list[Application] = []

    def start() -> Application:
        app = Application(settings=Settings(), secrets=secrets, keyring_note=False)
        app.start(show=True)
        # The canned account's address (127.0.0.1:9) answers no probe: a probe would take it offline whenever a step
        # runs past the prober's first tick, and its actions would then only say they need the panel.
        app.sessions.prober.stop()
        made.append(app)
        return app

    yield start
    for app in made:
        close(app)


def restarted(start_app, app: Application, account_id: str, client):
    """Quit `app` and start Sett again on the same folder; its session of the account answers from `client`."""
    close(app)
    again = start_app()
    session = again.sessions.get(account_id)
    assert session is not None
    session.open_client = lambda cancellation=None: client
    session.reload()
    settle()
    return again, session


@pytest.mark.parametrize("then, same", [("answered", True), ("refused first", False)])
def test_a_top_up_asked_again_after_a_restart_goes_with_the_first_attempts_key(start_app, qtbot, then, same):
    unpaid = {**invoice(4, "pending", "10.00"), "kind": "top_up", "lines": []}
    started = {"invoice": unpaid, "payment": {"id": "pay-4", "method": "paypal", "status": "pending"}}
    first = (ValidationFailed("amount: Too small.", status=422, code="validation_error") if then == "refused first"
             else unreadable())
    call, keys = answers(first, started)
    client = Panel({"billing_config": CONFIG, "credits": {"enabled": False}, "invoice": lambda _id: unpaid,
                    "top_up": call, "payment": {"id": "pay-4", "status": "pending", "invoice_id": "i-4"}})
    app = start_app()
    session = signed_in(app, client, config={"billing_config": CONFIG})
    checkout = app.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    if same:
        assert "Try again asks about this same attempt" in checkout.dialog.review_error.text()

    again, session = restarted(start_app, app, session.id, client)
    checkout = again.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    assert len(keys) == 2 and (keys[0] == keys[1]) is same
    with open_account_cache(session.id) as cache:
        assert cache.kept_keys() == []          # answered: nothing left to repeat


def test_cancelling_an_order_after_a_restart_goes_with_the_first_attempts_key(start_app):
    pending = order(1, "pending")
    cancel, keys = answers(unreadable(), later(pending, status="cancelled"))
    client = Panel({"cancel_order": cancel, "invoice": lambda _id: invoice(1, "cancelled", "0.00", order_id="o-1"),
                    "service": lambda _id: service(1, "cancelled"), **MONEY})
    app = start_app()
    session = signed_in(app, client, orders=[pending], invoices=[invoice(1, "pending", "10.00", order_id="o-1")],
                        services=[service(1, "pending")])
    app.window.select_section("orders")
    orders = app.window.sections["orders"]
    assert orders.open_order("o-1")
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert "The panel may have done it" in orders.page.message.text()

    again, session = restarted(start_app, app, session.id, client)
    again.window.select_section("orders")
    orders = again.window.sections["orders"]
    assert orders.open_order("o-1")
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert "is cancelled" in orders.page.message.text()
