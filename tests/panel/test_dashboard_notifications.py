"""The account at a glance (GET /billing/dashboard) and the notifications billing leaves for a user."""
from __future__ import annotations

from datetime import date

import pytest

from app.core.cycles import add_months
from tests.panel.conftest import admin_of
from tests.support.catalogue import Shop, buy_service
from tests.support.panel import USER_PASSWORD, Api

NOTIFICATION_KEYS = {"uuid", "type", "title", "message", "action_url", "read", "created_at"}
DASHBOARD_KEYS = {"active_services", "pending_invoices", "total_due", "next_due_date", "next_due_amount",
                  "credit_balance"}


def figures(user: Api) -> dict:
    shown = user.data("GET", "/billing/dashboard")
    assert set(shown) >= DASHBOARD_KEYS
    return {k: shown[k] for k in DASHBOARD_KEYS}


def notifications(user: Api, **params) -> list[dict]:
    return user.data("GET", "/notifications", params={"per_page": 100, **params})


class Panel:
    """A private panel whose clock moves; logins are renewed after each move."""

    def __init__(self, fresh_panel) -> None:
        self.proc = fresh_panel()
        self.shop = Shop(admin_of(self.proc))

    def advance(self, days: int, user: Api) -> None:
        self.shop.admin.data("POST", "/admin/clock/advance", {"days": days})
        self.shop.admin = admin_of(self.proc)
        user.login(user.user["email"], USER_PASSWORD)

    def credit(self, user: Api, amount: str) -> None:
        self.shop.admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": amount}, expect=201)


def test_dashboard_follows_purchases_renewals_suspension_and_payment(fresh_panel):
    world = Panel(fresh_panel)
    world.shop.settings(auto_suspend_days=2)
    monthly = world.shop.product()
    quarterly = world.shop.product(pricing=[{"billing_cycle": "quarterly", "price": "24.00", "setup_fee": "0.00"}])
    half_off = world.shop.coupon(value="50", recurring=True, product_ids=[monthly["id"]])
    user = world.shop.user(credits="29.00")
    assert figures(user) == {"active_services": 0, "pending_invoices": 0, "total_due": "0.00",
                             "next_due_date": None, "next_due_amount": None, "credit_balance": "29.00"}

    a = buy_service(user, monthly, coupon=half_off["code"])  # 5.00
    b = buy_service(user, quarterly, "quarterly")  # 24.00
    start = date.fromisoformat(a["created_at"][:10])
    assert figures(user) == {"active_services": 2, "pending_invoices": 0, "total_due": "0.00",
                             "next_due_date": a["next_due_date"], "next_due_amount": "5.00",
                             "credit_balance": "0.00"}
    assert b["next_due_date"] == add_months(start, 3).isoformat()

    # What is next due is what the renewal will ask: the recurring coupon off, the tax in force on.
    world.shop.settings(tax_enabled=True, tax_rate="20")
    assert figures(user)["next_due_amount"] == "6.00"

    due = date.fromisoformat(a["next_due_date"])
    world.advance((due - start).days - 7, user)
    [renewal] = user.data("GET", "/billing/invoices", params={"status": "pending"})
    assert renewal["total"] == "6.00"
    world.credit(user, "5.00")
    assert figures(user) == {"active_services": 2, "pending_invoices": 1, "total_due": "6.00",
                             "next_due_date": a["next_due_date"], "next_due_amount": "6.00",
                             "credit_balance": "5.00"}

    world.advance(9, user)  # two days past due: overdue and suspended
    shown = figures(user)
    assert (shown["active_services"], shown["pending_invoices"], shown["total_due"]) == (1, 1, "6.00")
    assert user.data("GET", "/billing/dashboard")["overdue_invoices"] == 1

    world.credit(user, "1.00")
    user.data("POST", f"/billing/invoices/{renewal['id']}/pay", {"payment_method": "credits"})
    assert figures(user) == {"active_services": 2, "pending_invoices": 0, "total_due": "0.00",
                             "next_due_date": add_months(start, 2).isoformat(), "next_due_amount": "6.00",
                             "credit_balance": "0.00"}


def test_dashboard_is_per_user_and_needs_a_login(shop, anon):
    rich = shop.user(credits="50.00")
    buy_service(rich, shop.product())
    other = shop.user()
    assert figures(other) == {"active_services": 0, "pending_invoices": 0, "total_due": "0.00",
                              "next_due_date": None, "next_due_amount": None, "credit_balance": "0.00"}
    assert figures(rich)["active_services"] == 1 and figures(rich)["credit_balance"] == "40.00"
    assert anon.get("/billing/dashboard").status_code == 401


def test_billing_leaves_notifications_from_payment_to_suspension(fresh_panel):
    world = Panel(fresh_panel)
    world.shop.settings(auto_suspend_days=1)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())
    shown = notifications(user)
    assert [n["title"] for n in shown] == ["Payment received", "Service active"]  # newest first
    for n in shown:
        assert set(n) >= NOTIFICATION_KEYS
        assert (n["type"], n["read"]) == ("billing", False)
        assert n["created_at"].endswith("Z") and n["message"]
    active = next(n for n in shown if n["title"] == "Service active")
    assert active["action_url"] == f"/billing/services/{service['id']}"
    paid = next(n for n in shown if n["title"] == "Payment received")
    assert "10.00" in paid["message"] and paid["action_url"].startswith("/billing/invoices/")

    due = date.fromisoformat(service["next_due_date"])
    world.advance((due - date.fromisoformat(service["created_at"][:10])).days - 7, user)
    raised = notifications(user)[0]
    [renewal] = user.data("GET", "/billing/invoices", params={"status": "pending"})
    assert raised["title"] == "Invoice raised" and renewal["invoice_number"] in raised["message"]
    assert raised["action_url"] == f"/billing/invoices/{renewal['id']}"

    world.advance(8, user)  # one day past due: overdue and, with auto_suspend_days 1, suspended
    titles = [n["title"] for n in notifications(user)]
    assert titles == ["Service suspended", "Invoice overdue", "Invoice raised", "Payment received", "Service active"]
    suspended = next(n for n in notifications(user) if n["title"] == "Service suspended")
    assert suspended["type"] == "billing" and suspended["action_url"] == f"/billing/services/{service['id']}"


def test_unread_only_and_marking_read(shop):
    user = shop.user(credits="10.00")
    buy_service(user, shop.product())
    everything = notifications(user)
    assert len(everything) == 2
    first = everything[0]
    r = user.post(f"/notifications/{first['uuid']}/read")
    assert r.status_code == 204 and not r.content
    assert [n["uuid"] for n in notifications(user, unread_only="true")] == [everything[1]["uuid"]]
    assert [n["read"] for n in notifications(user)] == [True, False]
    assert len(notifications(user, unread_only="false")) == 2
    # Again (a replay after a lost answer): still 204, and nothing changes, not even the sync version.
    version = user.data("GET", "/sync/state")["version"]
    marked = notifications(user)[0]
    assert user.post(f"/notifications/{first['uuid']}/read").status_code == 204
    assert notifications(user)[0] == marked
    assert user.data("GET", "/sync/state")["version"] == version


def test_notifications_are_private(shop, anon):
    owner = shop.user(credits="10.00")
    buy_service(owner, shop.product())
    mine = notifications(owner)[0]
    stranger = shop.user()
    assert notifications(stranger) == []
    r = stranger.post(f"/notifications/{mine['uuid']}/read")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert notifications(owner)[0]["read"] is False
    assert owner.post("/notifications/no-such-uuid/read").status_code == 404
    assert anon.get("/notifications").status_code == 401


@pytest.mark.parametrize("flag", ["maybe", "yes", "2", "tru"])
def test_a_bad_unread_only_is_422(shop, flag):
    r = shop.user().get("/notifications", params={"unread_only": flag})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "validation_error" and "unread_only" in r.json()["error"]["details"]


def test_notifications_answer_304_until_something_changes(shop):
    user = shop.user(credits="10.00")
    buy_service(user, shop.product())
    first = user.get("/notifications")
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag
    same = user.get("/notifications", headers={"If-None-Match": tag})
    assert same.status_code == 304 and not same.content and same.headers["ETag"] == tag
    assert user.get("/notifications", headers={"If-None-Match": '"something-else"'}).status_code == 200

    user.post(f"/notifications/{first.json()['data'][0]['uuid']}/read")
    changed = user.get("/notifications", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert changed.json()["data"][0]["read"] is True
    # Another user's list never shares the tag of this one's.
    assert shop.user().get("/notifications", headers={"If-None-Match": tag}).status_code == 200
