"""An invoice paid from its own page: the result offered "View invoice", which only closed the dialog over the
page it was opened from. It offers the invoice only to someone not already on it."""
from __future__ import annotations

from tests.e2e.checkout_steps import wait_result
from tests.support.credits_checkout import (
    invoice_checkout,
    invoice_page,
    pay_by_credits,
    pay_from_invoice_page,
    paying_panel,
    signed_in_with_credits,
)

from .test_drift_actions import canned_app, invoice, settle  # noqa: F401 - canned_app is the fixture


def steps(checkout) -> list[str]:
    return [button.text() for button in checkout.dialog.next_steps()]


def test_paid_from_the_invoices_own_page_the_result_does_not_offer_that_page(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    signed_in_with_credits(app, paying_panel(unpaid), [unpaid])
    invoices = invoice_page(app, "i-1")
    checkout = pay_from_invoice_page(app, invoices)
    pay_by_credits(qtbot, checkout)
    assert "INV-000001" in wait_result(qtbot, checkout)
    assert steps(checkout) == []                  # Close is the way back to the page it was paid from
    checkout.dialog.accept()
    settle()
    assert invoices.page_open and invoices.record_id == "i-1" and invoices.page.chip.text() == "Paid"


def test_paid_from_elsewhere_the_result_still_offers_the_invoice(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    session = signed_in_with_credits(app, paying_panel(unpaid), [unpaid])
    app.window.select_section("dashboard")
    settle()
    checkout = invoice_checkout(app, session, "i-1")
    pay_by_credits(qtbot, checkout)
    assert "INV-000001" in wait_result(qtbot, checkout)
    assert steps(checkout) == ["View invoice"]
    checkout.dialog.next_steps()[0].click()
    settle()
    invoices = app.window.sections["invoices"]
    assert app.window.current_key == "invoices" and invoices.page_open and invoices.record_id == "i-1"
