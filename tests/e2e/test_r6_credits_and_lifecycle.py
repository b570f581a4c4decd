"""Credits applied first and a card paying the rest, and a service that ends terminated, in the running client
against the real panel (and localstripe): the review names the credits and what the card pays, the invoice shows
both; a renewal left unpaid past suspension and the grace after it shows the service Terminated and that renewal
cancelled, with nothing left to pay."""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.clock import a_month_on, advance_clock
from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api

from .checkout_steps import open_checkout, order_request, orders_of, pay_by_card


def review_text(dialog) -> str:
    return " | ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))


def test_credits_go_first_and_the_card_pays_the_rest(qtbot, client_of, vps):
    app, account, buyer = client_of(credits="4.00")
    session = open_checkout(qtbot, app, account, order_request(vps, use_credits=True))
    review = review_text(session.dialog)
    assert "Credits applied | -$4.00" in review, review
    assert "Due now, charged to your chosen method | $6.00" in review, review
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()

    (order,) = orders_of(buyer)
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert (invoice["status"], invoice["credits_applied"], invoice["amount_paid"]) == ("paid", "4.00", "10.00")
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(invoice["id"]), timeout=WAIT)
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail and page.chip.text() == "Paid", timeout=WAIT)
    assert page.fields["credits"].text() == "$4.00" and page.fields["gateway"].text() == "$6.00"
    assert page.fields["balance"].text() == "$0.00"
    credits = app.window.sections["credits"]
    app.window.select_section("credits")
    qtbot.waitUntil(lambda: credits.balance.text() == "$0.00", timeout=WAIT)


def test_a_renewal_left_unpaid_past_the_grace_shows_the_service_terminated(qtbot, make_app, private_panel):
    proc = private_panel()                                     # its clock moves
    shop = Shop(admin_of(proc))
    shop.settings(credits_enabled=True, auto_activate=True, auto_suspend_days=3, auto_terminate_days=14)
    product = shop.product(name="Ending VPS", pricing=MONTHLY_10)
    buyer = shop.user(credits="10.00")
    (service_id,) = buy(buyer, product["id"])["order"]["service_ids"]
    buyer = a_month_on(proc, buyer)
    advance_clock(proc, 15)
    buyer = Api(proc).login(buyer.user["email"], USER_PASSWORD)
    assert buyer.data("GET", f"/billing/services/{service_id}")["status"] == "terminated"

    app = make_app()
    add_account(qtbot, app, proc.url, buyer.user["email"])
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert "1 terminated" in services.summary.text()
    qtbot.waitUntil(lambda: services.open_service(service_id), timeout=WAIT)
    page = services.page
    qtbot.waitUntil(lambda: page.chip.text() == "Terminated", timeout=WAIT)
    assert not page.suspension.isVisible() and not page.pay_button.isVisible()
    assert not page.cancel_button.isVisible() or not page.cancel_button.isEnabled()
    # its unpaid renewal went with it: listed as cancelled, nothing left to pay
    rows = page.invoices_model
    qtbot.waitUntil(lambda: rows.rowCount() == 2, timeout=WAIT)
    statuses = sorted(rows.index(r, c).data() for r in range(2) for c in range(rows.columnCount())
                      if rows.index(r, c).data() in ("Paid", "Cancelled", "Overdue"))
    assert statuses == ["Cancelled", "Paid"]
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.summary.text() == "Nothing to pay."
