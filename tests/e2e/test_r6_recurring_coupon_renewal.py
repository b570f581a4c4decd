"""A month on, in the running client against the real panel (its clock moved) and localstripe: the renewal of a
service bought with a recurring coupon is discounted by it, and that service, suspended for the unpaid renewal, is
reactivated by paying it from the service page's Pay button with the card typed into the embedded page. A coupon
for the first invoice only leaves the renewal at its full price."""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.clock import a_month_on
from tests.support.fixtures import admin_of

from .checkout_steps import opened_checkout, pay_by_card


def rows_of(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_recurring_coupon_discounts_the_renewal_and_paying_it_reactivates_the_suspended_service(
        qtbot, make_app, private_panel):
    proc = private_panel(extra_args=["--localstripe"])      # its clock moves
    shop = Shop(admin_of(proc))
    shop.settings(credits_enabled=True, auto_activate=True)
    product = shop.product(name="Coupon VPS", pricing=MONTHLY_10)
    coupon = shop.coupon(type="percent", value="50", recurring=True)
    once = shop.coupon(type="percent", value="50", recurring=False)
    buyer = shop.user(credits="10.00")
    placed = buy(buyer, product["id"], coupon=coupon["code"])
    assert placed["invoice"]["total"] == "5.00"
    (service_id,) = placed["order"]["service_ids"]
    (other_id,) = buy(buyer, product["id"], coupon=once["code"])["order"]["service_ids"]
    buyer = a_month_on(proc, buyer)
    overdue = buyer.data("GET", "/billing/invoices", params={"status": "overdue"})
    (renewal,) = [i for i in overdue if i["total"] == "5.00"]
    (full,) = [i for i in overdue if i["id"] != renewal["id"]]
    assert buyer.data("GET", f"/billing/services/{service_id}")["status"] == "suspended"

    app = make_app()
    add_account(qtbot, app, proc.url, buyer.user["email"])
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(renewal["id"]), timeout=WAIT)
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail, timeout=WAIT)
    assert page.chip.text() == "Overdue"
    assert page.fields["subtotal"].text() == "$10.00"
    assert page.fields["discount"].text() == f"-$5.00 (coupon {coupon['code']})"
    assert page.fields["total"].text() == "$5.00" and page.fields["balance"].text() == "$5.00"
    # a coupon for the first invoice only leaves the other service's renewal at its full price
    qtbot.waitUntil(lambda: invoices.open_invoice(full["id"]), timeout=WAIT)
    qtbot.waitUntil(lambda: page.has_detail and page.invoice_id == full["id"], timeout=WAIT)
    assert page.fields["discount"].text() == "$0.00" and page.fields["total"].text() == "$10.00"
    assert [line["service_id"] for line in buyer.data("GET", f"/billing/invoices/{full['id']}")["lines"]] == [
        other_id]

    services = app.window.sections["services"]
    app.window.select_section("services")
    qtbot.waitUntil(lambda: services.open_service(service_id), timeout=WAIT)
    service_page = services.page
    qtbot.waitUntil(lambda: service_page.pay_button.isVisible(), timeout=WAIT)
    assert service_page.chip.text() == "Suspended"
    assert (f"Pay {renewal['invoice_number']} ($5.00) to reactivate it"
            in service_page.suspension_text.text())
    service_page.pay_button.click()
    session = opened_checkout(qtbot, app)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()

    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["server"]["status"]) == ("active", "running")
    app.window.select_section("services")
    qtbot.waitUntil(lambda: service_page.chip.text() == "Active", timeout=WAIT)
    assert not service_page.suspension.isVisible()
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(renewal["id"]), timeout=WAIT)
    qtbot.waitUntil(lambda: page.chip.text() == "Paid" and page.payments_model.rowCount() == 1, timeout=WAIT)
    (row,) = rows_of(page.payments_model)
    assert "$5.00" in row
