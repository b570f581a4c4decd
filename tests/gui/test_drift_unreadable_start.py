"""An order attempt the panel answers with something Sett cannot read (HTML from a proxy, a wrong shape) after it
made the order: the attempt keeps its Idempotency-Key, as for a lost answer, so Try again is answered with the order
the panel made instead of a second order (the key used to be dropped as if refused, and the next Pay ordered again)."""
from __future__ import annotations

from app.api import BadAnswer
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


def test_an_unreadable_answer_to_an_order_keeps_the_key_and_try_again_makes_no_second_order(canned_app, qtbot):  # noqa: F811
    app = canned_app
    keys: list[str] = []

    def check_out(*_args, key: str, payment_method: str, **_kwargs) -> dict:
        keys.append(key)
        if len(keys) == 1:                      # the order is made, but its answer cannot be read
            raise BadAnswer("The panel sent an answer Sett does not understand.", resource="checkout")
        return {"order": order(1, "pending"), "invoice": invoice(1, "pending", "10.00", order_id="o-1"),
                "payment": {"id": "pay-1", "method": payment_method, "status": "pending"}}

    config = {**CONFIG["billing_config"], "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}}}
    client = Panel({"billing_config": config, "credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
                    "preview_checkout": PREVIEW, "checkout": check_out,
                    "payment": {"id": "pay-1", "status": "pending", "order_id": "o-1", "invoice_id": "i-1"},
                    "invoice": lambda _id: invoice(1, "pending", "10.00", order_id="o-1"),
                    "order": lambda _id: order(1, "pending"),
                    "dashboard": {"active_services": 0, "pending_invoices": 1, "total_due": "10.00"}})
    session = signed_in(app, client, config={"billing_config": config}, products=[PRODUCT])
    session.cart.add("p-1", "monthly")
    settle()
    checkout = app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    dialog = checkout.dialog
    assert dialog.retry_button.isVisible()
    assert "Try again asks about this same attempt" in dialog.review_error.text()
    assert session.cart.cart.items                            # nothing says the order was made yet
    dialog.retry_button.click()
    settle()
    assert len(keys) == 2 and keys[0] == keys[1]              # the same attempt: the panel answers its order
    assert not session.cart.cart.items                        # and the cart is spent
