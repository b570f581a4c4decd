"""Pay all due against the real panel when one of the invoices the screens still list as due was paid meanwhile
behind Sett's back (on the panel's web page, by another computer): the review leaves it out and says so, and the
others are paid, instead of the panel refusing the whole payment ("not payable") because Sett sent the ids its
cache listed. The sync an action starts is held, so only the action's own reads reach the screens."""
from __future__ import annotations

import pytest

from app.session.account import AccountSession
from tests.e2e.checkout_steps import opened_checkout, pay_with, wait_result

from .conftest import WAIT, add_account
from .test_orders import leave_unpaid, shop_with_gateways


@pytest.fixture
def no_follow_up_sync(monkeypatch):
    def hold() -> None:
        monkeypatch.setattr(AccountSession, "sync", lambda self: None)
    return hold


def test_pay_all_due_leaves_out_an_invoice_paid_meanwhile_and_pays_the_rest(make_app, shop, qtbot,
                                                                             no_follow_up_sync):
    shop_with_gateways(shop)
    product = shop.product(name="Settled VPS")
    user = shop.user(credits="100.00")
    first, second = (leave_unpaid(user, product["id"])["invoice"] for _ in range(2))
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    dashboard, invoices = window.sections["dashboard"], window.sections["invoices"]
    window.select_section("dashboard")
    assert dashboard.cards["due"].value.text() == "$20.00"
    no_follow_up_sync()

    # Paid elsewhere: Sett's screens still list it as due.
    user.data("POST", f"/billing/invoices/{first['id']}/pay", {"payment_method": "credits"},
              headers={"Idempotency-Key": "paid-elsewhere"})
    assert user.data("GET", f"/billing/invoices/{first['id']}")["status"] == "paid"

    dashboard.pay_all.click()
    checkout = opened_checkout(qtbot, app)
    said = checkout.dialog.review_error.text()
    assert said == (f"Left out of this payment: 1 invoice no longer due at the panel "
                    f"({first['invoice_number']} (paid)).")
    pay_with(qtbot, checkout, "credits")
    assert "Payment received" in wait_result(qtbot, checkout), checkout.dialog.result_text.text()
    checkout.dialog.accept()
    assert user.data("GET", f"/billing/invoices/{second['id']}")["status"] == "paid"
    assert user.data("GET", "/billing/credits")["balance"] == "80.00"

    # Every screen from the actions' own reads: both paid, nothing due.
    qtbot.waitUntil(lambda: not app.sessions.current.reading, timeout=WAIT)
    window.select_section("invoices")
    statuses = {invoices.model.index(r, 0).data(): invoices.model.index(r, 1).data()
                for r in range(invoices.model.rowCount())}
    assert statuses == {first["invoice_number"]: "Paid", second["invoice_number"]: "Paid"}
    assert invoices.summary.text() == "Nothing to pay."
    assert dashboard.cards["due"].value.text() == "$0.00" and dashboard.cards["credits"].value.text() == "$80.00"


def test_pay_on_an_invoice_paid_meanwhile_says_there_is_nothing_to_pay_and_shows_it_paid(make_app, shop, qtbot,
                                                                                         no_follow_up_sync):
    shop_with_gateways(shop)
    product = shop.product(name="Settled VPS 2")
    user = shop.user(credits="100.00")
    unpaid = leave_unpaid(user, product["id"])["invoice"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    invoices, dashboard = window.sections["invoices"], window.sections["dashboard"]
    window.select_section("invoices")
    assert invoices.open_invoice(unpaid["id"])
    qtbot.waitUntil(lambda: invoices.page.pay_button.isEnabled(), timeout=WAIT)
    no_follow_up_sync()
    user.data("POST", f"/billing/invoices/{unpaid['id']}/pay", {"payment_method": "credits"},
              headers={"Idempotency-Key": "paid-elsewhere-2"})

    invoices.page.pay_button.click()
    checkout = opened_checkout(qtbot, app)
    assert checkout.dialog.review_error.text() == (f"{unpaid['invoice_number']} is no longer due at the panel "
                                                   "(paid): there is nothing to pay.")
    assert not checkout.dialog.pay_button.isEnabled()
    checkout.dialog.reject()
    qtbot.waitUntil(lambda: not app.sessions.current.reading, timeout=WAIT)
    assert invoices.page.chip.text() == "Paid"                   # the review's own read, before any sync
    assert invoices.summary.text() == "Nothing to pay." and dashboard.cards["due"].value.text() == "$0.00"
