"""In the running client: an action whose Idempotency-Key cannot be kept before sending says that nothing was sent
(never that the panel may have done it), for the checkout (an order, a top-up) and an order's cancel; and an order
attempt's key, kept with the cart, is sent again only within the panel's 24 h window, past which the buyer is told
the next attempt is a new order. The whole client over a synchronous worker and canned panel answers."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.cache import AccountCache, open_account_cache
from app.session.operations import kept_keys as kept_ops
from app.session.operations.keeping import stamp
from tests.e2e.checkout_steps import pay_with
from tests.gui.conftest import data_dir, keyring_backend, secrets  # noqa: F401 - fixtures
from tests.gui.test_checkout_lost_answer import lost_attempt
from tests.gui.test_drift_actions import canned_app, invoice, later, order, service, settle, signed_in  # noqa: F401
from tests.gui.test_exactly_once_actions import answers

from .test_r4_keyed_restart_app import CONFIG, MONEY, Panel
from .test_r5_not_sent import refuse_writes


def checked_out(app, qtbot, session, kind: str, request: dict):
    """The checkout of `request` started and paid by PayPal, as the buyer does."""
    checkout = app.features["checkout"].start(session.id, kind, request)
    settle()
    pay_with(qtbot, checkout, "paypal")
    settle()
    return checkout


def nothing_sent(text: str) -> None:
    assert text.startswith("Nothing was sent") and "may have" not in text


def test_an_order_whose_key_cannot_be_saved_is_not_sent_and_says_so(canned_app, qtbot, monkeypatch):  # noqa: F811
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)       # a first attempt's answer was lost: its key is kept
    real = AccountCache.apply
    refuse_writes(monkeypatch, "cart_items")
    checkout = checked_out(canned_app, qtbot, session, "order", session.cart.request_body())
    nothing_sent(checkout.dialog.review_error.text())
    assert checkout.dialog.retry_button.isVisible()      # nothing was sent: the same attempt may be tried again
    assert session.cart.cart.items
    monkeypatch.setattr(AccountCache, "apply", real)    # space again: Try again is still the first attempt
    checkout.dialog.retry_button.click()
    settle()
    assert "second_order" not in made
    assert not session.cart.cart.items


def test_a_top_up_whose_key_cannot_be_kept_is_not_sent_and_says_so(canned_app, qtbot, monkeypatch):  # noqa: F811
    unpaid = {**invoice(4, "pending", "10.00"), "kind": "top_up", "lines": []}
    call, keys = answers({"invoice": unpaid, "payment": {"id": "pay-4", "method": "paypal", "status": "pending"}})
    client = Panel({"billing_config": CONFIG, "credits": {"enabled": False}, "invoice": lambda _id: unpaid,
                    "top_up": call, "payment": {"id": "pay-4", "status": "pending", "invoice_id": "i-4"}})
    session = signed_in(canned_app, client, config={"billing_config": CONFIG})
    refuse_writes(monkeypatch, "kept_keys")
    checkout = checked_out(canned_app, qtbot, session, "top_up", {"amount": "10.00"})
    assert keys == []
    nothing_sent(checkout.dialog.review_error.text())


def test_an_orders_cancel_whose_key_cannot_be_kept_is_not_sent_and_says_so(canned_app, monkeypatch):  # noqa: F811
    pending = order(1, "pending")
    cancel, keys = answers(later(pending, status="cancelled"))
    client = Panel({"cancel_order": cancel, "invoice": lambda _id: invoice(1, "cancelled", "0.00", order_id="o-1"),
                    "service": lambda _id: service(1, "cancelled"), **MONEY})
    signed_in(canned_app, client, orders=[pending], services=[service(1, "pending")],
              invoices=[invoice(1, "pending", "10.00", order_id="o-1")])
    refuse_writes(monkeypatch, "kept_keys")
    canned_app.window.select_section("orders")
    orders = canned_app.window.sections["orders"]
    assert orders.open_order("o-1")
    orders.page.cancel_requested.emit("o-1")
    settle()
    assert keys == []
    said = orders.page.message.text()
    assert "The order was not cancelled. Nothing was sent" in said and "may have" not in said


@pytest.mark.parametrize("age, same_key", [(timedelta(hours=23), True), (timedelta(hours=25), False)])
def test_an_order_attempt_is_asked_again_with_its_key_only_within_the_window(canned_app, qtbot, age,  # noqa: F811
                                                                                same_key):
    made: dict = {}
    session = lost_attempt(canned_app, qtbot, made)
    remembered = session.cart.options["checkout"]
    # The lost attempt was made `age` ago (its stamp is saved with the cart, so a restart reads the same).
    remembered["kept_at"] = stamp(datetime.now(UTC) - age)
    checked_out(canned_app, qtbot, session, "order", session.cart.request_body())
    assert ("second_order" not in made) is same_key
    note = session.notes.get("checkout_window")
    if same_key:
        assert note is None
    else:
        # Past the window the panel may have forgotten the key: a new order, and the buyer is told where a first
        # one would be.
        assert "new order" in note.text and "Orders" in note.text
    with open_account_cache(session.id) as cache:
        assert (cache.config("cart_options", {}) or {}).get("checkout") is None    # answered: nothing to repeat


def test_the_carts_window_is_the_kept_keys_window():
    from app.session.operations import keeping
    assert kept_ops.KEY_WINDOW is keeping.KEY_WINDOW == timedelta(hours=24)


def test_asking_again_does_not_move_the_window_of_the_first_attempt(canned_app, qtbot):  # noqa: F811
    session = lost_attempt(canned_app, qtbot, {})
    cart, remembered = session.cart, session.cart.options["checkout"]
    first = datetime.now(UTC) - timedelta(hours=23)
    remembered["kept_at"] = stamp(first)
    cart.remember_checkout(remembered["key"], remembered["for"])       # Try again an hour before the window ends
    assert cart.checkout_key(remembered["for"]) == remembered["key"]
    # Two hours on, the panel's 24 h since the key first reached it are over, however often it was asked again.
    assert cart.checkout_key(remembered["for"], now=first + timedelta(hours=25)) is None
    assert cart.checkout_expired(remembered["for"], now=first + timedelta(hours=25))
