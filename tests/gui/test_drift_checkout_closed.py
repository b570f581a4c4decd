"""A checkout closed while the panel was placing the order: the order exists (its cart is spent), so what it made is
read from the panel and shown as for a payment page left open, with a note saying so, instead of a pay page opened
in a dialog no one sees and the screens left without the order's service and the credits it took."""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with

from .test_checkout_lost_answer import PREVIEW, PRODUCT
from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    credit,
    invoice,
    order,
    service,
    settle,
    signed_in,
)


def test_a_checkout_closed_while_the_order_is_placed_still_shows_what_the_order_made(canned_app, qtbot):  # noqa: F811
    app = canned_app
    placed = order(1, "pending")
    unpaid = {**invoice(1, "pending", "6.00", order_id="o-1"), "credits_applied": "4.00", "amount_paid": "4.00"}
    balance = [{"enabled": True, "balance": "4.00", "currency": "USD"}]

    def check_out(*_args, **_kwargs) -> dict:
        balance[0] = {**balance[0], "balance": "0.00"}         # the panel applied the credits to the new invoice
        return {"order": placed, "invoice": unpaid,
                "payment": {"id": "pay-1", "method": "stripe", "status": "requires_action",
                            "checkout_url": "http://127.0.0.1:9/pay/pay-1"}}

    client = Panel({
        "billing_config": CONFIG["billing_config"],
        "credits": lambda: balance[0],
        "preview_checkout": {**PREVIEW, "credits_applied": "4.00", "due_now": "6.00"},
        "checkout": check_out,
        "payment": {"id": "pay-1", "status": "pending", "order_id": "o-1", "invoice_id": "i-1"},
        "invoice": lambda _id: unpaid,
        "order": lambda _id: placed,
        "service": lambda _id: service(1, "pending"),
        "dashboard": {"active_services": 0, "pending_invoices": 1, "total_due": "6.00", "credit_balance": "0.00"},
    }, lists={"credit_transactions": [credit(2, "-4.00", "0.00", "payment"), credit(1, "4.00", "4.00")]})
    session = signed_in(app, client, credit_transactions=[credit(1, "4.00", "4.00")], config={"credits": balance[0]},
                        products=[PRODUCT])
    session.cart.add("p-1", "monthly")
    settle()
    checkout = app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "stripe")          # "Placing your order…"
    checkout.dialog.reject()                     # and closed before the panel's answer is back
    settle()
    settle()

    window = app.window
    services, credits = window.sections["services"], window.sections["credits"]
    assert [services.model.index(r, 1).data() for r in range(services.model.rowCount())] == ["Pending"]
    assert credits.balance.text() == "$0.00"                               # not $4.00: applied to the order
    assert any("Payment left open." in text and "INV-000001" in text for text in window.banner_texts())
    assert not session.cart.cart.items
