"""Orders and Pay all due in the real client against the real panel: the Orders screen and an order's page, reached
from the dashboard and from an invoice; Cancel order (confirmed first, the panel's refusal in words); Complete
payment and Pay all due opening the checkout for the right invoices. Each checks the panel's truth over the API."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from app.session import payments as checkout_flow

from .conftest import WAIT, add_account, sync_now, texts


def leave_unpaid(user, product_id: str) -> dict:
    """The user checks out by PayPal and leaves the pay page: a pending order with a pending invoice."""
    return user.data("POST", "/billing/checkout", {
        "items": [{"product_id": product_id, "billing_cycle": "monthly"}], "payment_method": "paypal",
        "use_credits": False, "return_url": checkout_flow.RETURN_URL, "cancel_url": checkout_flow.CANCEL_URL},
        expect=201)


def shop_with_gateways(shop):
    shop.settings(paypal_enabled=True, credits_enabled=True, auto_activate=True)
    return shop


def test_an_unpaid_order_from_the_dashboard_cancelled_after_confirming(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Orders VPS", stock=3)
    user = shop.user()
    placed = leave_unpaid(user, product["id"])
    number, invoice = placed["order"]["order_number"], placed["invoice"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window

    # The Orders screen lists it, saying it waits for payment, with its invoice.
    window.select_section("orders")
    orders = window.sections["orders"]
    assert texts(orders.model) == [number]
    assert orders.model.index(0, 2).data() == "Awaiting payment"
    assert orders.model.index(0, 4).data() == invoice["invoice_number"]
    assert orders.model.index(0, 5).data() == "Orders VPS"          # what it bought, beside its number
    assert "1 order not paid yet" in orders.summary.text()

    # The dashboard's recent orders open its page.
    window.select_section("dashboard")
    recent = window.sections["dashboard"].recent_orders
    (button,) = recent.buttons
    assert number in button.text() and "Awaiting payment" in button.text()
    button.click()
    assert window.current_key == "orders" and orders.page_open
    page = orders.page
    assert page.title.text() == f"Order {number}"
    assert "This order is not paid" in page.unpaid.text() and page.unpaid.isVisible()
    assert page.pay_button.isVisible() and page.cancel_button.isVisible()
    assert texts(page.items_model) == ["Orders VPS"]
    assert page.invoice_button.text() == f"Invoice {invoice['invoice_number']}"

    # Its invoice, and back to the order from the invoice's page.
    page.invoice_button.click()
    invoices = window.sections["invoices"]
    assert window.current_key == "invoices" and invoices.page_open
    assert invoices.page.order_button.isVisible()
    assert invoices.page.order_button.text() == f"Order {number}"
    invoices.page.order_button.click()
    assert window.current_key == "orders" and page.order_id == placed["order"]["id"]

    # Cancel: asked first; "no" changes nothing.
    asked: list[str] = []
    page.confirm_cancel = lambda n: asked.append(n) or False
    page.cancel_button.click()
    assert asked == [number]
    assert user.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "pending"
    page.confirm_cancel = lambda n: True
    page.cancel_button.click()
    qtbot.waitUntil(lambda: "is cancelled" in page.message.text(), timeout=WAIT)
    order = user.data("GET", f"/billing/orders/{placed['order']['id']}")
    assert order["status"] == "cancelled"
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "cancelled"
    qtbot.waitUntil(lambda: page.chip.text() == "Cancelled" and not page.cancel_button.isVisible(), timeout=WAIT)
    assert not page.pay_button.isVisible() and not page.unpaid.isVisible()
    # the list follows: nothing waits for payment any more
    qtbot.waitUntil(lambda: not orders.summary.isVisible(), timeout=WAIT)
    assert shop.admin.data("GET", f"/admin/billing/products/{product['id']}")["stock"] == 3


def test_cancelling_an_order_paid_meanwhile_is_refused_in_words(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Raced VPS")
    user = shop.user(credits="20.00")
    placed = leave_unpaid(user, product["id"])
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("orders")
    orders = app.window.sections["orders"]
    assert orders.open_order(placed["order"]["id"])
    page = orders.page
    assert page.cancel_button.isVisible()
    # Paid by credits behind the app's back: the order is active now, and the page has not synced yet.
    user.data("POST", f"/billing/invoices/{placed['invoice']['id']}/pay", {"payment_method": "credits"})
    page.confirm_cancel = lambda n: True
    page.cancel_button.click()
    qtbot.waitUntil(lambda: "cannot cancel this order" in page.message.text(), timeout=WAIT)
    assert page.message.property("role") == "error"
    # the client synced after the refusal: the page shows the order as it is
    qtbot.waitUntil(lambda: page.chip.text() == "Active" and not page.cancel_button.isVisible(), timeout=WAIT)
    assert "cannot cancel this order" in page.message.text()
    assert user.data("GET", f"/billing/orders/{placed['order']['id']}")["status"] == "active"


def test_complete_payment_opens_the_checkout_of_the_orders_invoice(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Finish VPS")
    user = shop.user()
    placed = leave_unpaid(user, product["id"])
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    orders = app.window.sections["orders"]
    app.window.select_section("orders")
    assert orders.open_order(placed["order"]["id"])
    orders.page.pay_button.click()
    (session,) = app.checkout_sessions
    assert (session.kind, session.request) == ("invoice", {"invoice_id": placed["invoice"]["id"]})
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    assert "Pay invoice" in dialog.review_heading.text()
    dialog.reject()


def test_pay_all_due_and_pay_selected_open_one_checkout_for_their_invoices(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Due VPS")
    user = shop.user()
    first, second = leave_unpaid(user, product["id"]), leave_unpaid(user, product["id"])
    ids = {first["invoice"]["id"], second["invoice"]["id"]}
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    bar = invoices.pay_due
    assert bar.isVisible() and bar.pay_all.text() == "Pay all due (2)…"
    assert not bar.pay_selected.isEnabled()

    bar.pay_all.click()
    (session,) = app.checkout_sessions
    assert session.kind == "invoices" and set(session.request["invoice_ids"]) == ids
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    review = " ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))
    lines = " ".join(dialog.lines.itemAt(i).widget().text() for i in range(dialog.lines.count()))
    for placed in (first, second):
        assert f"{placed['invoice']['invoice_number']}: Due VPS" in lines
    assert "Balance due" in review and "$20.00" in review and "Due now" in review
    dialog.reject()

    # a selection of one invoice
    table = invoices.table
    table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert bar.pay_selected.isEnabled() and bar.pay_selected.text() == "Pay selected (1)…"
    bar.pay_selected.click()
    chosen = app.checkout_sessions[-1]
    assert chosen.kind == "invoices" and len(chosen.request["invoice_ids"]) == 1
    assert chosen.request["invoice_ids"][0] in ids
    chosen.dialog.reject()

    # the dashboard's Amount due card
    window.select_section("dashboard")
    dashboard = window.sections["dashboard"]
    assert dashboard.pay_all.isVisible()
    dashboard.pay_all.click()
    assert window.current_key == "dashboard"          # the button, not the card's way to the list
    from_card = app.checkout_sessions[-1]
    assert from_card.kind == "invoices" and set(from_card.request["invoice_ids"]) == ids
    from_card.dialog.reject()

    # Paid (by credits, over the API): nothing due, no button
    shop.admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "20.00", "note": "t"}, expect=201)
    for invoice_id in ids:
        user.data("POST", f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"})
    sync_now(qtbot, app)
    assert not dashboard.pay_all.isVisible()
    window.select_section("invoices")
    assert not bar.isVisible()


def test_pay_all_due_with_a_top_up_applies_credits_to_the_others_only(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Mixed VPS")
    user = shop.user(credits="70.00")                        # more than both invoices together
    leave_unpaid(user, product["id"])                        # $10.00, no credits applied
    user.data("POST", "/billing/credits/top-up", {"amount": "50.00", "payment_method": "paypal",
                                                  "return_url": checkout_flow.RETURN_URL,
                                                  "cancel_url": checkout_flow.CANCEL_URL}, expect=201)
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("invoices")
    bar = app.window.sections["invoices"].pay_due
    assert bar.pay_all.text() == "Pay all due (2)…"
    bar.pay_all.click()
    dialog = app.checkout_sessions[-1].dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    review = [dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count())]
    assert review[-6:] == ["Balance due", "$60.00", "Credits applied", "-$10.00",
                           "Due now, charged to your chosen method", "$50.00"]
    assert "credits" not in dialog.methods                   # a top-up in the list cannot be paid by credits
    dialog.reject()
