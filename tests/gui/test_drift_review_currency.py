"""An invoice in another currency than the account's (one issued before the panel's operator changed currency, or
a hostile panel's): its review writes its amounts in its own currency, never with the account's symbol, and does not
offer the account's credits against it (credits are kept in the account's currency)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    invoice,
    settle,
    signed_in,
)


def review_texts(dialog) -> list[str]:
    grid = dialog.totals
    return [grid.itemAt(i).widget().text() for i in range(grid.count())
            if isinstance(grid.itemAt(i).widget(), QLabel)]


def test_an_invoice_in_euros_on_a_dollar_account_is_reviewed_in_euros_without_credits(canned_app, qtbot):  # noqa: F811
    app = canned_app
    euros = {**invoice(1, "pending", "25.00", total="25.00"), "currency": "EUR"}
    credits = {"enabled": True, "balance": "100.00", "currency": "USD"}
    client = Panel({"billing_config": CONFIG["billing_config"], "credits": credits, "invoice": lambda _id: euros})
    signed_in(app, client, invoices=[euros], config={"credits": credits})
    window = app.window
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("i-1")
    settle()
    invoices.page.pay_button.click()
    settle()
    dialog = app.checkout_sessions[-1].dialog
    texts = review_texts(dialog)
    assert "€25.00" in texts and not any(t.startswith("$") or t.startswith("-$") for t in texts), texts
    assert "Credits applied" not in texts
    assert dialog.methods == ["stripe"]


def test_an_invoice_in_the_accounts_currency_still_offers_credits(canned_app, qtbot):  # noqa: F811
    app = canned_app
    dollars = invoice(1, "pending", "25.00", total="25.00")
    credits = {"enabled": True, "balance": "100.00", "currency": "USD"}
    client = Panel({"billing_config": CONFIG["billing_config"], "credits": credits, "invoice": lambda _id: dollars})
    signed_in(app, client, invoices=[dollars], config={"credits": credits})
    window = app.window
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("i-1")
    settle()
    invoices.page.pay_button.click()
    settle()
    dialog = app.checkout_sessions[-1].dialog
    assert "$25.00" in review_texts(dialog) and "credits" in dialog.methods
