"""Real money against the real panel (and localstripe): what a payment or a cancelled order moved is on every screen
from the action's own change-set, before any sync. The sync an action starts is held here (as when it fails, or a
slow panel keeps it running), so each screen shows only what the action itself read back."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.session.account import AccountSession
from tests.gui.conftest import WAIT

from .checkout_steps import check_out, fill_cart, leave_payment, pay_by_card, pay_with, paypal_page, wait_result


@pytest.fixture
def no_follow_up_sync(monkeypatch):
    """From now on an action's `session.sync()` starts nothing."""
    def hold() -> None:
        monkeypatch.setattr(AccountSession, "sync", lambda self: None)
    return hold


def idle(qtbot, app, account) -> None:
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id) and not app.sessions.get(account.id).reading,
                    timeout=WAIT)


def test_an_order_paid_by_credits_shows_the_balance_history_and_renewal_at_once(qtbot, client_of, vps,
                                                                               no_follow_up_sync):
    app, account, buyer = client_of(credits="100.00")
    window = app.window
    dashboard, credits = window.sections["dashboard"], window.sections["credits"]
    assert credits.balance.text() == "$100.00" and dashboard.cards["next_due"].value.text() == "—"
    no_follow_up_sync()
    cart = fill_cart(qtbot, app, vps)
    session = check_out(qtbot, app, cart)
    pay_with(qtbot, session, "credits")
    assert "Payment received" in wait_result(qtbot, session)
    session.dialog.accept()
    idle(qtbot, app, account)

    assert buyer.data("GET", "/billing/credits")["balance"] == "90.00"
    assert credits.balance.text() == "$90.00" and credits.count.text() == "2 transactions"
    assert dashboard.cards["credits"].value.text() == "$90.00"
    (service,) = buyer.data("GET", "/billing/services")
    assert dashboard.cards["next_due"].value.text() != "—"                     # the new service renews
    assert dashboard.cards["services"].value.text() == "1" and service["status"] == "active"


def test_a_card_order_then_a_cancelled_unpaid_order_show_credits_invoice_and_service_at_once(
        qtbot, client_of, vps, no_follow_up_sync):
    app, account, buyer = client_of(credits="4.00")
    window = app.window
    dashboard, credits, invoices = (window.sections[k] for k in ("dashboard", "credits", "invoices"))
    no_follow_up_sync()

    # Left at the PayPal page: the order is placed, its invoice $6.00 due after the $4.00 of credits.
    cart = fill_cart(qtbot, app, vps)
    session = check_out(qtbot, app, cart)
    paypal_page(qtbot, session)
    leave_payment(session)
    qtbot.waitUntil(lambda: any("Payment left open." in t for t in window.banner_texts()), timeout=WAIT)
    idle(qtbot, app, account)
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == 0
    assert credits.balance.text() == "$0.00"                                   # the credits went to the order
    assert invoices.summary.text() == "$6.00 due" and dashboard.cards["due"].value.text() == "$6.00"

    # Cancel order on its page: the invoice, the service and the credits come back with it.
    (order,) = buyer.data("GET", "/billing/orders")
    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order(order["id"])
    orders.page.confirm_cancel = lambda _number: True
    orders.page.cancel_button.click()
    qtbot.waitUntil(lambda: "is cancelled" in orders.page.message.text(), timeout=WAIT)
    idle(qtbot, app, account)
    assert orders.page.invoice_note.text() == "Cancelled"
    assert invoices.summary.text() == "Nothing to pay." and dashboard.cards["due"].value.text() == "$0.00"
    assert credits.balance.text() == "$4.00" and dashboard.cards["credits"].value.text() == "$4.00"
    services = window.sections["services"]
    assert [services.model.index(r, 1).data() for r in range(services.model.rowCount())] == ["Cancelled"]

    # A card order: its service and the renewal it brings are on the dashboard at once.
    cart = fill_cart(qtbot, app, vps)
    session = check_out(qtbot, app, cart)
    session.dialog.use_credits.setChecked(False)
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()
    idle(qtbot, app, account)
    assert dashboard.cards["services"].value.text() == "1"
    assert dashboard.cards["next_due"].value.text() != "—"
