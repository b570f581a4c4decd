"""What a customer meets walking the app end to end against the real panel (found by driving the demo in an X
window): each test is a step whose screen disagreed with what the user had just done."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import QScrollArea

from tests.support.catalogue import Shop, buy

from .conftest import WAIT, add_account, admin_of, open_service_with_enter, restart_without_login
from .test_orders import leave_unpaid, shop_with_gateways


def two_accounts_on_the_first(make_app, qtbot, url: str, first, second):
    """An app with two accounts of one panel ("First" and "Second"), switched back to the first: (app, a, b)."""
    app = make_app()
    a = add_account(qtbot, app, url, first.user["email"], name="First")
    b = add_account(qtbot, app, url, second.user["email"], name="Second")
    switch_to(app, qtbot, a.id)
    return app, a, b


def switch_to(app, qtbot, account_id: str) -> None:
    """Choose the account in the switcher, as a user does, and wait for its data on the screens."""
    combo = app.window.switcher.combo
    combo.setCurrentIndex(combo.findData(account_id))
    qtbot.waitUntil(lambda: app.window.data.account_id == account_id, timeout=WAIT)


def test_opening_another_service_starts_its_page_at_the_top(make_app, shop, qtbot):
    """Scrolled down to the first service's cancellation, then back and into another: its page opened scrolled
    down too, hiding its price and next due date."""
    user = shop.user(credits="30.00")
    buy(user, shop.product(name="First page VPS")["id"])
    buy(user, shop.product(name="Second page VPS")["id"])
    app = make_app()
    app.window.resize(1000, 650)
    add_account(qtbot, app, user.panel.url, user.user["email"])

    section, page = open_service_with_enter(qtbot, app, "First page VPS")
    qtbot.waitUntil(lambda: page.invoices_model.rowCount() == 1, timeout=WAIT)
    bar = page.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)
    bar.setValue(bar.maximum())
    page.back.click()
    qtbot.waitUntil(lambda: not section.page_open, timeout=WAIT)

    section, page = open_service_with_enter(qtbot, app, "Second page VPS")
    assert page.title.text() == "Second page VPS"
    assert bar.value() == 0

    # The same on the orders' pages.
    app.window.select_section("orders")
    orders = app.window.sections["orders"]
    first, second = (str(o["id"]) for o in app.window.data.orders[:2])
    assert orders.open_order(first)
    area = orders.page.findChild(QScrollArea)
    area.setFixedHeight(150)      # its details scroll (at 1000x650 a one-item order's page shows whole)
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)
    bar.setValue(bar.maximum())
    assert orders.open_order(second)
    assert bar.value() == 0


def test_a_top_up_amount_typed_for_one_account_does_not_follow_to_the_next(make_app, shop, panel, qtbot):
    """20 typed in the customer's Credits, then the switcher to the reseller: the box still said 20 and Top up was
    armed, one click from topping up the other account with an amount never meant for it."""
    first, second = shop.user(credits="11.00"), shop.user(credits="22.00")
    app, a, b = two_accounts_on_the_first(make_app, qtbot, panel.url, first, second)
    app.window.select_section("credits")
    credits = app.window.sections["credits"]
    credits.top_up_amount.setText("20")
    assert credits.top_up_button.isEnabled()

    switch_to(app, qtbot, b.id)
    assert credits.balance.text() == "$22.00"
    assert credits.top_up_amount.text() == "" and not credits.top_up_button.isEnabled()

    credits.top_up_amount.setText("5")     # typed for this account, it stays through this account's syncs
    credits.show_data(app.window.data)
    assert credits.top_up_amount.text() == "5"


def test_the_login_prompt_of_an_account_that_goes_closes_with_it(make_app, shop, panel, secrets, qtbot):
    """Restarting the demo on the same data folder: the last run's demo customer had no saved login, so Sett asked
    for its password; the new demo then replaced that account, and the prompt stayed open over the new one, asking
    for the password of an account that no longer existed."""
    user = shop.user(credits="5.00")
    app = make_app()
    account = add_account(qtbot, app, panel.url, user.user["email"])
    app = restart_without_login(qtbot, make_app, secrets, app, account.id)   # its login was kept in memory only
    prompt = app.prompt
    app.sessions.remove(account.id)
    assert not prompt.isVisible() and app.prompt is None


def test_a_reply_queued_offline_shows_in_the_conversation_until_it_is_sent_once(make_app, private_panel, tmp_path,
                                                                               qtbot):
    """Offline, Queue reply said "Queued in the Outbox" but the conversation did not show the reply at all, where a
    queued cancellation shows on its service at once ("waiting in the Outbox"), as the README promises for both."""
    workdir = tmp_path / "panel"
    proc = private_panel(workdir)
    admin = admin_of(proc)
    shop = Shop(admin)
    shop.settings(tickets_enabled=True)
    user = shop.user()
    ticket = user.data("POST", "/support/tickets", {"subject": "Trains", "department": "technical",
                                                    "body": "Is there a mobile app?"}, expect=201)
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    app.window.select_section("support")
    support = app.window.sections["support"]
    assert support.open_ticket(ticket["id"])
    page = support.page
    qtbot.waitUntil(lambda: [v.body.text() for v in page.messages] == ["Is there a mobile app?"], timeout=WAIT)
    port = urlsplit(proc.url).port
    proc.stop()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)

    page.reply_box.setPlainText("Written on a train.")
    page.send_button.click()
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: len(page.messages) == 2, timeout=WAIT)
    assert page.messages[1].body.text() == "Written on a train."
    assert "waiting in the Outbox" in page.messages[1].header.text()
    # A second one, taken back out of the Outbox unsent, leaves the conversation too.
    page.reply_box.setPlainText("Never mind.")
    page.send_button.click()
    qtbot.waitUntil(lambda: len(page.messages) == 3, timeout=WAIT)
    dialog = app.features["outbox"].open()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT)
    dialog.remove_requested.emit(dialog.rows[1]["id"])
    qtbot.waitUntil(lambda: len(page.messages) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 1, timeout=WAIT)   # counted after
    dialog.close()

    private_panel(workdir, extra_args=["--port", str(port)])
    qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
    messages = user.data("GET", f"/support/tickets/{ticket['id']}")["messages"]
    assert [m["body"] for m in messages] == ["Is there a mobile app?", "Written on a train."]     # sent once
    qtbot.waitUntil(lambda: len(page.messages) == 2 and "Outbox" not in page.messages[1].header.text(),
                    timeout=WAIT)


def test_added_to_cart_is_said_only_to_the_account_whose_cart_it_is(make_app, shop, panel, qtbot):
    """A product added to the customer's cart, then the switcher to the reseller on the same panel: the product's
    page still said "Added to your cart (1 in cart). View cart" over the reseller's empty cart."""
    product = shop.product(name="Switch VPS")
    first, second = shop.user(), shop.user()
    app, a, b = two_accounts_on_the_first(make_app, qtbot, panel.url, first, second)
    app.window.select_section("store")
    store = app.window.sections["store"]
    assert store.open_product(product["id"])
    page = store.product_page
    page.add_button.click()
    qtbot.waitUntil(lambda: page.added.isVisibleTo(page), timeout=WAIT)
    assert "1 in cart" in page.added.text()

    switch_to(app, qtbot, b.id)
    assert page.product.get("id") == product["id"]          # the same product, now for the other account
    assert not page.added.isVisibleTo(page) and not page.view_cart.isVisibleTo(page)


def test_paying_several_invoices_at_once_says_each_one_is_paid(make_app, shop, qtbot):
    """Pay selected (2) on an overdue and a pending invoice: "Payment received: INV-000019 is paid." named only
    one of the two the payment settled."""
    shop_with_gateways(shop)
    product = shop.product(name="Twice VPS")
    user = shop.user(credits="100.00")
    numbers = {leave_unpaid(user, product["id"])["invoice"]["invoice_number"] for _ in range(2)}
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("invoices")
    app.window.sections["invoices"].pay_due.pay_all.click()
    session = app.checkout_sessions[-1]
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    dialog.choose("credits")
    dialog.pay_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.result_page, timeout=WAIT)
    assert dialog.result_title.text() == "Payment received"
    for number in numbers:
        assert number in dialog.result_text.text()
    dialog.accept()


def test_a_cancelled_order_does_not_say_it_was_paid(make_app, shop, qtbot):
    """Checkout by PayPal, "Cancel and return", then Cancel order…: the page said "Placed … · paid by PayPal" over
    an order nothing was ever paid for."""
    shop_with_gateways(shop)
    product = shop.product(name="Unpaid VPS")
    user = shop.user()
    order = leave_unpaid(user, product["id"])["order"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("orders")
    orders = app.window.sections["orders"]
    assert orders.open_order(str(order["id"]))
    page = orders.page
    assert "paid by" not in page.dates.text()
    page.confirm_cancel = lambda _number: True
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.chip.text() == "Cancelled", timeout=WAIT)
    assert page.dates.text().startswith("Placed") and "paid" not in page.dates.text()


def test_support_built_while_signed_out_does_not_offer_new_ticket(make_app, shop, panel, secrets, qtbot):
    """Restarted without a saved login (Needs a login), then Support: New ticket… was enabled until the dialog
    opened, which then said sending needs the panel; the section had never been told the account's state."""
    shop.settings(tickets_enabled=True)
    try:
        user = shop.user()
        app = make_app()
        account = add_account(qtbot, app, panel.url, user.user["email"])
        app = restart_without_login(qtbot, make_app, secrets, app, account.id)
        app.prompt.reject()
        assert app.sessions.is_online(account.id) is False
        app.window.select_section("support")
        support = app.window.sections["support"]
        assert not support.new_button.isEnabled()
    finally:
        shop.settings(tickets_enabled=False)
