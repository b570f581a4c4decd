"""Screens never drift from the panel after the user's own actions: each test does what a user does in the real
client against the real panel (and localstripe), then looks at the screen as the user would, without reopening
anything. Each of these failed on the client before every action became an operation returning a change-set.
"""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account, texts
from tests.support.catalogue import Shop, buy
from tests.support.clock import a_month_on
from tests.support.fixtures import admin_of

from .checkout_steps import (
    check_out,
    fill_cart,
    leave_top_up,
    opened_checkout,
    orders_of,
    pay_by_card,
    pay_with,
    wait_result,
)


def test_after_a_card_order_from_the_cart_the_cart_is_empty(qtbot, client_of, vps):
    app, account, buyer = client_of()
    cart = fill_cart(qtbot, app, vps)
    session = check_out(qtbot, app, cart)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()
    # What the user sees on the cart screen now: empty, nothing to check out again.
    assert cart.pages.currentWidget() is cart.empty and not cart.checkout.isEnabled()
    assert not cart.cart.items
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id) and app.data[account.id].cart == [],
                    timeout=WAIT)
    assert cart.pages.currentWidget() is cart.empty and len(orders_of(buyer)) == 1


def test_a_coupon_an_order_used_is_gone_from_the_next_cart(qtbot, client_of, e2e_shop, vps):
    coupon = e2e_shop.coupon(max_uses_per_user=1)
    app, _account, buyer = client_of(credits="100.00")
    cart = fill_cart(qtbot, app, vps)
    cart.coupon_edit.setText(coupon["code"])
    cart.coupon_apply.click()
    qtbot.waitUntil(lambda: f"Coupon {coupon['code']} applied." == cart.coupon_status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: cart.totals.values["discount"].isVisible(), timeout=WAIT)
    session = check_out(qtbot, app, cart)
    pay_with(qtbot, session, "credits")
    assert "Payment received" in wait_result(qtbot, session)
    session.dialog.accept()
    assert buyer.data("GET", "/billing/credits")["balance"] == "91.00"          # 10.00 less 10%

    cart = fill_cart(qtbot, app, vps)                                          # the next cart
    assert cart.coupon_edit.text() == "" and not cart.coupon_status.isVisible()
    assert not cart.totals.values["discount"].isVisible() and cart.totals.value("total") == "$10.00"
    cart.coupon_edit.setText(coupon["code"])
    cart.coupon_apply.click()
    qtbot.waitUntil(lambda: "already used" in cart.coupon_status.text(), timeout=WAIT)
    assert not cart.totals.values["discount"].isVisible()
    cart.coupon_edit.clear()                                                   # the message goes with the code
    assert not cart.coupon_status.isVisible()


def test_paying_an_overdue_invoice_shows_it_paid_on_the_open_service_page(qtbot, make_app, private_panel):
    proc = private_panel()                                     # its clock moves
    admin = admin_of(proc)
    shop = Shop(admin)
    product = shop.product(name="Renewing VPS")
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, product["id"])["order"]["service_ids"]
    user = a_month_on(proc, user)
    (overdue,) = user.data("GET", "/billing/invoices?status=overdue")
    admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "20.00", "note": "gift"},
               expect=201)

    app = make_app()
    add_account(qtbot, app, proc.url, user.user["email"])
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert services.open_service(service_id)
    rows = services.page.invoices_model
    qtbot.waitUntil(lambda: overdue["invoice_number"] in texts(rows, 0), timeout=WAIT)
    row = texts(rows, 0).index(overdue["invoice_number"])
    assert "Overdue" in [rows.index(row, c).data() for c in range(rows.columnCount())]

    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice(overdue["id"])
    qtbot.waitUntil(lambda: invoices.page.pay_button.isEnabled(), timeout=WAIT)
    invoices.page.pay_button.click()
    session = opened_checkout(qtbot, app)
    qtbot.waitUntil(lambda: "credits" in session.dialog.methods and session.dialog.pay_button.isEnabled(),
                    timeout=WAIT)
    pay_with(qtbot, session, "credits")
    assert "Payment received" in wait_result(qtbot, session)
    session.dialog.accept()

    app.window.select_section("services")                      # back to the page left open: not reopened
    assert services.page_open and services.page.service_id == service_id

    def paid_there() -> bool:
        at = texts(rows, 0).index(overdue["invoice_number"])
        return "Paid" in [rows.index(at, c).data() for c in range(rows.columnCount())]
    qtbot.waitUntil(paid_there, timeout=WAIT)
    qtbot.waitUntil(lambda: services.page.chip.text() == "Active", timeout=WAIT)


def test_a_pending_top_up_is_due_in_the_list_the_heading_and_the_dashboard(qtbot, client_of):
    app, account, buyer = client_of()
    leave_top_up(qtbot, app, account, "50")                      # left: the top-up invoice stays pending
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id), timeout=WAIT)
    invoices, dashboard = app.window.sections["invoices"], app.window.sections["dashboard"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: "$50.00 due" in invoices.summary.text(), timeout=WAIT)
    app.window.select_section("dashboard")
    assert dashboard.cards["due"].value.text() == "$50.00"
    assert buyer.data("GET", "/billing/dashboard")["total_due"] == "50.00"    # the panel says the same
