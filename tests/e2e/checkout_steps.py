"""The steps of a checkout in the running client, as a buyer takes them: open the review, choose a method and
press Pay, meet the embedded pay page (localstripe's card form, or the panel's PayPal sandbox page), type the test
card and press Pay there, or leave, and read the result page. Shared by the end-to-end tests, which then read the
truth over the API and look at the screens.
"""
from __future__ import annotations

from tests.gui.conftest import WAIT
from tests.support.browser import evaluate
from tests.support.localstripe_card import FORM_READY, PRESS_PAY, card_scripts

PAYPAL_READY = "!!document.querySelector('#approve')"


def order_request(product: dict, use_credits: bool = False) -> dict:
    return {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "coupon_code": None,
            "use_credits": use_credits}


def orders_of(buyer) -> list[dict]:
    return buyer.data("GET", "/billing/orders")


# -- the review ---------------------------------------------------------------------------------------------------
def wait_review(qtbot, session):
    """Until the checkout dialog shows its review (totals, methods, Pay); returns the session."""
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    return session


def open_checkout(qtbot, app, account, request: dict, kind: str = "order"):
    """Start a checkout of `request` as the cart, an invoice or a top-up would; returns it at its review."""
    return wait_review(qtbot, app.features["checkout"].start(account.id, kind, request))


def opened_checkout(qtbot, app):
    """The checkout a button on a screen just opened (Checkout, Pay, Top up, Pay all due), at its review."""
    qtbot.waitUntil(lambda: bool(app.checkout_sessions), timeout=WAIT)
    return wait_review(qtbot, app.checkout_sessions[-1])


def pay_with(qtbot, session, method: str) -> None:
    """Choose `method` on the review and press Pay."""
    dialog = session.dialog
    assert method in dialog.methods, dialog.methods
    dialog.choose(method)
    assert dialog.pay_button.isEnabled(), dialog.review_error.text()
    dialog.pay_button.click()


def wait_result(qtbot, session) -> str:
    """Until the result page shows; returns its title and text as the buyer reads them."""
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.result_page, timeout=WAIT)
    return f"{dialog.result_title.text()}\n{dialog.result_text.text()}"


# -- the embedded pay page ----------------------------------------------------------------------------------------
def js(page, expression: str, timeout: float = 30.0):
    """Evaluate `expression` in the dialog's own page; JSON carries the value back."""
    answer = evaluate(page, expression, timeout)
    assert answer, f"the page did not answer {expression[:60]!r}"
    return answer[0]


def wait_web(qtbot, session, ready: str):
    """Until the dialog's web view is up and `ready` is true in its page; returns the page."""
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.web is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(js(dialog.web.page, ready)), timeout=WAIT)
    return dialog.web.page


def card_form(qtbot, session):
    """Choose the card on the review, press Pay and wait for localstripe's card form; returns the page."""
    pay_with(qtbot, session, "stripe")
    return wait_web(qtbot, session, FORM_READY)


def type_card(page) -> None:
    """Types the test card into the embedded payment page's fields, as a user's keystrokes would fill them."""
    for script in card_scripts():
        assert js(page, script), f"no card field for {script[:80]!r}"


def press_pay(page) -> None:
    js(page, PRESS_PAY)


def pay_by_card(qtbot, session) -> str:
    """The whole card payment from the review: Pay by card, the test card typed into the embedded page, its Pay
    pressed; returns the result page's words."""
    page = card_form(qtbot, session)
    type_card(page)
    press_pay(page)
    return wait_result(qtbot, session)


def paypal_page(qtbot, session):
    """Choose PayPal on the review, press Pay and wait for the panel's sandbox page; returns the page."""
    pay_with(qtbot, session, "paypal")
    return wait_web(qtbot, session, PAYPAL_READY)


def leave_payment(session) -> None:
    """Close the dialog mid-payment (Escape) and say yes to leaving."""
    session.dialog.confirm_leave = lambda: True
    session.dialog.reject()


def leave_top_up(qtbot, app, account, amount: str):
    """Credits: top up `amount` by PayPal, then leave the payment page; returns the Credits screen once the
    top-up's invoice is in the account's data, pending."""
    credits = app.window.sections["credits"]
    app.window.select_section("credits")
    credits.top_up_amount.setText(amount)
    credits.top_up_button.click()
    session = opened_checkout(qtbot, app)
    paypal_page(qtbot, session)
    leave_payment(session)
    qtbot.waitUntil(lambda: any(r.get("kind") == "top_up" and r["status"] == "pending"
                                for r in app.data[account.id].invoices), timeout=WAIT)
    return credits


# -- the cart screen ----------------------------------------------------------------------------------------------
def fill_cart(qtbot, app, product: dict):
    """Add to Cart from the store, then open the cart screen once the panel's totals are in."""
    app.window.sections["store"].add_to_cart.emit({"product_id": product["id"], "billing_cycle": "monthly"})
    cart = app.window.sections["cart"]
    app.window.select_section("cart")
    qtbot.waitUntil(lambda: cart.preview is not None and cart.checkout.isEnabled(), timeout=WAIT)
    return cart


def check_out(qtbot, app, cart):
    """Press Checkout on the cart screen; the review opens."""
    cart.checkout.click()
    return opened_checkout(qtbot, app)
