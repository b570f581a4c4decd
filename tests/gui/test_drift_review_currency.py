"""An invoice in another currency than the account's (one issued before the panel's operator changed currency, or
a hostile panel's): its review writes its amounts in its own currency, never with the account's symbol, and does not
offer the account's credits against it (credits are kept in the account's currency)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.support.credits_checkout import CREDITS, invoice_page, pay_from_invoice_page, signed_in_with_credits

from .test_drift_actions import CONFIG, Panel, canned_app, invoice  # noqa: F401 - canned_app is the fixture


def review_texts(dialog) -> list[str]:
    grid = dialog.totals
    return [grid.itemAt(i).widget().text() for i in range(grid.count())
            if isinstance(grid.itemAt(i).widget(), QLabel)]


def pay_dialog(app, invoice_: dict):
    """Signed in with $100.00 of credit and `invoice_` alone, Pay pressed on its page: the checkout's dialog."""
    client = Panel({"billing_config": CONFIG["billing_config"], "credits": dict(CREDITS),
                    "invoice": lambda _id: invoice_})
    signed_in_with_credits(app, client, [invoice_])
    return pay_from_invoice_page(app, invoice_page(app, invoice_["id"])).dialog


def test_an_invoice_in_euros_on_a_dollar_account_is_reviewed_in_euros_without_credits(canned_app, qtbot):  # noqa: F811
    app = canned_app
    euros = {**invoice(1, "pending", "25.00", total="25.00"), "currency": "EUR"}
    dialog = pay_dialog(app, euros)
    texts = review_texts(dialog)
    assert "€25.00" in texts and not any(t.startswith("$") or t.startswith("-$") for t in texts), texts
    assert "Credits applied" not in texts
    assert dialog.methods == ["stripe"]


def test_an_invoice_in_the_accounts_currency_still_offers_credits(canned_app, qtbot):  # noqa: F811
    app = canned_app
    dollars = invoice(1, "pending", "25.00", total="25.00")
    dialog = pay_dialog(app, dollars)
    assert "$25.00" in review_texts(dialog) and "credits" in dialog.methods
