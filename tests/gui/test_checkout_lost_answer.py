"""An order attempt whose answer was lost (the connection dropped after the panel made the order) and a checkout
closed then: the next checkout of the same cart sends the same Idempotency-Key, so the panel answers the order it
made instead of making a second one; paid another way, the panel's conflict says the order exists, and the cart is
spent with a message saying where the order is. The key is kept with the cart, in the account's cache."""
from __future__ import annotations

from app.api import Conflict, NetworkError
from app.cache import open_account_cache
from tests.e2e.checkout_steps import pay_with

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    SYNCED,
    Panel,
    canned_app,
    invoice,
    order,
    settle,
    signed_in,
)

PRODUCT = {"id": "p-1", "name": "Canned VPS", "category": {"id": "c-1"},
           "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}],
           "pricing_type": "fixed", "in_stock": True, "stock": None, "updated_at": SYNCED}
PREVIEW = {"lines": [{"description": "Canned VPS", "quantity": 1, "amount": "10.00"}], "subtotal": "10.00",
           "discount": "0.00", "tax_amount": "0.00", "total": "10.00", "credits_applied": "0.00", "due_now": "10.00",
           "currency": "USD"}


def panel_losing_the_first_answer(made: dict) -> Panel:
    """The panel makes the order at the first checkout, but its answer never arrives; it keeps the key."""
    def check_out(*_args, key: str, payment_method: str, **_kwargs) -> dict:
        if "key" not in made:
            made.update(key=key, method=payment_method)
            raise NetworkError("the connection dropped")
        if key != made["key"]:
            made["second_order"] = True
        elif payment_method != made["method"]:
            raise Conflict("other details", status=409, code="idempotency_conflict")
        return {"order": order(1, "pending"), "invoice": invoice(1, "pending", "10.00", order_id="o-1"),
                "payment": {"id": "pay-1", "method": payment_method, "status": "pending"}}

    return Panel({"billing_config": {**CONFIG["billing_config"],
                                     "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}}},
                  "credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
                  "preview_checkout": PREVIEW, "checkout": check_out,
                  "payment": {"id": "pay-1", "status": "pending", "order_id": "o-1", "invoice_id": "i-1"},
                  "invoice": lambda _id: invoice(1, "pending", "10.00", order_id="o-1"),
                  "order": lambda _id: order(1, "pending"),
                  "dashboard": {"active_services": 0, "pending_invoices": 1, "total_due": "10.00"}})


def lost_attempt(app, qtbot, made: dict):
    config = {"billing_config": {**CONFIG["billing_config"],
                                 "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": True}}}}
    session = signed_in(app, panel_losing_the_first_answer(made), config=config, products=[PRODUCT])
    session.cart.add("p-1", "monthly")
    settle()
    checkout = app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    assert checkout.dialog.retry_button.isVisible()      # the answer was lost: Try again is offered
    checkout.dialog.reject()                             # but the buyer closes the checkout instead
    settle()
    assert session.cart.cart.items                      # nothing says the order was made: the cart stays
    return session


def test_the_same_cart_checked_out_again_sends_the_same_key_and_makes_no_second_order(canned_app, qtbot):  # noqa: F811
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)
    with open_account_cache(session.id) as cache:       # kept with the cart: a restart repeats it too
        assert (cache.config("cart_options", {}) or {}).get("checkout", {}).get("key") == made["key"]

    checkout = canned_app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    assert "second_order" not in made
    assert not session.cart.cart.items                  # the panel answered the order: the cart is spent
    assert session.cart.checkout_key('{"coupon_code": null, "items": []}') is None


def test_the_same_cart_paid_another_way_says_the_order_exists_and_spends_the_cart(canned_app, qtbot):  # noqa: F811
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)
    checkout = canned_app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "stripe")
    settle()
    assert "second_order" not in made
    assert "already ordered" in checkout.dialog.review_error.text()
    assert "Orders" in checkout.dialog.review_error.text()
    assert not checkout.dialog.pay_button.isEnabled()
    assert not session.cart.cart.items


def test_a_changed_cart_is_a_new_attempt_with_a_new_key(canned_app, qtbot):  # noqa: F811
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)
    session.cart.update(session.cart.cart.items[0].id, quantity=2)
    settle()
    checkout = canned_app.features["checkout"].start(session.id, "order", session.cart.request_body())
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    assert made.get("second_order")      # another cart is another order, as the buyer asked
