"""Cancel an order, cancel a top-up, request a service's cancellation and pay (a top-up, an invoice) keep their
Idempotency-Key by the one rule (`app.api.panel_may_have_acted`): after an answer Sett cannot read, a 5xx (even one
naming a refusal's code) or a 4xx the panel's contract does not name, the panel may have acted, so the next press
(or Try again, or the outbox) sends the same key and the panel answers with what it did; a definite refusal drops
it. Cancelling an order or a top-up and the cancellation request dropped their key after an unreadable answer."""
from __future__ import annotations

import pytest

from app.api import ApiError, BadAnswer, Conflict, NotAPanel, ServerError, ValidationFailed
from app.cache import open_account_cache
from tests.e2e.checkout_steps import pay_with

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    Panel,
    canned_app,
    invoice,
    later,
    order,
    service,
    settle,
    signed_in,
)

MONEY = {"credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
         "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00"}}
MAY_HAVE_ACTED = {
    "wrong shape": lambda: BadAnswer("The panel sent an answer Sett does not understand.", resource="order"),
    "proxy page": lambda: NotAPanel("The panel address answered with a web page.", status=200),
    "5xx naming a refusal's code": lambda: ValidationFailed("Odd.", status=500, code="validation_error"),
    "4xx the contract does not name": lambda: ApiError("Bad request.", status=400),
}


def answers(*given):
    """A canned call answering each of `given` in turn (an error is raised), recording the keys it was sent."""
    keys: list[str] = []
    queue = list(given)

    def call(*_args, key: str, **_kwargs):
        keys.append(key)
        answer = queue.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer
    return call, keys


def pending_order_page(app, pending: dict, cancel):
    """Signed in with one pending order (its invoice and service), the order's page open; `cancel` answers."""
    client = Panel({"cancel_order": cancel, "invoice": lambda _id: invoice(1, "cancelled", "0.00", order_id="o-1"),
                    "service": lambda _id: service(1, "cancelled"), **MONEY})
    signed_in(app, client, orders=[pending], invoices=[invoice(1, "pending", "10.00", order_id="o-1")],
              services=[service(1, "pending")])
    orders = app.window.sections["orders"]
    app.window.select_section("orders")
    assert orders.open_order("o-1")
    return orders


@pytest.mark.parametrize("fault", list(MAY_HAVE_ACTED))
def test_cancel_order_asked_again_after_the_panel_may_have_acted_sends_the_same_key(canned_app, fault):  # noqa: F811
    app = canned_app
    pending = order(1, "pending")
    cancel, keys = answers(MAY_HAVE_ACTED[fault](), later(pending, status="cancelled"))
    orders = pending_order_page(app, pending, cancel)
    orders.page.confirm_cancel = lambda _number: True
    orders.page.cancel_button.click()
    settle()
    assert "The panel may have done it" in orders.page.message.text()
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert "is cancelled" in orders.page.message.text()


def test_cancel_order_refused_by_the_panel_is_a_new_attempt_next_time(canned_app):  # noqa: F811
    app = canned_app
    pending = order(1, "pending")
    refusal = Conflict("It has been paid.", status=409, code="order_not_cancellable")
    cancel, keys = answers(refusal, later(pending, status="cancelled"))
    orders = pending_order_page(app, pending, cancel)
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert "The panel may have done it" not in orders.page.message.text()
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert len(keys) == 2 and keys[0] != keys[1]


@pytest.mark.parametrize("fault", list(MAY_HAVE_ACTED))
def test_cancel_top_up_asked_again_after_the_panel_may_have_acted_sends_the_same_key(canned_app, fault):  # noqa: F811
    app = canned_app
    top_up = {**invoice(2, "pending", "25.00", total="25.00"), "kind": "top_up", "lines": []}
    cancel, keys = answers(MAY_HAVE_ACTED[fault](), later(top_up, status="cancelled", balance_due="0.00"))
    client = Panel({"cancel_top_up": cancel, "invoice": lambda _id: top_up, **MONEY})
    signed_in(app, client, invoices=[top_up])
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice("i-2")
    settle()
    invoices.page.cancel_top_up_requested.emit("i-2")
    settle()
    assert "The panel may have done it" in invoices.page.message.text()
    invoices.page.cancel_top_up_requested.emit("i-2")
    settle()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert "is cancelled" in invoices.page.message.text()


@pytest.mark.parametrize("fault", [*MAY_HAVE_ACTED, "5xx"])
def test_a_cancellation_request_the_panel_may_have_taken_waits_in_the_outbox_with_its_key(canned_app, fault):  # noqa: F811
    app = canned_app
    error = ServerError("The panel failed with 500.", status=500) if fault == "5xx" else MAY_HAVE_ACTED[fault]()
    made = {"id": "cr-1", "type": "immediate", "status": "pending", "reason": "Too slow"}
    request, keys = answers(error, made)     # the panel answers the same key again with the request it made
    client = Panel({"request_cancellation": request, "service": lambda _id: service(1, "active")})
    session = signed_in(app, client, services=[service(1, "active")])
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert services.open_service("s-1")
    services.page.cancel_requested.emit("s-1", "immediate", "Too slow")
    settle()
    assert "Queued in the Outbox" in services.page.message.text()
    with open_account_cache(session.id) as cache:
        queued = [row for row in cache.outbox() if row.get("kind") == "cancel_service"]
    # The outbox sent it again with the key it was first sent with (after the sync that followed), once.
    assert len(keys) == 2 and keys[0] == keys[1] and [row["id"] for row in queued] == keys[:1]
    assert [row["status"] for row in queued] == ["sent"]


def test_a_cancellation_request_the_panel_refused_is_not_queued(canned_app):  # noqa: F811
    app = canned_app
    request, keys = answers(Conflict("A request is already open.", status=409, code="conflict"))
    client = Panel({"request_cancellation": request, "service": lambda _id: service(1, "active")})
    session = signed_in(app, client, services=[service(1, "active")])
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert services.open_service("s-1")
    services.page.cancel_requested.emit("s-1", "immediate", "Too slow")
    settle()
    with open_account_cache(session.id) as cache:
        assert cache.outbox() == []


@pytest.mark.parametrize("fault", ["4xx the contract does not name", "5xx naming a refusal's code"])
@pytest.mark.parametrize("kind", ["top_up", "invoice"])
def test_a_payment_the_panel_may_have_started_is_tried_again_with_the_same_key(canned_app, qtbot, kind, fault):  # noqa: F811
    app = canned_app
    unpaid = invoice(3, "pending", "10.00")
    started = {"invoice": unpaid, "payment": {"id": "pay-1", "method": "stripe", "status": "pending"}}
    call, keys = answers(MAY_HAVE_ACTED[fault](), started)
    config = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}, "credits_enabled": False,
              "tax": {"enabled": False}, "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}},
              "top_up_min": "5.00", "top_up_max": "500.00"}
    client = Panel({"billing_config": config, "credits": {"enabled": False}, "invoice": lambda _id: unpaid,
                    "top_up": call, "pay_invoice": call,
                    "payment": {"id": "pay-1", "status": "pending", "invoice_id": "i-3"}})
    session = signed_in(app, client, config={"billing_config": config}, invoices=[unpaid])
    request = {"amount": "10.00"} if kind == "top_up" else {"invoice_id": "i-3"}
    checkout = app.features["checkout"].start(session.id, kind, request)
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    dialog = checkout.dialog
    assert dialog.retry_button.isVisible()
    assert "Try again asks about this same attempt" in dialog.review_error.text()
    dialog.retry_button.click()
    settle()
    assert len(keys) == 2 and keys[0] == keys[1]


@pytest.mark.parametrize("fault, same", [("wrong shape", True), ("5xx naming a refusal's code", True),
                                         ("refused", False)])
def test_a_top_up_asked_again_from_a_new_dialog_reuses_the_key_the_panel_may_have_acted_on(  # noqa: F811
        canned_app, qtbot, fault, same):  # noqa: F811
    app = canned_app
    unpaid = {**invoice(4, "pending", "10.00"), "kind": "top_up", "lines": []}
    started = {"invoice": unpaid, "payment": {"id": "pay-4", "method": "paypal", "status": "pending"}}
    error = (ValidationFailed("amount: Too small.", status=422, code="validation_error") if fault == "refused"
             else MAY_HAVE_ACTED[fault]())
    call, keys = answers(error, started)
    config = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}, "credits_enabled": False,
              "tax": {"enabled": False}, "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}},
              "top_up_min": "5.00", "top_up_max": "500.00"}
    client = Panel({"billing_config": config, "credits": {"enabled": False}, "invoice": lambda _id: unpaid,
                    "top_up": call, "payment": {"id": "pay-4", "status": "pending", "invoice_id": "i-4"}})
    session = signed_in(app, client, config={"billing_config": config})
    first = app.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    settle()
    pay_with(qtbot, first, "paypal")
    settle()
    first.dialog.reject()                       # closed after the error; the same top-up asked again later
    settle()
    again = app.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    settle()
    pay_with(qtbot, again, "paypal")
    settle()
    assert len(keys) == 2 and (keys[0] == keys[1]) is same
