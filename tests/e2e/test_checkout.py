"""Checking out in the real client against the real panel: Stripe through localstripe (the test card typed into
the embedded page), credits only, a cancelled PayPal sandbox payment, an out-of-stock refusal, a retry after a
dropped connection, and a link that leaves for the system browser. Each test reads the truth over the API.
"""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from app.api import Credentials, NetworkError, PanelClient
from app.session import payments as checkout_flow
from tests.gui.conftest import WAIT

from .checkout_steps import (
    card_form,
    js,
    leave_payment,
    open_checkout,
    opened_checkout,
    order_request,
    orders_of,
    pay_by_card,
    pay_with,
    paypal_page,
    press_pay,
    type_card,
    wait_result,
    wait_review,
)


# -- the tests --------------------------------------------------------------------------------------------------
def test_stripe_card_typed_into_the_embedded_page_pays_and_the_server_is_active(qtbot, client_of, vps, tmp_path):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    assert {"stripe", "paypal"} <= set(session.dialog.methods)
    assert "credits" not in session.dialog.methods          # no balance: credits are not offered
    page = card_form(qtbot, session)
    assert page.profile().isOffTheRecord()
    type_card(page)
    qtbot.wait(300)   # let the compositor paint the typed card for the picture
    picture = tmp_path / "checkout.png"                      # the embedded page renders: it can be grabbed
    assert session.dialog.grab().save(str(picture), "PNG") and picture.stat().st_size > 10_000
    press_pay(page)

    text = wait_result(qtbot, session)
    order = orders_of(buyer)[0]
    assert "Payment received" in text and order["order_number"] in text
    service = buyer.data("GET", f"/billing/services/{order['service_ids'][0]}")
    assert service["status"] == "active" and service["server"]["status"] == "running"
    assert service["server"]["name"] in text and "active" in text
    # the client synced afterwards: the service shows with its server
    qtbot.waitUntil(lambda: any(s["id"] == service["id"] and s["status"] == "active" and s.get("server")
                                for s in app.data[account.id].services), timeout=WAIT)
    session.dialog.accept()
    assert session.dialog.web is None          # the page and its off-the-record profile are gone


def test_credits_only_needs_no_web_view(qtbot, client_of, vps):
    app, account, buyer = client_of(credits="50.00")
    cart = app.window.sections["cart"]
    app.window.sections["store"].add_to_cart.emit({"product_id": vps["id"], "billing_cycle": "monthly"})
    qtbot.waitUntil(lambda: len(app.data[account.id].cart) == 1, timeout=WAIT)      # saved in the cache
    cart.checkout_requested.emit(cart.request_body())                               # the cart's Checkout
    (session,) = app.checkout_sessions
    wait_review(qtbot, session)
    assert "credits" in session.dialog.methods
    pay_with(qtbot, session, "credits")
    text = wait_result(qtbot, session)
    assert session.dialog.web is None
    (order,) = orders_of(buyer)
    assert order["status"] == "active" and order["order_number"] in text
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"
    qtbot.waitUntil(lambda: not cart.cart.items and not app.data[account.id].cart, timeout=WAIT)   # emptied

    # The result offers the next steps: the new service (and the invoice); Open service shows its page.
    steps = {b.property("next"): b for b in session.dialog.result_page.findChildren(QPushButton)
             if b.property("next")}
    assert steps.keys() == {"service", "invoice"} and steps["service"].text() == "Open service"
    steps["service"].click()
    assert not session.dialog.isVisible() and app.window.current_key == "services"
    services = app.window.sections["services"]
    assert services.page.service_id == str(order["service_ids"][0]) and services.page.isVisible()


def test_cancelling_a_paypal_sandbox_payment_leaves_the_order_unpaid(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    page = paypal_page(qtbot, session)
    assert js(page, "!!document.querySelector('#cancel')")
    assert "sandbox" in js(page, "document.body.innerText").lower()
    js(page, "document.querySelector('#cancel').click() || true")
    text = wait_result(qtbot, session)
    (order,) = orders_of(buyer)
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert "Payment cancelled" in text and "stays payable from Invoices" in text
    assert invoice["invoice_number"] in text
    assert order["status"] == "pending" and invoice["status"] == "pending"
    assert invoice["balance_due"] == "10.00"
    # The result offers the order's page, where it can be paid later or cancelled; it opens on that order.
    view_order = next(b for b in session.dialog.findChildren(QPushButton) if b.property("next") == "order")
    assert view_order.text() == "View order" and view_order.isVisible()
    view_order.click()
    orders = app.window.sections["orders"]
    qtbot.waitUntil(lambda: orders.page_open and order["order_number"] in orders.page.title.text(), timeout=WAIT)
    assert app.window.current_key == "orders" and orders.page.cancel_button.isVisible()


def test_closing_mid_payment_leaves_the_invoice_payable(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    paypal_page(qtbot, session)
    asked: list[bool] = []
    session.dialog.confirm_leave = lambda: asked.append(True) or False
    session.dialog.reject()
    assert asked and session.dialog.isVisible()           # said no: still paying
    leave_payment(session)
    assert not session.dialog.isVisible()
    qtbot.waitUntil(lambda: any("stays payable from Invoices" in t for t in app.window.banner_texts()),
                    timeout=WAIT)
    (order,) = orders_of(buyer)
    assert buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")["status"] == "pending"
    # The note offers the unpaid order's page, as the dialog's result would have.
    banner = next(b for b in app.window.banners.values() if "stays payable from Invoices" in b.text)
    assert banner.action_button is not None and banner.action_button.text() == "View order"
    banner.action_button.click()
    orders = app.window.sections["orders"]
    qtbot.waitUntil(lambda: orders.page_open and order["order_number"] in orders.page.title.text(), timeout=WAIT)


def test_out_of_stock_is_refused_in_words_and_nothing_is_ordered(qtbot, client_of, e2e_shop):
    last_one = e2e_shop.product(name="Last VPS", stock=1)
    app, account, buyer = client_of(product=last_one)
    session = open_checkout(qtbot, app, account, order_request(last_one))
    rival = e2e_shop.user()                                 # another buyer takes the last one meanwhile
    rival.data("POST", "/billing/checkout", {**order_request(last_one), "payment_method": "paypal",
                                             "return_url": checkout_flow.RETURN_URL,
                                             "cancel_url": checkout_flow.CANCEL_URL}, expect=201)
    pay_with(qtbot, session, "stripe")
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.review_error.isVisible(), timeout=WAIT)
    assert "Last VPS is out of stock" in dialog.review_error.text()
    assert "nothing was ordered" in dialog.review_error.text()
    assert not dialog.pay_button.isEnabled() and dialog.web is None
    assert orders_of(buyer) == []
    dialog.reject()
    # opened again now, the review itself says so and offers no Pay
    again = open_checkout(qtbot, app, account, order_request(last_one))
    assert "out of stock" in again.dialog.review_error.text() and not again.dialog.pay_button.isEnabled()
    again.dialog.reject()


def test_a_retry_after_a_dropped_connection_orders_once(qtbot, client_of, vps, monkeypatch):
    app, account, buyer = client_of(credits="100.00")
    real = PanelClient.checkout
    keys: list[str] = []

    def dropped_after_the_panel_answered(client, *args, key, **kwargs):
        keys.append(key)
        answer = real(client, *args, key=key, **kwargs)
        if len(keys) == 1:
            raise NetworkError("the connection dropped")
        return answer

    monkeypatch.setattr(PanelClient, "checkout", dropped_after_the_panel_answered)
    session = open_checkout(qtbot, app, account, order_request(vps))
    pay_with(qtbot, session, "credits")
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=WAIT)
    assert "could not be reached" in dialog.review_error.text()
    dialog.retry_button.click()
    text = wait_result(qtbot, session)
    assert keys[0] == keys[1]
    (order,) = orders_of(buyer)
    assert order["order_number"] in text
    assert buyer.data("GET", "/billing/credits")["balance"] == "90.00"


def test_the_same_key_at_the_panel_makes_one_order(e2e_panel, e2e_shop, vps):
    buyer = e2e_shop.user(credits="100.00")
    with PanelClient(e2e_panel.url, Credentials.from_tokens(buyer.token, buyer.refresh_token)) as client:
        items = order_request(vps)["items"]
        first = client.checkout(items, coupon_code=None, use_credits=True, payment_method="credits",
                                return_url=None, cancel_url=None, key="k-1")
        second = client.checkout(items, coupon_code=None, use_credits=True, payment_method="credits",
                                 return_url=None, cancel_url=None, key="k-1")
    assert first["order"]["id"] == second["order"]["id"]
    assert len(orders_of(buyer)) == 1


def test_a_link_elsewhere_opens_the_system_browser_and_the_dialog_stays(qtbot, client_of, vps, monkeypatch):
    opened: list[str] = []

    class Desktop:
        @staticmethod
        def openUrl(url):  # noqa: N802 - Qt's name
            opened.append(url.toString())
            return True

    import app.views.checkout.web as web
    monkeypatch.setattr(web, "QDesktopServices", Desktop)
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    page = paypal_page(qtbot, session)
    js(page, "(function () { window.location.href = 'https://example.org/terms'; return true; })()")
    qtbot.waitUntil(lambda: opened == ["https://example.org/terms"], timeout=WAIT)
    # a frame elsewhere is neither loaded nor sent to the system browser
    js(page, "(function () { const f = document.createElement('iframe'); f.src = 'https://ads.example.org/x';"
             " document.body.appendChild(f); return true; })()")
    qtbot.waitUntil(lambda: "https://ads.example.org/x" in page.refused, timeout=WAIT)
    assert opened == ["https://example.org/terms"]
    dialog = session.dialog
    assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.web_page and dialog.paying
    assert js(page, "!!document.querySelector('#approve')")       # still on the pay page
    leave_payment(session)


def test_offline_checkout_says_it_needs_a_connection(qtbot, client_of, vps):
    app, account, buyer = client_of()
    app.sessions.get(account.id).link.unreachable("no route to host")
    session = app.features["checkout"].start(account.id, "order", order_request(vps))
    dialog = session.dialog
    assert "needs a connection" in dialog.review_error.text()
    assert not dialog.pay_button.isEnabled()
    dialog.reject()
    assert orders_of(buyer) == []


def test_a_paid_top_up_empties_the_amount_so_a_second_click_does_not_pay_it_again(qtbot, client_of):
    """Found in the demo: after a $20 top-up went through, Credits still said 20 with Top up armed."""
    app, account, buyer = client_of()
    app.window.select_section("credits")
    credits = app.window.sections["credits"]
    credits.top_up_amount.setText("20")
    credits.top_up_button.click()
    session = opened_checkout(qtbot, app)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()
    assert credits.top_up_amount.text() == "" and not credits.top_up_button.isEnabled()
