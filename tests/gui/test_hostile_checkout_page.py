"""A panel whose checkout answers with a payment page on another site: the checkout says so in words and opens
nothing (before, the web view's first load was decided like a click, and the page opened in the system browser
at once, unasked). The order exists, so the cart is spent and the order is in Orders to pay or cancel.
The policy itself: tests/client/test_hostile_checkout_pages.py."""
from __future__ import annotations

import pytest

from tests.e2e.checkout_steps import pay_with

from .test_checkout_lost_answer import PREVIEW, PRODUCT
from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    invoice,
    order,
    settle,
    signed_in,
)


@pytest.mark.parametrize("page", ["https://evil.example/pay/pay-1", "https://panel.example@evil.example/pay",
                                  "http://127.0.0.1:9.evil.example/pay"])
def test_a_payment_page_elsewhere_is_not_opened(canned_app, qtbot, monkeypatch, page):  # noqa: F811
    opened: list = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url))
    panel = Panel({"billing_config": {**CONFIG["billing_config"], "gateways": {"stripe": {"enabled": True}}},
                   "credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
                   "preview_checkout": PREVIEW,
                   "checkout": {"order": order(1, "pending"), "invoice": invoice(1, "pending", "10.00", order_id="o-1"),
                                "payment": {"id": "pay-1", "method": "stripe", "status": "requires_action",
                                            "checkout_url": page}},
                   "payment": {"id": "pay-1", "status": "pending", "order_id": "o-1", "invoice_id": "i-1"},
                   "invoice": lambda _id: invoice(1, "pending", "10.00", order_id="o-1"),
                   "order": lambda _id: order(1, "pending")})
    session = signed_in(canned_app, panel, config={"billing_config": panel.answers["billing_config"]},
                        products=[PRODUCT])
    session.cart.add("p-1", "monthly")
    settle()
    checkout = canned_app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "stripe")
    settle()
    dialog = checkout.dialog
    assert dialog.stack.currentWidget() is dialog.result_page
    assert dialog.result_title.text() == "Payment page not opened"
    assert "did not open it" in dialog.result_text.text()
    assert dialog.web is None and opened == []
    assert not session.cart.cart.items          # the order was made: the cart is spent, the order is in Orders
