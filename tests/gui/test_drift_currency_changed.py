"""Against the real panel: its operator changes the currency while an invoice in the old one is still unpaid. Sett
writes each invoice in its own currency, and "due" (dashboard, Invoices heading) holds only what Pay all due, one
payment in one currency, would pay: not "€20.00" for $10.00 and €10.00."""
from __future__ import annotations

from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of

from .conftest import add_account
from .test_orders import leave_unpaid, shop_with_gateways


def test_an_invoice_in_the_old_currency_is_written_in_it_and_kept_out_of_what_is_due(make_app, private_panel, qtbot):
    proc = private_panel()
    shop = shop_with_gateways(Shop(admin_of(proc)))
    product = shop.product(name="Currency VPS")
    user = shop.user()
    dollars = leave_unpaid(user, product["id"])["invoice"]
    shop.settings(currency_code="EUR", currency_symbol="€")
    euros = leave_unpaid(user, product["id"])["invoice"]
    assert (dollars["currency"], euros["currency"]) == ("USD", "EUR")

    app = make_app()
    add_account(qtbot, app, proc.url, user.user["email"])
    window = app.window
    invoices, dashboard = window.sections["invoices"], window.sections["dashboard"]
    window.select_section("invoices")
    balances = {invoices.model.index(r, 0).data(): invoices.model.index(r, 5).data()
                for r in range(invoices.model.rowCount())}
    assert balances == {dollars["invoice_number"]: "$10.00", euros["invoice_number"]: "€10.00"}
    assert invoices.summary.text() == "€10.00 due"
    window.select_section("dashboard")
    assert dashboard.cards["due"].value.text() == "€10.00"
    assert list(app.sessions.current.data.payable_ids) == [euros["id"]]
