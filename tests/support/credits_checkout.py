"""A checkout paid by credits in the canned client (tests/gui/test_drift_actions' `canned_app`: the whole window on
a synchronous worker, canned panel answers): a panel that takes one invoice's payment, an account signed in with
$100.00 of credits, the ways a buyer opens the checkout (the invoice's page, Pay all due, started as a screen
would), and Pay by credits on its review. The tests then read the result page and the screens themselves.
"""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with
from tests.gui.test_drift_actions import CONFIG, Panel, later, service, settle, signed_in

# The account's credits before the payment (a $10.00 invoice leaves $90.00).
CREDITS = {"enabled": True, "balance": "100.00", "currency": "USD"}


def paying_panel(unpaid: dict, **answers) -> Panel:
    """A panel that takes `unpaid`'s payment by credits (`pay_invoice`): before it, the invoice as `unpaid` and
    $100.00 of credits; after it, the invoice paid, $90.00 left, its service active until 2027-01-06 and the
    payment read back as succeeded for that invoice. `answers` add to or replace these answers."""
    paid = later(unpaid, status="paid", balance_due="0.00", amount_paid="10.00", paid_at="2026-12-06")
    state = {"paid": False}

    def pay(*_args, **_kwargs) -> dict:
        state["paid"] = True
        return {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}}

    return Panel({"billing_config": CONFIG["billing_config"],
                  "credits": lambda: {**CREDITS, "balance": "90.00" if state["paid"] else "100.00"},
                  "invoice": lambda _id: paid if state["paid"] else unpaid, "pay_invoice": pay,
                  "service": lambda _id: later(service(1, "pending"), status="active", next_due_date="2027-01-06"),
                  "payment": {"id": "pay-1", "status": "succeeded", "invoice_id": unpaid["id"]},
                  "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00",
                                "credit_balance": "90.00"},
                  **answers})


def signed_in_with_credits(app, client: Panel, invoices: list[dict], **rows: list[dict]):
    """`signed_in` with `invoices` (and any other `rows`) cached and $100.00 of credits; returns the session."""
    return signed_in(app, client, invoices=invoices, config={"credits": dict(CREDITS)}, **rows)


# -- opening the checkout ---------------------------------------------------------------------------------------
def invoice_page(app, invoice_id: str):
    """Invoices, with `invoice_id`'s page open; returns the Invoices screen."""
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice(invoice_id)
    settle()
    return invoices


def pay_from_invoice_page(app, invoices):
    """Pay on the open invoice's page; returns the checkout it opened."""
    invoices.page.pay_button.click()
    settle()
    return app.checkout_sessions[-1]


def pay_all_due(app):
    """Pay all due on the dashboard; returns the checkout it opened."""
    app.window.select_section("dashboard")
    app.window.sections["dashboard"].pay_all.click()
    settle()
    return app.checkout_sessions[-1]


def invoice_checkout(app, session, invoice_id: str = "i-1"):
    """The checkout of `invoice_id`, started as a screen's Pay would start it; returns it."""
    checkout = app.features["checkout"].start(session.id, "invoice", {"invoice_id": invoice_id})
    settle()
    return checkout


# -- paying ---------------------------------------------------------------------------------------------------------
def pay_by_credits(qtbot, checkout) -> None:
    """Credits chosen on the review and Pay pressed, and what that set going run (the result is the test's to
    read, with `wait_result`)."""
    pay_with(qtbot, checkout, "credits")
    settle()
