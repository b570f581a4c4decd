"""Services as a customer sees them: list, detail, their invoices, and cancellation requests."""
from __future__ import annotations

from datetime import date

import pytest

from tests.panel.conftest import admin_of
from tests.support.catalogue import Shop, buy_service
from tests.support.panel import USER_PASSWORD, Api

SERVICE_KEYS = {"id", "product", "status", "billing_cycle", "recurring_amount", "currency", "next_due_date",
                "server", "config", "cancellation", "created_at", "updated_at"}
REQUEST_KEYS = {"id", "type", "reason", "status"}
CONFIGURABLE = {
    "pricing_type": "configurable",
    "pricing": [{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "0.00"}],
    "config_ranges": {"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "2.00"}},
}


def service(user: Api, service_id: str) -> dict:
    return user.data("GET", f"/billing/services/{service_id}")


def listed_ids(user: Api, **params) -> list[str]:
    return [s["id"] for s in user.data("GET", "/billing/services", params={"per_page": 100, **params})]


def request_cancel(user: Api, service_id: str, type: str = "immediate", reason: str = "Moving elsewhere"):
    return user.post(f"/billing/services/{service_id}/cancel", {"type": type, "reason": reason})


@pytest.fixture
def owner(shop) -> Api:
    return shop.user(credits="100.00")


@pytest.fixture
def product(shop) -> dict:
    return shop.product()


def test_a_bought_service_lists_with_its_server_and_config(shop, owner):
    product = shop.product(name="Config VPS", **CONFIGURABLE)
    bought = buy_service(owner, product, config={"memory": 2048})
    rows = owner.data("GET", "/billing/services")
    assert [r["id"] for r in rows] == [bought["id"]]
    row = rows[0]
    assert set(row) >= SERVICE_KEYS
    assert row == bought
    assert row["product"] == {"id": product["id"], "name": "Config VPS"}
    assert (row["status"], row["billing_cycle"], row["currency"]) == ("active", "monthly", "USD")
    assert row["recurring_amount"] == "9.00"  # 5.00 + 2 GB x 2.00
    assert row["config"]["memory"] == 2048
    assert {"id", "name", "status"} <= set(row["server"]) and row["server"]["status"] == "running"
    assert row["cancellation"] is None
    assert date.fromisoformat(row["next_due_date"]) > date.fromisoformat(row["created_at"][:10])
    assert row["created_at"].endswith("Z") and row["updated_at"].endswith("Z")


def test_services_are_private_to_their_owner(shop, owner, product):
    bought = buy_service(owner, product)
    stranger = shop.user()
    assert stranger.data("GET", "/billing/services") == []
    for r in (stranger.get(f"/billing/services/{bought['id']}"),
              stranger.get(f"/billing/services/{bought['id']}/invoices"),
              request_cancel(stranger, bought["id"]),
              stranger.delete(f"/billing/services/{bought['id']}/cancel")):
        assert r.status_code == 404, r.text
        assert r.json()["error"]["code"] == "not_found"
    assert owner.get("/billing/services/no-such-service").status_code == 404


def test_status_filter(admin, owner, product):
    keep, end = buy_service(owner, product), buy_service(owner, product)
    made = request_cancel(owner, end["id"]).json()["data"]
    admin.data("POST", f"/admin/billing/cancellations/{made['id']}/approve")
    assert listed_ids(owner, status="active") == [keep["id"]]
    assert listed_ids(owner, status="cancelled") == [end["id"]]
    assert sorted(listed_ids(owner, status="active,cancelled")) == sorted([keep["id"], end["id"]])
    assert listed_ids(owner, status="suspended") == []
    r = owner.get("/billing/services", params={"status": "sleeping"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


def test_service_invoices_show_the_invoice_that_bought_it(owner, product):
    first, second = buy_service(owner, product), buy_service(owner, product)
    [invoice] = owner.data("GET", f"/billing/services/{first['id']}/invoices")
    assert invoice["kind"] == "order" and invoice["status"] == "paid" and invoice["total"] == "10.00"
    detail = owner.data("GET", f"/billing/invoices/{invoice['id']}")
    assert [line["service_id"] for line in detail["lines"]] == [first["id"]]
    [other] = owner.data("GET", f"/billing/services/{second['id']}/invoices")
    assert other["id"] != invoice["id"]


def test_requesting_and_withdrawing_a_cancellation(owner, product):
    bought = buy_service(owner, product)
    r = request_cancel(owner, bought["id"], "end_of_period", "  Too expensive  ")
    assert r.status_code == 201, r.text
    made = r.json()["data"]
    assert set(made) >= REQUEST_KEYS
    assert (made["type"], made["reason"], made["status"]) == ("end_of_period", "Too expensive", "pending")
    shown = service(owner, bought["id"])["cancellation"]
    assert (shown["id"], shown["type"], shown["status"]) == (made["id"], "end_of_period", "pending")

    again = request_cancel(owner, bought["id"], "immediate")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"

    assert owner.delete(f"/billing/services/{bought['id']}/cancel").status_code == 204
    assert service(owner, bought["id"])["cancellation"] is None
    # Withdrawing again is a replay of the withdrawal (idempotent by nature): the same 204, nothing changes.
    assert owner.delete(f"/billing/services/{bought['id']}/cancel").status_code == 204
    # Once withdrawn, a new request may be made.
    assert request_cancel(owner, bought["id"], "immediate").status_code == 201


def test_withdrawing_with_no_request_is_404(owner, product):
    bought = buy_service(owner, product)
    r = owner.delete(f"/billing/services/{bought['id']}/cancel")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_approving_an_immediate_cancellation_ends_the_service_and_its_server(admin, owner, product):
    bought = buy_service(owner, product)
    made = request_cancel(owner, bought["id"], "immediate").json()["data"]
    decided = admin.data("POST", f"/admin/billing/cancellations/{made['id']}/approve")
    assert (decided["id"], decided["status"]) == (made["id"], "approved")
    ended = service(owner, bought["id"])
    assert (ended["status"], ended["server"]["status"]) == ("cancelled", "terminated")
    assert ended["cancellation"]["status"] == "approved"
    # A decided request cannot be decided again; an ended service cannot be cancelled again.
    twice = admin.post(f"/admin/billing/cancellations/{made['id']}/reject")
    assert twice.status_code == 409
    assert request_cancel(owner, bought["id"]).status_code == 409
    titles = [n["title"] for n in owner.data("GET", "/notifications")]
    assert "Cancellation approved" in titles


def test_a_rejected_request_leaves_the_service_running(admin, owner, product):
    bought = buy_service(owner, product)
    made = request_cancel(owner, bought["id"], "immediate").json()["data"]
    assert admin.data("POST", f"/admin/billing/cancellations/{made['id']}/reject")["status"] == "rejected"
    kept = service(owner, bought["id"])
    assert (kept["status"], kept["server"]["status"], kept["cancellation"]["status"]) == (
        "active", "running", "rejected")
    assert request_cancel(owner, bought["id"]).status_code == 201


def test_cancellation_decisions_need_an_admin(owner, product):
    bought = buy_service(owner, product)
    made = request_cancel(owner, bought["id"]).json()["data"]
    r = owner.post(f"/admin/billing/cancellations/{made['id']}/approve")
    assert r.status_code == 403
    assert service(owner, bought["id"])["status"] == "active"


@pytest.mark.parametrize("body", [
    {"type": "later", "reason": "x"},
    {"type": "immediate"},
    {"type": "immediate", "reason": ""},
    {"type": "immediate", "reason": "   "},  # blank: stored as "" before, the reason an operator reads was lost
    {"type": "end_of_period", "reason": "\n\t"},
    {"reason": "no type"},
    {"type": "immediate", "reason": "x", "refund": True},
    {"type": "immediate", "reason": "x" * 2001},
])
def test_bad_cancellation_bodies_are_422(owner, product, body):
    bought = buy_service(owner, product)
    r = owner.post(f"/billing/services/{bought['id']}/cancel", body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "validation_error"
    assert service(owner, bought["id"])["cancellation"] is None


def test_updated_at_moves_when_the_cancellation_or_server_changes(admin, owner, product):
    bought = buy_service(owner, product)

    def changed_since(stamp: str) -> list[str]:
        return listed_ids(owner, updated_since=stamp)

    assert changed_since(bought["updated_at"]) == [bought["id"]]
    made = request_cancel(owner, bought["id"]).json()["data"]
    requested = service(owner, bought["id"])
    assert requested["updated_at"] > bought["updated_at"]
    assert changed_since(requested["updated_at"]) == [bought["id"]]

    assert owner.delete(f"/billing/services/{bought['id']}/cancel").status_code == 204
    withdrawn = service(owner, bought["id"])
    assert withdrawn["updated_at"] > requested["updated_at"]

    made = request_cancel(owner, bought["id"]).json()["data"]
    before = service(owner, bought["id"])["updated_at"]
    admin.data("POST", f"/admin/billing/cancellations/{made['id']}/approve")
    ended = service(owner, bought["id"])
    assert ended["server"]["status"] == "terminated" and ended["updated_at"] > before
    assert changed_since(ended["updated_at"]) == [bought["id"]]
    later = owner.get("/billing/services", params={"updated_since": "2999-01-01T00:00:00Z"})
    assert later.json()["data"] == []


def test_end_of_period_cancellation_takes_effect_at_the_due_date(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    owner = shop.user(credits="100.00")
    bought = buy_service(owner, shop.product())
    made = request_cancel(owner, bought["id"], "end_of_period").json()["data"]
    shop.admin.data("POST", f"/admin/billing/cancellations/{made['id']}/approve")
    still = service(owner, bought["id"])
    assert (still["status"], still["cancellation"]["status"]) == ("active", "approved")

    due = date.fromisoformat(bought["next_due_date"])
    days = (due - date.fromisoformat(bought["created_at"][:10])).days
    shop.admin.data("POST", "/admin/clock/advance", {"days": days - 1})
    owner.login(owner.user["email"], USER_PASSWORD)
    # Inside the renewal window, yet no renewal is raised for a service that is ending.
    kinds = [i["kind"] for i in owner.data("GET", "/billing/invoices")]
    assert kinds == ["order"]
    assert service(owner, bought["id"])["status"] == "active"
    assert owner.data("GET", "/billing/credits")["balance"] == "90.00"

    admin = admin_of(proc)
    admin.data("POST", "/admin/clock/advance", {"days": 1})
    owner.login(owner.user["email"], USER_PASSWORD)
    ended = service(owner, bought["id"])
    assert (ended["status"], ended["server"]["status"]) == ("cancelled", "terminated")
    assert "Service cancelled" in [n["title"] for n in owner.data("GET", "/notifications")]
    admin_of(proc).data("POST", "/admin/clock/advance", {"days": 40})
    owner.login(owner.user["email"], USER_PASSWORD)
    assert [i["kind"] for i in owner.data("GET", "/billing/invoices")] == ["order"]
