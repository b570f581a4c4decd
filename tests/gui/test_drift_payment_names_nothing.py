"""A payment read back that does not name its invoice or order (the contract has `invoice_id` and `order_id`, a
panel may leave them out): what the checkout paid for is read back all the same, so the invoice's page, the list and
the dashboard say Paid from the payment's own change-set instead of the cached "Pending" until the next sync."""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with, wait_result

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    invoice,
    later,
    order,
    service,
    settle,
    signed_in,
)


def test_an_invoice_paid_shows_paid_when_the_payment_read_back_names_no_invoice(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00", order_id="o-1")
    paid = later(unpaid, status="paid", balance_due="0.00", amount_paid="10.00", paid_at="2026-12-06")
    state = {"paid": False}

    def pay(*_args, **_kwargs) -> dict:
        state["paid"] = True
        return {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}}

    client = Panel({"billing_config": CONFIG["billing_config"],
                    "credits": lambda: {"enabled": True, "balance": "90.00" if state["paid"] else "100.00",
                                        "currency": "USD"},
                    "invoice": lambda _id: paid if state["paid"] else unpaid, "pay_invoice": pay,
                    "payment": {"id": "pay-1", "status": "succeeded"},              # no invoice_id, no order_id
                    "order": lambda _id: later(order(1, "pending"), status="active"),
                    "service": lambda _id: later(service(1, "pending"), status="active", next_due_date="2027-01-06"),
                    "dashboard": {"active_services": 1, "pending_invoices": 0, "total_due": "0.00",
                                  "credit_balance": "90.00"}})
    signed_in(app, client, invoices=[unpaid], orders=[order(1, "pending")], services=[service(1, "pending")],
              config={"credits": {"enabled": True, "balance": "100.00", "currency": "USD"}})
    window = app.window
    invoices, dashboard, orders = (window.sections[k] for k in ("invoices", "dashboard", "orders"))
    window.select_section("invoices")
    assert invoices.open_invoice("i-1")
    settle()
    assert invoices.page.chip.text() == "Pending" and dashboard.cards["due"].value.text() == "$10.00"
    invoices.page.pay_button.click()
    settle()
    checkout = app.checkout_sessions[-1]
    pay_with(qtbot, checkout, "credits")
    settle()
    assert wait_result(qtbot, checkout) == "Payment received\nPayment received: INV-000001 is paid."
    checkout.dialog.accept()
    settle()

    assert invoices.page.chip.text() == "Paid"
    assert invoices.summary.text() == "Nothing to pay." and dashboard.cards["due"].value.text() == "$0.00"
    assert [orders.model.index(r, 2).data() for r in range(orders.model.rowCount())] == ["Active"]
