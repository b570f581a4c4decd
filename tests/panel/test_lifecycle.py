"""The billing lifecycle over days of a test clock: renewals, credits, overdue, suspension, termination.

Every test runs on its own panel, because it moves the clock and changes settings. Access tokens live 15 minutes
of panel time, so everyone logs in again after the clock moves.
"""
from __future__ import annotations

from datetime import date, timedelta

from app.core.cycles import add_months
from tests.panel.conftest import admin_of
from tests.support.catalogue import Shop, buy_service
from tests.support.panel import USER_PASSWORD, Api


class Clocked:
    """A private panel whose clock the test moves; `admin`, `shop` and the given users stay logged in."""

    def __init__(self, fresh_panel, **settings) -> None:
        self.proc = fresh_panel()
        self.admin = admin_of(self.proc)
        self.shop = Shop(self.admin)
        if settings:
            self.shop.settings(**settings)

    def advance(self, days: int, *users: Api) -> dict:
        moved = self.admin.data("POST", "/admin/clock/advance", {"days": days}) if days else {}
        self.admin = self.shop.admin = admin_of(self.proc)
        for user in users:
            user.login(user.user["email"], USER_PASSWORD)
        return moved

    def add_credits(self, user: Api, amount: str) -> None:
        self.admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": amount, "note": "t"},
                        expect=201)


def renewals(user: Api) -> list[dict]:
    rows = user.data("GET", "/billing/invoices", params={"per_page": 100})
    return [user.data("GET", f"/billing/invoices/{r['id']}") for r in rows if r["kind"] == "renewal"]


def bought_on(service: dict) -> date:
    return date.fromisoformat(service["created_at"][:10])


def days_until_raised(service: dict, days_before: int) -> int:
    """Days from purchase until the renewal for the first due date is raised."""
    return (date.fromisoformat(service["next_due_date"]) - bought_on(service)).days - days_before


def titles(user: Api) -> list[str]:
    return [n["title"] for n in user.data("GET", "/notifications", params={"per_page": 100})]


def test_renewal_is_raised_ahead_of_the_due_date_and_paid_from_credits(fresh_panel):
    world = Clocked(fresh_panel, renewal_days_before=5)
    user = world.shop.user(credits="20.00")
    service = buy_service(user, world.shop.product())
    start, due = bought_on(service), date.fromisoformat(service["next_due_date"])
    assert due == add_months(start, 1)

    world.advance(days_until_raised(service, 5) - 1, user)
    assert renewals(user) == []
    world.advance(1, user)
    [invoice] = renewals(user)
    assert invoice["status"] == "paid"
    assert (invoice["issue_date"], invoice["due_date"]) == ((due - timedelta(days=5)).isoformat(), due.isoformat())
    [line] = invoice["lines"]
    period_end = add_months(start, 2) - timedelta(days=1)
    assert line["description"].endswith(f"{due.isoformat()} to {period_end.isoformat()}")
    assert (line["service_id"], line["billing_cycle"], line["quantity"], line["unit_price"], line["amount"]) == (
        service["id"], "monthly", 1, "10.00", "10.00")
    assert (invoice["total"], invoice["credits_applied"], invoice["balance_due"]) == ("10.00", "10.00", "0.00")
    assert [p["method"] for p in invoice["payments"]] == ["credits"]
    assert user.data("GET", "/billing/credits")["balance"] == "0.00"
    renewed = user.data("GET", f"/billing/services/{service['id']}")
    assert (renewed["status"], renewed["next_due_date"]) == ("active", add_months(start, 2).isoformat())
    assert {"Invoice raised", "Payment received"} <= set(titles(user))
    listed = user.data("GET", f"/billing/services/{service['id']}/invoices")
    assert [i["kind"] for i in listed] == ["renewal", "order"]


def _next_month_end_with_a_shorter_month_after(today: date) -> date:
    day = today
    while not (day.day == 31 and add_months(day, 1).day < 31):
        day += timedelta(days=1)
    return day


def test_due_dates_keep_the_month_end_they_started_on(fresh_panel):
    world = Clocked(fresh_panel)
    user = world.shop.user(credits="100.00")
    product = world.shop.product()
    probe = buy_service(user, product)  # tells the panel's date
    start = _next_month_end_with_a_shorter_month_after(bought_on(probe))
    world.advance((start - bought_on(probe)).days, user)
    service = buy_service(user, product)
    assert bought_on(service) == start
    first_due = add_months(start, 1)  # clamped: 28, 29 or 30
    assert service["next_due_date"] == first_due.isoformat()

    world.advance((first_due - start).days - 7, user)
    invoice = next(i for i in renewals(user) if i["service_id"] == service["id"])
    assert invoice["status"] == "paid"
    # The period runs to the day before the next anchored due date, the 31st of the month after.
    assert invoice["lines"][0]["description"].endswith(
        f"{first_due.isoformat()} to {(add_months(start, 2) - timedelta(days=1)).isoformat()}")
    renewed = user.data("GET", f"/billing/services/{service['id']}")
    assert renewed["next_due_date"] == add_months(start, 2).isoformat()


def test_unpaid_renewal_goes_overdue_suspends_and_paying_it_reactivates(fresh_panel):
    world = Clocked(fresh_panel, auto_suspend_days=2)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())
    due = date.fromisoformat(service["next_due_date"])

    world.advance(days_until_raised(service, 7), user)
    [invoice] = renewals(user)
    assert (invoice["status"], invoice["due_date"], invoice["balance_due"]) == ("pending", due.isoformat(), "10.00")
    world.advance(7, user)  # the due date itself: still pending
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "pending"
    world.advance(1, user)
    assert user.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "overdue"
    assert user.data("GET", "/billing/invoices", params={"status": "overdue"})[0]["id"] == invoice["id"]
    assert "Invoice overdue" in titles(user)
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "active"

    world.advance(1, user)  # due + 2 days = auto_suspend_days after the due date
    suspended = user.data("GET", f"/billing/services/{service['id']}")
    assert (suspended["status"], suspended["server"]["status"]) == ("suspended", "suspended")
    assert "Service suspended" in titles(user)

    r = user.post(f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "credits"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "insufficient_credits"
    world.add_credits(user, "10.00")
    paid = user.data("POST", f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "credits"})
    assert paid["payment"]["status"] == "paid"
    assert (paid["invoice"]["status"], paid["invoice"]["balance_due"]) == ("paid", "0.00")
    back = user.data("GET", f"/billing/services/{service['id']}")
    assert (back["status"], back["server"]["status"]) == ("active", "running")
    assert back["next_due_date"] == add_months(bought_on(service), 2).isoformat()
    assert user.data("GET", "/billing/credits")["balance"] == "0.00"
    assert "Service reactivated" in titles(user)
    world.advance(3, user)  # paid up: the suspension does not come back
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "active"


def test_unpaid_service_is_terminated_and_its_invoice_cancelled(fresh_panel):
    world = Clocked(fresh_panel, auto_suspend_days=2, auto_terminate_days=3)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())
    due = date.fromisoformat(service["next_due_date"])

    world.advance((due - bought_on(service)).days + 2, user)
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "suspended"
    world.advance(2, user)  # due + 4: not yet
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "suspended"
    world.advance(1, user)  # due + 5 = auto_suspend_days + auto_terminate_days
    ended = user.data("GET", f"/billing/services/{service['id']}")
    assert (ended["status"], ended["server"]["status"]) == ("terminated", "terminated")
    [invoice] = renewals(user)
    assert (invoice["status"], invoice["balance_due"]) == ("cancelled", "0.00")
    assert "Service terminated" in titles(user)
    world.add_credits(user, "10.00")
    r = user.post(f"/billing/invoices/{invoice['id']}/pay", {"payment_method": "credits"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "invoice_not_payable"
    world.advance(40, user)  # a terminated service raises nothing more
    assert len(renewals(user)) == 1
    assert user.data("GET", "/billing/credits")["balance"] == "10.00"


def test_recurring_coupon_discounts_renewals_and_a_one_off_coupon_does_not(fresh_panel):
    world = Clocked(fresh_panel)
    product = world.shop.product()
    recurring = world.shop.coupon(value="50", recurring=True)
    once = world.shop.coupon(value="20", recurring=False)
    keeps, loses = world.shop.user(credits="100.00"), world.shop.user(credits="100.00")
    kept = buy_service(keeps, product, coupon=recurring["code"])
    lost = buy_service(loses, product, coupon=once["code"])
    assert (kept["recurring_amount"], lost["recurring_amount"]) == ("10.00", "10.00")

    world.advance(days_until_raised(kept, 7), keeps, loses)
    [discounted] = renewals(keeps)
    [full] = renewals(loses)
    assert (discounted["subtotal"], discounted["discount"], discounted["total"], discounted["coupon_code"]) == (
        "10.00", "5.00", "5.00", recurring["code"])
    assert (full["subtotal"], full["discount"], full["total"], full["coupon_code"]) == (
        "10.00", "0.00", "10.00", None)
    assert keeps.data("GET", "/billing/credits")["balance"] == "90.00"  # 5.00 at checkout, 5.00 on renewal
    assert loses.data("GET", "/billing/credits")["balance"] == "82.00"  # 8.00 at checkout, 10.00 on renewal


def test_one_time_products_never_renew(fresh_panel):
    world = Clocked(fresh_panel)
    product = world.shop.product(pricing=[{"billing_cycle": "one_time", "price": "30.00", "setup_fee": "0.00"}])
    user = world.shop.user(credits="100.00")
    service = buy_service(user, product, cycle="one_time")
    assert (service["status"], service["billing_cycle"], service["next_due_date"]) == ("active", "one_time", None)
    world.advance(70, user)
    assert renewals(user) == []
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "active"
    assert user.data("GET", "/billing/credits")["balance"] == "70.00"


def test_running_the_jobs_twice_on_one_day_changes_nothing(fresh_panel):
    world = Clocked(fresh_panel)
    user = world.shop.user(credits="10.00")
    service = buy_service(user, world.shop.product())
    # A wider renewal window brings the first due date into it today, so the first run has work to do.
    world.shop.settings(renewal_days_before=60)
    first = world.admin.data("POST", "/admin/billing/jobs/run")
    assert first["renewals"] == 1
    before = (user.get("/billing/invoices").json()["data"], user.data("GET", f"/billing/services/{service['id']}"),
              user.get("/notifications").json()["data"])
    second = world.admin.data("POST", "/admin/billing/jobs/run")
    assert second == dict.fromkeys(first, 0)
    after = (user.get("/billing/invoices").json()["data"], user.data("GET", f"/billing/services/{service['id']}"),
             user.get("/notifications").json()["data"])
    assert after == before

    world.advance((date.fromisoformat(service["next_due_date"]) - bought_on(service)).days + 1, user)
    [overdue] = renewals(user)
    assert overdue["status"] == "overdue"
    snapshot = user.get("/billing/invoices").json()["data"]
    assert world.admin.data("POST", "/admin/billing/jobs/run") == dict.fromkeys(first, 0)
    assert user.get("/billing/invoices").json()["data"] == snapshot


def test_renewals_carry_the_tax_in_force_when_they_are_raised(fresh_panel):
    world = Clocked(fresh_panel)
    user = world.shop.user(credits="22.00")
    service = buy_service(user, world.shop.product())
    world.shop.settings(tax_enabled=True, tax_rate="20", tax_inclusive=False)
    world.advance(days_until_raised(service, 7), user)
    [invoice] = renewals(user)
    assert (invoice["subtotal"], invoice["tax_amount"], invoice["total"]) == ("10.00", "2.00", "12.00")
    assert (invoice["tax_rate"], invoice["tax_inclusive"]) == ("20", False)
    assert (invoice["status"], invoice["credits_applied"]) == ("paid", "12.00")
    assert user.data("GET", "/billing/credits")["balance"] == "0.00"

    world.shop.settings(tax_inclusive=True)
    world.advance(31, user)
    second = [i for i in renewals(user) if i["id"] != invoice["id"]]
    assert second, "a second renewal was expected within a month"
    # Inclusive: the price already holds the tax, 10.00 x 20 / 120 = 1.67.
    assert (second[0]["subtotal"], second[0]["tax_amount"], second[0]["total"]) == ("10.00", "1.67", "10.00")
    assert second[0]["status"] == "pending"
