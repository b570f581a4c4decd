"""Checking out in the real client against the real panel: Stripe through localstripe (the test card typed into
the embedded page), credits only, a cancelled PayPal sandbox payment, an out-of-stock refusal, a retry after a
dropped connection, and a link that leaves for the system browser. Each test reads the truth over the API.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QPushButton

import app.features.checkout as checkout
from app.api import Credentials, NetworkError, PanelClient
from app.session import payments as checkout_flow
from tests.gui.conftest import WAIT, add_account

DOCS = Path(__file__).resolve().parents[2] / "docs"
CARD = {"number": "4242424242424242", "exp_month": "12", "exp_year": "30", "cvc": "123", "postal_code": "12345"}


# -- fixtures and steps -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def vps(e2e_shop) -> dict:
    return e2e_shop.product(name="Card VPS", pricing=[
        {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])


@pytest.fixture
def client_of(make_app, qtbot, e2e_panel, e2e_shop, vps):
    """`client_of(credits=None)`: a running Sett signed in as a new buyer -> (app, account, buyer Api)."""
    def make(credits=None, product=None):
        buyer = e2e_shop.user(credits=credits)
        app = make_app()
        account = add_account(qtbot, app, e2e_panel.url, buyer.user["email"])
        if product is not None:   # made after the first sync: sync again so the client knows its name
            app.sync.sync(account.id)
            qtbot.waitUntil(lambda: any(p["id"] == product["id"] for p in app.data[account.id].products),
                            timeout=WAIT)
        return app, account, buyer
    return make


def order_request(product: dict, use_credits: bool = False) -> dict:
    return {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "coupon_code": None,
            "use_credits": use_credits}


def open_checkout(qtbot, app, account, request: dict, kind: str = "order") -> checkout.CheckoutSession:
    session = app.features["checkout"].start(account.id, kind, request)
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    return session


def pay_with(qtbot, session, method: str) -> None:
    dialog = session.dialog
    assert method in dialog.methods, dialog.methods
    dialog.choose(method)
    assert dialog.pay_button.isEnabled(), dialog.review_error.text()
    dialog.pay_button.click()


def wait_result(qtbot, session) -> str:
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.result_page, timeout=WAIT)
    return f"{dialog.result_title.text()}\n{dialog.result_text.text()}"


def js(page, expression: str, timeout: float = 30.0):
    """Evaluate `expression` in the dialog's own page; JSON carries the value back."""
    box: list = []
    loop = QEventLoop()

    def done(result) -> None:
        box.append(json.loads(result) if isinstance(result, str) and result else None)
        loop.quit()

    page.runJavaScript(f"JSON.stringify(({expression}))", 0, done)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    if not box:
        loop.exec()
    assert box, f"the page did not answer {expression[:60]!r}"
    return box[0]


def wait_js(qtbot, page, expression: str) -> None:
    qtbot.waitUntil(lambda: bool(js(page, expression)), timeout=WAIT)


def wait_web(qtbot, session, ready: str):
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.web is not None, timeout=WAIT)
    wait_js(qtbot, dialog.web.page, ready)
    return dialog.web.page


def type_card(page) -> None:
    """Types the test card into the embedded payment page's fields, as a user's keystrokes would fill them."""
    for field, value in CARD.items():
        selector = json.dumps(f'#card input[placeholder="{field}"]')
        js(page, f"(function (e) {{ e.focus(); e.value = {json.dumps(value)}; e.dispatchEvent(new Event('input', "
                 f"{{bubbles: true}})); return true; }})(document.querySelector({selector}))")


def orders_of(buyer) -> list[dict]:
    return buyer.data("GET", "/billing/orders")


# -- the tests --------------------------------------------------------------------------------------------------
def test_stripe_card_typed_into_the_embedded_page_pays_and_the_server_is_active(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    assert {"stripe", "paypal"} <= set(session.dialog.methods)
    assert "credits" not in session.dialog.methods          # no balance: credits are not offered
    pay_with(qtbot, session, "stripe")
    page = wait_web(qtbot, session, "document.querySelectorAll('#card input').length === 5")
    assert page.profile().isOffTheRecord()
    type_card(page)
    qtbot.wait(300)   # let the compositor paint the typed card for the picture
    DOCS.mkdir(exist_ok=True)
    assert session.dialog.grab().save(str(DOCS / "checkout.png"), "PNG")
    js(page, "document.querySelector('#pay').click() || true")

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
    qtbot.waitUntil(lambda: session.dialog.stack.currentWidget() is session.dialog.review_page, timeout=WAIT)
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
    pay_with(qtbot, session, "paypal")
    page = wait_web(qtbot, session, "!!document.querySelector('#cancel')")
    assert "sandbox" in js(page, "document.body.innerText").lower()
    js(page, "document.querySelector('#cancel').click() || true")
    text = wait_result(qtbot, session)
    (order,) = orders_of(buyer)
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert "Payment cancelled" in text and "stays payable from Invoices" in text
    assert invoice["invoice_number"] in text
    assert order["status"] == "pending" and invoice["status"] == "pending"
    assert invoice["balance_due"] == "10.00"


def test_closing_mid_payment_leaves_the_invoice_payable(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    pay_with(qtbot, session, "paypal")
    wait_web(qtbot, session, "!!document.querySelector('#approve')")
    asked: list[bool] = []
    session.dialog.confirm_leave = lambda: asked.append(True) or False
    session.dialog.reject()
    assert asked and session.dialog.isVisible()           # said no: still paying
    session.dialog.confirm_leave = lambda: True
    session.dialog.reject()
    assert not session.dialog.isVisible()
    qtbot.waitUntil(lambda: any("stays payable from Invoices" in t for t in app.window.banner_texts()),
                    timeout=WAIT)
    (order,) = orders_of(buyer)
    assert buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")["status"] == "pending"


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
    pay_with(qtbot, session, "paypal")
    page = wait_web(qtbot, session, "!!document.querySelector('#approve')")
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
    dialog.confirm_leave = lambda: True
    dialog.reject()


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
    session = app.features["checkout"].open_sessions[-1]
    qtbot.waitUntil(lambda: session.dialog.stack.currentWidget() is session.dialog.review_page, timeout=WAIT)
    pay_with(qtbot, session, "stripe")
    page = wait_web(qtbot, session, "document.querySelectorAll('#card input').length === 5")
    type_card(page)
    js(page, "document.querySelector('#pay').click() || true")
    assert "Payment received" in wait_result(qtbot, session)
    session.dialog.accept()
    assert credits.top_up_amount.text() == "" and not credits.top_up_button.isEnabled()
