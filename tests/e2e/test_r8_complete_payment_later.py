"""A payment left at the gateway and finished later, as a buyer does it in the running client against the real panel
and localstripe: the cart checked out with some credit applied, the PayPal page left; Sett quit and started again;
the order's page says what is still due, and Complete payment… pays the rest by card on the embedded page. The one
order, its invoice and its service are paid and active at the panel and on every screen (the order's page left
open, Orders, Invoices, Services, the cart still empty), and the note about the payment left open is gone.
(test_orders cancels such an order; no test completed one from its page.)"""
from __future__ import annotations

from decimal import Decimal

from tests.gui.conftest import WAIT, close, texts

from .checkout_steps import check_out, fill_cart, leave_payment, opened_checkout, orders_of, pay_by_card, paypal_page


def review_text(dialog) -> str:
    return " | ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))


def row_of(model, first: str) -> list[str]:
    at = texts(model, 0).index(first)
    return [model.index(at, c).data() for c in range(model.columnCount())]


def test_an_order_left_at_the_gateway_is_completed_later_from_its_page_after_a_restart(
        qtbot, client_of, make_app, e2e_shop):
    product = e2e_shop.product(name="Later VPS", pricing=[{"billing_cycle": "monthly", "price": "10.00",
                                                           "setup_fee": "0.00"}])
    app, account, buyer = client_of(credits="4.00", product=product)
    cart = fill_cart(qtbot, app, product)
    session = check_out(qtbot, app, cart)
    paypal_page(qtbot, session)
    leave_payment(session)
    (order,) = orders_of(buyer)
    assert order["status"] == "pending"
    qtbot.waitUntil(lambda: any("stays payable" in t for t in app.window.banner_texts()), timeout=WAIT)
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id), timeout=WAIT)
    close(app)

    app = make_app()                                           # later: Sett started again
    window = app.window
    qtbot.waitUntil(lambda: window.data is not None and window.status.state == "online", timeout=WAIT)
    orders = window.sections["orders"]
    window.select_section("orders")
    qtbot.waitUntil(lambda: orders.open_order(order["id"]), timeout=WAIT)
    page = orders.page
    qtbot.waitUntil(lambda: page.pay_button.isVisible() and page.pay_button.isEnabled(), timeout=WAIT)
    assert "$6.00 is still due" in page.unpaid.text(), page.unpaid.text()
    page.pay_button.click()
    session = opened_checkout(qtbot, app)
    assert session.kind == "invoice" and session.request["invoice_id"] == order["invoice_id"]
    assert "$6.00" in review_text(session.dialog), review_text(session.dialog)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()

    # The panel: one order, active; its invoice paid once, 4.00 of credit and 6.00 by card.
    (again,) = orders_of(buyer)
    assert again["id"] == order["id"] and again["status"] == "active"
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert (invoice["status"], invoice["credits_applied"], invoice["amount_paid"]) == ("paid", "4.00", "10.00")
    paid = sorted((p["method"], p["amount"]) for p in invoice["payments"] if p["status"] == "succeeded")
    assert paid == [("credits", "4.00"), ("stripe", "6.00")]
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == Decimal("0.00")
    (service_id,) = again["service_ids"]
    assert buyer.data("GET", f"/billing/services/{service_id}")["status"] == "active"

    # The screens: the order's page left open, the lists, the cart, the note.
    window.select_section("orders")
    assert orders.page_open and orders.page is page
    qtbot.waitUntil(lambda: page.chip.text() == "Active" and not page.pay_button.isVisible(), timeout=WAIT)
    assert not page.unpaid.isVisible() and not page.cancel_button.isVisible()
    assert "Active" in row_of(orders.proxy, order["order_number"])
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    qtbot.waitUntil(lambda: "Paid" in row_of(invoices.proxy, invoice["invoice_number"]), timeout=WAIT)
    assert invoices.summary.text() in ("", "Nothing to pay.")
    window.select_section("services")
    services = window.sections["services"]
    qtbot.waitUntil(lambda: row_of(services.table.model(), "Later VPS")[1] == "Active", timeout=WAIT)
    window.select_section("cart")
    assert not window.sections["cart"].checkout.isEnabled()
    qtbot.waitUntil(lambda: not any("stays payable" in t for t in window.banner_texts()), timeout=WAIT)
    assert len(orders_of(buyer)) == 1
