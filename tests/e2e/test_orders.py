"""Orders and Pay all due end to end, in the real client against the real panel and localstripe.

The abandoned payment of issue 13: credits partly applied, PayPal left open. It ends with one order and an empty
cart, and Cancel order on the order's page gives back the stock and the credits (read over the API). Pay all due
pays two overdue renewals with one card payment typed into the embedded page, and the suspended services come back.
"""
from __future__ import annotations

from decimal import Decimal

from tests.gui.conftest import WAIT, add_account
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.clock import a_month_on
from tests.support.fixtures import admin_of

from .checkout_steps import (
    check_out,
    fill_cart,
    leave_payment,
    leave_top_up,
    opened_checkout,
    orders_of,
    pay_by_card,
    paypal_page,
)


def balance(buyer) -> Decimal:
    return Decimal(buyer.data("GET", "/billing/credits")["balance"])


def review_text(dialog) -> str:
    return " | ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))


def test_a_left_payment_makes_one_order_and_cancel_order_gives_back_stock_and_credits(qtbot, client_of, e2e_shop):
    product = e2e_shop.product(name="Abandoned VPS", stock=2,
                               pricing=MONTHLY_10)
    app, account, buyer = client_of(credits="4.00")
    cart = fill_cart(qtbot, app, product)
    session = check_out(qtbot, app, cart)
    dialog = session.dialog
    assert dialog.use_credits.isVisible() and dialog.use_credits.isChecked()
    totals = review_text(dialog)
    assert "Credits applied | -$4.00" in totals and "Due now, charged to your chosen method | $6.00" in totals
    paypal_page(qtbot, session)
    leave_payment(session)                                  # Escape: the payment is left open

    # One order, pending; the credits went to its invoice; the cart is empty, so nothing can be ordered twice.
    (order,) = orders_of(buyer)
    assert order["status"] == "pending"
    assert balance(buyer) == Decimal("0.00")
    assert e2e_shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"] == 1
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id) and app.data[account.id].cart == [], timeout=WAIT)
    assert not cart.cart.items and not cart.checkout.isEnabled()

    # The Orders screen has it, unpaid; Cancel order on its page.
    orders = app.window.sections["orders"]
    qtbot.waitUntil(lambda: any(o["id"] == order["id"] for o in app.data[account.id].orders), timeout=WAIT)
    app.window.select_section("orders")
    assert orders.model.rowCount() == 1 and orders.open_order(order["id"])
    page = orders.page
    assert page.unpaid.isVisible() and "$6.00 is still due" in page.unpaid.text()
    page.confirm_cancel = lambda _number: True
    page.cancel_button.click()
    qtbot.waitUntil(lambda: "is cancelled" in page.message.text(), timeout=WAIT)

    assert buyer.data("GET", f"/billing/orders/{order['id']}")["status"] == "cancelled"
    assert buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")["status"] == "cancelled"
    assert e2e_shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"] == 2
    assert balance(buyer) == Decimal("4.00")
    # and the client shows the credits back after the sync the cancel started
    qtbot.waitUntil(lambda: Decimal(str(app.data[account.id].credits.get("balance"))) == Decimal("4.00"),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: page.chip.text() == "Cancelled" and not page.cancel_button.isVisible(), timeout=WAIT)
    assert len(orders_of(buyer)) == 1
    # The note the left payment put up ("stays payable from Invoices") is gone with the invoice it spoke of.
    qtbot.waitUntil(lambda: not any("stays payable" in text for text in app.window.banner_texts()), timeout=WAIT)


def test_pay_all_due_pays_two_overdue_renewals_by_one_card_payment_and_reactivates(qtbot, make_app,
                                                                                   private_panel):
    proc = private_panel(extra_args=["--localstripe"])      # its clock moves
    shop = Shop(admin_of(proc))
    shop.settings(credits_enabled=True, auto_activate=True)
    product = shop.product(name="Renewing VPS",
                           pricing=MONTHLY_10)
    buyer = shop.user(credits="20.00")
    services = []
    for _ in range(2):
        services += buy(buyer, product["id"])["order"]["service_ids"]
    buyer = a_month_on(proc, buyer)
    overdue = buyer.data("GET", "/billing/invoices", params={"status": "overdue"})
    assert len(overdue) == 2
    assert {buyer.data("GET", f"/billing/services/{s}")["status"] for s in services} == {"suspended"}

    app = make_app()
    account = add_account(qtbot, app, proc.url, buyer.user["email"])
    app.window.select_section("invoices")
    bar = app.window.sections["invoices"].pay_due
    assert bar.pay_all.text() == "Pay all due (2)…"
    bar.pay_all.click()
    session = opened_checkout(qtbot, app)
    assert session.kind == "invoices" and set(session.request["invoice_ids"]) == {i["id"] for i in overdue}
    assert "Due now, charged to your chosen method | $20.00" in review_text(session.dialog)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()

    assert {buyer.data("GET", f"/billing/invoices/{i['id']}")["status"] for i in overdue} == {"paid"}
    for service_id in services:
        service = buyer.data("GET", f"/billing/services/{service_id}")
        assert (service["status"], service["server"]["status"]) == ("active", "running")
    payments = {p["id"] for i in overdue for p in buyer.data("GET", f"/billing/invoices/{i['id']}")["payments"]
                if p["method"] == "stripe"}
    assert len(payments) == 1                                                 # one card payment for both
    qtbot.waitUntil(lambda: {s["status"] for s in app.data[account.id].services} == {"active"}, timeout=WAIT)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT)               # nothing left to pay


def test_a_top_up_left_at_the_gateway_can_be_cancelled_from_its_invoice(qtbot, client_of):
    """A top-up left mid-way stays due (top-ups never become overdue) until paid or cancelled: Cancel top-up on its
    invoice page takes it out of what is due, on the page, the dashboard and at the panel."""
    app, account, buyer = client_of()
    credits = leave_top_up(qtbot, app, account, "40")
    top_up = next(r for r in app.data[account.id].invoices if r.get("kind") == "top_up")
    qtbot.waitUntil(lambda: any("Cancel top-up" in t for t in app.window.banner_texts()), timeout=WAIT)
    # Credits says a top-up is waiting, with the way to its invoice.
    qtbot.waitUntil(lambda: credits.waiting_row.isVisible(), timeout=WAIT)
    assert credits.waiting_button.text() == f"Open {top_up['invoice_number']}"

    credits.waiting_button.click()
    page = app.window.sections["invoices"].page
    qtbot.waitUntil(lambda: page.cancel_top_up_button.isVisible() and page.cancel_top_up_button.isEnabled(),
                    timeout=WAIT)
    asked = []
    page.confirm_cancel_top_up = lambda number: asked.append(number) or True
    page.cancel_top_up_button.click()
    qtbot.waitUntil(lambda: "no longer due" in page.message.text(), timeout=WAIT)
    assert asked == [top_up["invoice_number"]]
    assert page.chip.text() == "Cancelled" and not page.cancel_top_up_button.isVisible()
    assert not page.pay_button.isVisible()
    assert buyer.data("GET", "/billing/dashboard")["total_due"] == "0.00"
    app.window.select_section("dashboard")
    qtbot.waitUntil(lambda: app.window.sections["dashboard"].cards["due"].value.text() == "$0.00", timeout=WAIT)
    # The note of the payment left open ("stays payable") goes with it, and Credits no longer waits for it.
    qtbot.waitUntil(lambda: not any("Cancel top-up" in t for t in app.window.banner_texts()), timeout=WAIT)
    app.window.select_section("credits")
    assert not credits.waiting_row.isVisible()
