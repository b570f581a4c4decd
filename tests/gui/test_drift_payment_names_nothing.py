"""A payment read back that does not name its invoice or order (the contract has `invoice_id` and `order_id`, a
panel may leave them out): what the checkout paid for is read back all the same, so the invoice's page, the list and
the dashboard say Paid from the payment's own change-set instead of the cached "Pending" until the next sync."""
from __future__ import annotations

from tests.e2e.checkout_steps import wait_result
from tests.support.credits_checkout import (
    invoice_page,
    pay_by_credits,
    pay_from_invoice_page,
    paying_panel,
    signed_in_with_credits,
)

from .test_drift_actions import canned_app, invoice, later, order, service, settle  # noqa: F401 - the fixture


def test_an_invoice_paid_shows_paid_when_the_payment_read_back_names_no_invoice(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00", order_id="o-1")
    client = paying_panel(unpaid, payment={"id": "pay-1", "status": "succeeded"},   # no invoice_id, no order_id
                          order=lambda _id: later(order(1, "pending"), status="active"),
                          dashboard={"active_services": 1, "pending_invoices": 0, "total_due": "0.00",
                                     "credit_balance": "90.00"})
    signed_in_with_credits(app, client, [unpaid], orders=[order(1, "pending")], services=[service(1, "pending")])
    window = app.window
    dashboard, orders = (window.sections[k] for k in ("dashboard", "orders"))
    invoices = invoice_page(app, "i-1")
    assert invoices.page.chip.text() == "Pending" and dashboard.cards["due"].value.text() == "$10.00"
    checkout = pay_from_invoice_page(app, invoices)
    pay_by_credits(qtbot, checkout)
    assert wait_result(qtbot, checkout) == "Payment received\nPayment received: INV-000001 is paid."
    checkout.dialog.accept()
    settle()

    assert invoices.page.chip.text() == "Paid"
    assert invoices.summary.text() == "Nothing to pay." and dashboard.cards["due"].value.text() == "$0.00"
    assert [orders.model.index(r, 2).data() for r in range(orders.model.rowCount())] == ["Active"]
