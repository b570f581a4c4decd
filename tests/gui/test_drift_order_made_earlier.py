"""The same cart paid another way after a lost answer: the panel says (idempotency_conflict) that the first attempt
made the order, and Sett says "The order is in Orders". It is, at once: the order and its invoice are read back by
the action itself, not left to a sync that may not get through (here it brings nothing)."""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with

from .test_checkout_lost_answer import lost_attempt
from .test_drift_actions import canned_app, order, page, settle  # noqa: F401 - canned_app is the fixture


def test_an_order_an_earlier_attempt_made_is_in_orders_and_invoices_at_once(canned_app, qtbot):  # noqa: F811
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)
    client = session.open_client()
    client.answers["synced_list"] = lambda name, **_kw: page([order(1, "pending")] if name == "orders" else [])
    window = canned_app.window
    orders, invoices = window.sections["orders"], window.sections["invoices"]
    assert orders.model.rowCount() == 0
    checkout = canned_app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "stripe")
    settle()
    assert "already ordered" in checkout.dialog.review_error.text()
    assert [orders.model.index(r, 0).data() for r in range(orders.model.rowCount())] == ["ORD-000001"]
    assert [invoices.model.index(r, 0).data() for r in range(invoices.model.rowCount())] == ["INV-000001"]
    assert invoices.summary.text() == "$10.00 due"
