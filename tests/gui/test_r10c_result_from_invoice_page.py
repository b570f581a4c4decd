"""An invoice paid from its own page: the result offered "View invoice", which only closed the dialog over the
page it was opened from. It offers the invoice only to someone not already on it."""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with, wait_result

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    invoice,
    later,
    service,
    settle,
    signed_in,
)


def paying_panel(unpaid: dict) -> Panel:
    paid = later(unpaid, status="paid", balance_due="0.00", amount_paid="10.00", paid_at="2026-12-06")
    state = {"paid": False}

    def pay(*_args, **_kwargs) -> dict:
        state["paid"] = True
        return {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}}

    return Panel({"billing_config": CONFIG["billing_config"],
                  "credits": lambda: {"enabled": True, "balance": "90.00" if state["paid"] else "100.00",
                                      "currency": "USD"},
                  "invoice": lambda _id: paid if state["paid"] else unpaid, "pay_invoice": pay,
                  "service": lambda _id: later(service(1, "pending"), status="active", next_due_date="2027-01-06"),
                  "payment": {"id": "pay-1", "status": "succeeded", "invoice_id": unpaid["id"]},
                  "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00",
                                "credit_balance": "90.00"}})


def steps(checkout) -> list[str]:
    return [button.text() for button in checkout.dialog.next_steps()]


def test_paid_from_the_invoices_own_page_the_result_does_not_offer_that_page(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    signed_in(app, paying_panel(unpaid), invoices=[unpaid],
              config={"credits": {"enabled": True, "balance": "100.00", "currency": "USD"}})
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice("i-1")
    settle()
    invoices.page.pay_button.click()
    settle()
    checkout = app.checkout_sessions[-1]
    pay_with(qtbot, checkout, "credits")
    settle()
    assert "INV-000001" in wait_result(qtbot, checkout)
    assert steps(checkout) == []                  # Close is the way back to the page it was paid from
    checkout.dialog.accept()
    settle()
    assert invoices.page_open and invoices.record_id == "i-1" and invoices.page.chip.text() == "Paid"


def test_paid_from_elsewhere_the_result_still_offers_the_invoice(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    session = signed_in(app, paying_panel(unpaid), invoices=[unpaid],
                        config={"credits": {"enabled": True, "balance": "100.00", "currency": "USD"}})
    app.window.select_section("dashboard")
    settle()
    checkout = app.features["checkout"].start(session.id, "invoice", {"invoice_id": "i-1"})
    settle()
    pay_with(qtbot, checkout, "credits")
    settle()
    assert "INV-000001" in wait_result(qtbot, checkout)
    assert steps(checkout) == ["View invoice"]
    checkout.dialog.next_steps()[0].click()
    settle()
    invoices = app.window.sections["invoices"]
    assert app.window.current_key == "invoices" and invoices.page_open and invoices.record_id == "i-1"
