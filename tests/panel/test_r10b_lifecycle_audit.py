"""An audit of the contract's lifecycle and admin sections against the panel, where the earlier tests leave a
gap: the test clock exists only on a panel started with one; a renewal's whole life end to end on one panel,
day by day at each boundary (raised before its due date, overdue the day after, suspended, terminated); a refund to
credits and its transaction."""
from __future__ import annotations

from datetime import date, timedelta

from tests.panel.helpers import assert_error
from tests.panel.test_lifecycle import Clocked, bought_on, renewals
from tests.support.catalogue import buy_service
from tests.support.fixtures import admin_of
from tests.support.panel import Api


def test_the_clock_moves_only_on_a_panel_with_a_test_clock(fresh_panel):
    proc = fresh_panel(test_clock=False)
    admin = admin_of(proc)
    assert_error(admin.post("/admin/clock/advance", {"days": 1}), 404, "not_found")
    buyer = Api(proc)
    assert_error(buyer.post("/admin/clock/advance", {"days": 1}), 401, "unauthorized")
    # With one, only an admin moves it.
    clocked = fresh_panel()
    moved = admin_of(clocked).data("POST", "/admin/clock/advance", {"days": 2})
    assert set(moved) == {"now", "jobs"}


def test_a_renewal_from_raised_to_terminated(fresh_panel):
    world = Clocked(fresh_panel, renewal_days_before=4, auto_suspend_days=2, auto_terminate_days=3)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())     # spends the credit: the renewal stays unpaid
    due = date.fromisoformat(service["next_due_date"])
    world.advance((due - bought_on(service)).days - 5, user)
    assert renewals(user) == []
    world.advance(1, user)                                 # 4 days before the due date
    [invoice] = renewals(user)
    assert (invoice["status"], invoice["issue_date"], invoice["due_date"]) == (
        "pending", (due - timedelta(days=4)).isoformat(), due.isoformat())
    world.advance(4, user)
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "pending"   # on the due date
    world.advance(1, user)
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "overdue"
    world.advance(1, user)                                 # due + 2 = auto_suspend_days
    row = user.data("GET", f"/billing/services/{service['id']}")
    assert (row["status"], row["server"]["status"]) == ("suspended", "suspended")
    world.advance(2, user)                                 # due + 4: auto_terminate_days is 3 more
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "suspended"
    world.advance(1, user)
    row = user.data("GET", f"/billing/services/{service['id']}")
    assert (row["status"], row["server"]["status"]) == ("terminated", "terminated")
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "cancelled"


def test_a_refund_to_credits_is_a_refund_transaction_and_refunds_the_invoice(shop):
    user = shop.user(credits="10.00")
    service = buy_service(user, shop.product())
    (invoice,) = user.data("GET", f"/billing/services/{service['id']}/invoices")
    refunded = shop.admin.data("POST", f"/admin/billing/invoices/{invoice['id']}/refund", {"to": "credits"})
    assert refunded["status"] == "refunded"
    assert [(p["method"], p["amount"], p["status"]) for p in refunded["payments"]] == [
        ("credits", "10.00", "refunded"), ("credits", "-10.00", "refunded")]
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "cancelled"
    newest = user.data("GET", "/billing/credits/transactions")[0]
    assert (newest["type"], newest["amount"], newest["invoice_id"]) == ("refund", "10.00", invoice["id"])
    assert user.data("GET", "/billing/credits")["balance"] == "10.00"
    assert_error(shop.admin.post(f"/admin/billing/invoices/{invoice['id']}/refund", {"to": "credits"}), 409,
                 "invoice_not_refundable")


def test_a_credits_only_invoice_is_not_refunded_to_a_gateway(shop):
    user = shop.user(credits="10.00")
    service = buy_service(user, shop.product())
    (invoice,) = user.data("GET", f"/billing/services/{service['id']}/invoices")
    error = assert_error(shop.admin.post(f"/admin/billing/invoices/{invoice['id']}/refund", {"to": "gateway"}), 422,
                         "validation_error")
    assert list(error["details"]) == ["to"] and "refund it to credits" in error["message"], error
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "paid"
    assert user.data("GET", "/billing/credits")["balance"] == "0.00"


def test_termination_counts_auto_terminate_days_from_the_suspension(fresh_panel):
    """"After auto_terminate_days more": counted from the day the service was suspended. It was counted from the
    invoice's due date plus auto_suspend_days, so a service suspended late (the operator lowered auto_suspend_days
    under an invoice long overdue, or the jobs did not run for a while) was suspended and terminated in one run,
    never given its auto_terminate_days to pay."""
    world = Clocked(fresh_panel, auto_suspend_days=30, auto_terminate_days=3)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())
    due = date.fromisoformat(service["next_due_date"])
    world.advance((due - bought_on(service)).days + 10, user)
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "active"
    world.shop.settings(auto_suspend_days=2)
    world.advance(1, user)                                 # due + 11: suspended today
    row = user.data("GET", f"/billing/services/{service['id']}")
    assert (row["status"], row["server"]["status"]) == ("suspended", "suspended")
    world.advance(2, user)
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "suspended"
    world.advance(1, user)                                 # 3 days after the suspension
    row = user.data("GET", f"/billing/services/{service['id']}")
    assert (row["status"], row["server"]["status"]) == ("terminated", "terminated")
