"""Pay all due when the panel will not give one of the invoices (gone meanwhile, or an answer Sett cannot read): the
review shows the others, says which one was left out and why, and the payment covers only what was reviewed, instead
of a review that failed as a whole and left nothing payable."""
from __future__ import annotations

from app.api import NotFound
from tests.e2e.checkout_steps import wait_result
from tests.support.credits_checkout import CREDITS, pay_all_due, pay_by_credits, signed_in_with_credits

from .test_drift_actions import CONFIG, Panel, canned_app, invoice, later, service  # noqa: F401 - the fixture


def test_pay_all_due_reviews_the_invoices_it_can_read_and_names_the_one_it_cannot(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = [invoice(1, "pending", "10.00"), invoice(2, "pending", "10.00"), invoice(3, "pending", "10.00")]
    paid = {i["id"]: later(i, status="paid", balance_due="0.00", amount_paid="10.00") for i in unpaid}
    balance = [dict(CREDITS)]

    def read(invoice_id: str) -> dict:
        if invoice_id == "i-2":
            raise NotFound("Not found.", status=404, code="not_found")
        before = next(i for i in unpaid if i["id"] == invoice_id)
        return paid[invoice_id] if balance[0]["balance"] == "80.00" else before

    def pay(ids, **_kwargs) -> dict:
        balance[0] = {**balance[0], "balance": "80.00"}
        return {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}}

    client = Panel({"billing_config": CONFIG["billing_config"], "credits": lambda: balance[0], "invoice": read,
                    "pay_invoices": pay, "service": lambda sid: service(int(sid[-1]), "active", "2027-01-06"),
                    "payment": {"id": "pay-1", "status": "succeeded", "invoice_id": "i-1",
                                "invoice_ids": ["i-1", "i-3"]},
                    "dashboard": {"active_services": 0, "pending_invoices": 1, "total_due": "10.00",
                                  "credit_balance": "80.00"}})
    signed_in_with_credits(app, client, unpaid)
    checkout = pay_all_due(app)
    dialog = checkout.dialog
    assert dialog.stack.currentWidget() is dialog.review_page
    said = dialog.review_error.text()
    assert said.startswith("Left out of this payment: 1 invoice the panel could not give just now (INV-000002: ")
    assert "INV-000002" in said and "INV-000001" not in said
    assert dialog.pay_button.isEnabled()
    pay_by_credits(qtbot, checkout)
    assert "Payment received" in wait_result(qtbot, checkout)
    ((_name, args, _kwargs),) = [c for c in client.calls if c[0] == "pay_invoices"]
    assert list(args[0]) == ["i-1", "i-3"]                 # not the invoice whose amount was never shown
