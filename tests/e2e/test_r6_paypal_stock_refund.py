"""What a buyer sees, in the running client against the real panel, of three things no other end-to-end test walks
through: a PayPal payment approved on the panel's sandbox page inside the app, a product whose stock is limited
(its count on the product page, then Out of stock once the last one is sold), and an invoice the operator refunded
(Refunded, with its payment history and the credits back)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT, sync_now, texts
from tests.support.catalogue import buy

from .checkout_steps import js, open_checkout, order_request, orders_of, paypal_page, wait_result


def open_product(qtbot, app, name: str):
    """Store: the product found by its name and its card clicked; returns the product page."""
    app.window.select_section("store")
    store = app.window.sections["store"]
    store.search.setText(name)
    qtbot.waitUntil(lambda: [c.name.text() for c in store.cards] == [name], timeout=WAIT)
    with qtbot.waitSignal(store.product_opened, timeout=WAIT):
        qtbot.mouseClick(store.cards[0], Qt.MouseButton.LeftButton)
    return store.product_page


def open_invoice(qtbot, app, invoice_id: str):
    """Invoices: the invoice's page, once its lines and payments are in."""
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(invoice_id), timeout=WAIT)
    qtbot.waitUntil(lambda: invoices.page.has_detail and invoices.page.invoice_id == invoice_id, timeout=WAIT)
    return invoices.page


def rows_of(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_paypal_approved_on_the_sandbox_page_in_the_app_pays_and_the_service_is_active(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    page = paypal_page(qtbot, session)
    assert "sandbox" in js(page, "document.body.innerText").lower()
    js(page, "document.querySelector('#approve').click() || true")
    text = wait_result(qtbot, session)

    (order,) = orders_of(buyer)
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert order["status"] == "active" and invoice["status"] == "paid"
    assert [p["method"] for p in invoice["payments"]] == ["paypal"]
    assert "Payment received" in text and order["order_number"] in text
    session.dialog.accept()

    # The invoice shows paid by PayPal, $10.00, in its payment history; the service is active with its server.
    page = open_invoice(qtbot, app, invoice["id"])
    qtbot.waitUntil(lambda: page.chip.text() == "Paid", timeout=WAIT)
    (row,) = rows_of(page.payments_model)
    assert "PayPal" in row and "$10.00" in row
    assert page.fields["balance"].text() == "$0.00" and not page.pay_button.isVisible()
    services = app.window.sections["services"]
    app.window.select_section("services")
    (service_id,) = order["service_ids"]
    qtbot.waitUntil(lambda: services.open_service(service_id), timeout=WAIT)
    qtbot.waitUntil(lambda: services.page.chip.text() == "Active", timeout=WAIT)


def test_limited_stock_is_shown_and_the_last_one_sold_leaves_it_out_of_stock(qtbot, client_of, e2e_shop):
    two_left = e2e_shop.product(name="Two Left VPS", stock=2)
    app, account, buyer = client_of(credits="10.00", product=two_left)
    product_page = open_product(qtbot, app, "Two Left VPS")
    assert product_page.stock.isVisible() and product_page.stock.text() == "Only 2 left"
    assert product_page.add_button.isEnabled()

    buy(e2e_shop.user(credits="10.00"), two_left["id"])       # two other buyers take both
    buy(e2e_shop.user(credits="10.00"), two_left["id"])
    sync_now(qtbot, app, account.id)
    qtbot.waitUntil(lambda: product_page.stock.text() == "Out of stock", timeout=WAIT)
    assert not product_page.add_button.isEnabled()
    # and the panel refuses it at checkout, whatever the cart still holds
    session = open_checkout(qtbot, app, account, order_request(two_left))
    assert "out of stock" in session.dialog.review_error.text() and not session.dialog.pay_button.isEnabled()
    session.dialog.reject()
    assert orders_of(buyer) == []


def test_a_refunded_invoice_shows_refunded_with_its_payment_history_and_the_credits_back(qtbot, client_of, vps,
                                                                                         e2e_shop):
    app, account, buyer = client_of(credits="30.00")
    placed = buy(buyer, vps["id"])
    invoice_id = placed["invoice"]["id"]
    e2e_shop.admin.data("POST", f"/admin/billing/invoices/{invoice_id}/refund", {"to": "credits"})
    assert buyer.data("GET", "/billing/credits")["balance"] == "30.00"
    sync_now(qtbot, app, account.id)

    page = open_invoice(qtbot, app, invoice_id)
    qtbot.waitUntil(lambda: page.chip.text() == "Refunded", timeout=WAIT)
    rows = rows_of(page.payments_model)
    assert len(rows) == 2, rows                                  # the payment, then its refund
    assert any("Credits" in r and "$10.00" in r for r in rows), rows
    assert any("Refunded" in r and "-$10.00" in r for r in rows), rows
    assert not page.pay_button.isVisible()
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    number = placed["invoice"]["invoice_number"]
    model = invoices.list.table.model()
    row = texts(model, 0).index(number)
    assert "Refunded" in [model.index(row, c).data() for c in range(model.columnCount())]
    credits = app.window.sections["credits"]
    app.window.select_section("credits")
    qtbot.waitUntil(lambda: "$30.00" in credits.balance.text(), timeout=WAIT)
