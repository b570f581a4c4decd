"""Contract audit of the lifecycle around cancellation requests, on a private panel with a test clock: a renewal raised
before an end-of-period cancellation was approved is cancelled with the approval (the service will not renew, so
nothing may pay it, and its credits go back), the service runs to its due date and then ends; and the lifecycle's
own steps: renewal before the due date with credits applied, overdue, suspended, reactivated by paying."""
from __future__ import annotations

from datetime import date

import pytest

from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api, PanelProcess

URLS = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One clocked panel for the module: each test buys anew and counts its days from its own purchase, so the
    clock the tests before it moved on changes nothing for it."""
    proc = PanelProcess(tmp_path_factory.mktemp("audit-lifecycle")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, auto_suspend_days=3, auto_terminate_days=14)
    yield proc, shop
    proc.stop()


def advance(shop: Shop, days: int) -> None:
    shop.admin.data("POST", "/admin/clock/advance", {"days": days}, expect=200)


def again(proc: PanelProcess, user: Api) -> Api:
    """The same user signed in anew (the clock outran the access token)."""
    return Api(proc).login(user.user["email"], USER_PASSWORD)


def renewal(user: Api) -> dict:
    (found,) = [i for i in user.data("GET", "/billing/invoices") if i["kind"] == "renewal"]
    return found


def test_approving_an_end_of_period_cancellation_cancels_the_renewal_already_raised(world):
    proc, shop = world
    buyer = shop.user(credits="14.00")
    (service_id,) = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])["order"]["service_ids"]
    advance(shop, 25)  # the renewal is raised 7 days before the due date, 4.00 of credits applied at once
    buyer = again(proc, buyer)
    raised = renewal(buyer)
    assert (raised["status"], raised["credits_applied"], raised["balance_due"]) == ("pending", "4.00", "6.00")
    page = buyer.data("POST", f"/billing/invoices/{raised['id']}/pay", {"payment_method": "paypal", **URLS})
    request = buyer.data("POST", f"/billing/services/{service_id}/cancel",
                         {"type": "end_of_period", "reason": "Moving on"}, expect=201)

    shop.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")

    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["cancellation"]["status"]) == ("active", "approved")
    assert renewal(buyer)["status"] == "cancelled"
    assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"
    assert buyer.data("GET", f"/billing/payments/{page['id']}")["status"] == "cancelled"
    dashboard = buyer.data("GET", "/billing/dashboard")
    assert (dashboard["pending_invoices"], dashboard["total_due"]) == (0, "0.00")
    # It runs to its due date, then ends with its server; nothing else is raised or charged.
    advance(shop, 6)
    buyer = again(proc, buyer)
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["server"]["status"]) == ("cancelled", "terminated")
    assert [i["kind"] for i in buyer.data("GET", "/billing/invoices")] == ["renewal", "order"]
    assert buyer.data("GET", "/billing/credits")["balance"] == "4.00"


def test_a_rejected_request_leaves_the_renewal_payable(world):
    proc, shop = world
    buyer = shop.user(credits="10.00")
    (service_id,) = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])["order"]["service_ids"]
    advance(shop, 25)
    buyer = again(proc, buyer)
    request = buyer.data("POST", f"/billing/services/{service_id}/cancel",
                         {"type": "end_of_period", "reason": "Maybe"}, expect=201)
    shop.admin.data("POST", f"/admin/billing/cancellations/{request['id']}/reject")
    raised = renewal(buyer)
    assert (raised["status"], raised["balance_due"]) == ("pending", "10.00")
    paid = buyer.data("POST", "/billing/invoices/pay", {"invoice_ids": [raised["id"]], "payment_method": "paypal",
                                                        **URLS}, expect=200)
    assert paid["status"] == "requires_action" and paid["amount"] == "10.00"


def test_unpaid_renewal_goes_overdue_suspends_and_paying_it_reactivates(world):
    proc, shop = world
    buyer = shop.user(credits="10.00")
    placed = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])
    (service_id,) = placed["order"]["service_ids"]
    due = buyer.data("GET", f"/billing/services/{service_id}")["next_due_date"]
    bought = date.fromisoformat(placed["invoice"]["issue_date"])
    advance(shop, (date.fromisoformat(due) - bought).days + 1)  # the day after the due date: overdue
    buyer = again(proc, buyer)
    raised = renewal(buyer)
    assert (raised["status"], raised["due_date"]) == ("overdue", due)
    advance(shop, 3)
    buyer = again(proc, buyer)
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["server"]["status"]) == ("suspended", "suspended")
    assert any(n["type"] == "billing" and "suspend" in n["title"].lower() for n in buyer.data("GET", "/notifications"))
    shop.admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "10.00"}, expect=201)
    paid = buyer.data("POST", f"/billing/invoices/{raised['id']}/pay", {"payment_method": "credits"})
    assert paid["status"] == "paid" and paid["invoice"]["status"] == "paid"
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["server"]["status"]) == ("active", "running")
    assert service["next_due_date"] > due
