"""Edges of the lifecycle that cost a customer money or show a wrong figure if they break."""
from __future__ import annotations

from decimal import Decimal

from tests.panel.test_lifecycle import Clocked, days_until_raised, renewals
from tests.support.catalogue import buy_service


def test_credits_spent_on_a_renewal_come_back_when_the_service_is_terminated(fresh_panel):
    clock = Clocked(fresh_panel, auto_suspend_days=2, auto_terminate_days=3)
    product = clock.shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0"}])
    user = clock.shop.user(credits="14.00")
    service = buy_service(user, product)  # 10.00 paid, 4.00 left: the renewal takes those 4.00 and waits for 6.00
    clock.advance(days_until_raised(service, 7), user)
    [renewal] = renewals(user)
    assert (renewal["credits_applied"], renewal["balance_due"]) == ("4.00", "6.00")
    assert user.data("GET", "/billing/credits")["balance"] == "0.00"

    clock.advance(7 + 1 + 2 + 3, user)  # due, overdue, suspended, then terminated

    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "terminated"
    assert user.data("GET", f"/billing/invoices/{renewal['id']}")["status"] == "cancelled"
    assert user.data("GET", "/billing/credits")["balance"] == "4.00"
    latest = user.data("GET", "/billing/credits/transactions")[0]
    assert (latest["type"], latest["amount"], latest["balance_after"]) == ("refund", "4.00", "4.00")


def test_approving_a_cancellation_of_a_service_that_ended_meanwhile_leaves_it_ended(fresh_panel):
    clock = Clocked(fresh_panel, auto_suspend_days=1, auto_terminate_days=1)
    product = clock.shop.product()
    user = clock.shop.user(credits="10.00")
    service = buy_service(user, product)
    clock.advance(days_until_raised(service, 7), user)  # the renewal is raised and cannot be paid
    request = user.data("POST", f"/billing/services/{service['id']}/cancel",
                        {"type": "immediate", "reason": "moving on"}, expect=201)
    clock.advance(7 + 1 + 1 + 1, user)  # overdue, suspended, terminated while staff had not decided
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "terminated"

    decided = clock.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")

    assert decided["status"] == "approved"
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "terminated"


def test_dashboard_counts_unpaid_top_ups_and_leaves_out_services_leaving_at_period_end(fresh_panel):
    # A top-up left unpaid is due like every unpaid invoice (main's 7f318a5: the dashboard agrees with the list).
    clock = Clocked(fresh_panel, stripe_enabled=True)
    product = clock.shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0"}])
    user = clock.shop.user(credits="20.00")
    staying, leaving = buy_service(user, product), buy_service(user, product)
    user.data("POST", "/billing/credits/top-up", {"amount": "50.00", "payment_method": "stripe",
                                                  "return_url": "http://127.0.0.1:9/ok",
                                                  "cancel_url": "http://127.0.0.1:9/no"}, expect=201)
    request = user.data("POST", f"/billing/services/{leaving['id']}/cancel",
                        {"type": "end_of_period", "reason": "one is enough"}, expect=201)
    clock.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")

    board = user.data("GET", "/billing/dashboard")
    assert (board["pending_invoices"], board["total_due"]) == (1, "50.00")
    assert board["next_due_date"] == staying["next_due_date"]
    assert Decimal(board["next_due_amount"]) == Decimal("10.00")


def test_dashboard_next_due_is_the_next_payment_coming_not_an_overdue_one(fresh_panel):
    clock = Clocked(fresh_panel, auto_suspend_days=1)
    product = clock.shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0"}])
    user = clock.shop.user(credits="10.00")
    lapsing = buy_service(user, product)
    clock.advance(days_until_raised(lapsing, 7) + 7 + 2, user)  # its renewal is overdue, the service suspended
    assert user.data("GET", f"/billing/services/{lapsing['id']}")["status"] == "suspended"
    clock.add_credits(user, "10.00")
    fresh = buy_service(user, product)

    board = user.data("GET", "/billing/dashboard")

    assert board["overdue_invoices"] == 1
    assert board["next_due_date"] == fresh["next_due_date"] > lapsing["next_due_date"]
