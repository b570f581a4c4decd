"""The demo panel as its visitors see it: seeded by the CLI, served for real, read over HTTP."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from panel.db import Database
from panel.seed import DEMO_LOGINS, seed_demo
from tests.support.panel import ROOT, Api, PanelProcess

LOGINS = {role: (email, password) for role, email, password in DEMO_LOGINS}
RETURN = {"return_url": "http://127.0.0.1:9/done", "cancel_url": "http://127.0.0.1:9/cancel"}


def run_panel(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "panel", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def seed(db_path: Path) -> subprocess.CompletedProcess:
    return run_panel("seed", "demo", "--db", str(db_path))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A freshly seeded database, never served: tests copy it before changing anything."""
    path = tmp_path_factory.mktemp("seeded") / "panel.db"
    result = seed(path)
    assert result.returncode == 0, result.stderr
    return path, result


def served_copy(seeded_path: Path, workdir: Path) -> PanelProcess:
    workdir.mkdir(parents=True, exist_ok=True)
    for part in seeded_path.parent.glob(seeded_path.name + "*"):  # with any -wal beside it
        shutil.copy2(part, workdir / part.name.replace(seeded_path.name, "panel.db"))
    return PanelProcess(workdir)  # the database exists, so it adds no admin of its own


@pytest.fixture(scope="module")
def demo_panel(seeded, tmp_path_factory):
    proc = served_copy(seeded[0], tmp_path_factory.mktemp("demo")).start()
    yield proc
    proc.stop()


def login(panel: PanelProcess, role: str) -> Api:
    return Api(panel).login(*LOGINS[role])


@pytest.fixture(scope="module")
def demo(demo_panel) -> Api:
    return login(demo_panel, "customer")


@pytest.fixture(scope="module")
def reseller(demo_panel) -> Api:
    return login(demo_panel, "reseller")


def rows(api: Api, path: str, **params) -> list[dict]:
    r = api.get(path, params={"per_page": 100, **params})
    assert r.status_code == 200, r.text
    assert r.json()["meta"]["total"] == len(r.json()["data"]), "more than one page; the test must page"
    return r.json()["data"]


def test_seed_command_reports_the_logins(seeded):
    out = seeded[1].stdout
    assert "Seeded demo data" in out
    for _role, email, password in DEMO_LOGINS:
        assert email in out and password in out


def test_every_demo_login_works_and_only_the_admin_is_an_admin(demo_panel):
    for role, (email, _password) in LOGINS.items():
        api = login(demo_panel, role)
        assert api.user["email"] == email
        assert api.get("/admin/billing/settings").status_code == (200 if role == "admin" else 403)


def test_panel_settings_show_tax_credits_and_the_demo_name(demo_panel, demo):
    assert Api(demo_panel).data("GET", "/settings/public")["panel_name"] == "Sett Demo Hosting"
    config = demo.data("GET", "/billing/config")
    assert config["enabled"] is True
    assert config["currency"] == {"code": "USD", "symbol": "$", "places": 2}
    assert config["tax"]["enabled"] is True and Decimal(config["tax"]["rate"]) == 20
    assert config["credits_enabled"] is True and config["auto_activate"] is True


def test_catalogue_has_every_pricing_type_a_limited_and_a_one_time_product(demo):
    assert len(rows(demo, "/billing/categories")) >= 3
    products = rows(demo, "/billing/products")
    assert len(products) >= 8
    assert {p["pricing_type"] for p in products} == {"fixed", "per_gb_memory", "per_gb_disk", "configurable"}
    limited = [p for p in products if p["stock"] is not None]
    assert [(p["stock"], p["in_stock"]) for p in limited] == [(3, True)]
    cycles = {p["slug"]: {row["billing_cycle"] for row in p["pricing"]} for p in products}
    assert any(c == {"one_time"} for c in cycles.values())
    assert any({"annual", "biennial"} <= c for c in cycles.values())
    assert any(Decimal(row["setup_fee"]) > 0 for p in products for row in p["pricing"])
    configurable = next(p for p in products if p["pricing_type"] == "configurable")
    assert set(configurable["config_ranges"]) == {"memory", "disk", "cpu"}


def test_demo_user_has_invoices_in_every_visible_status(demo):
    invoices = rows(demo, "/billing/invoices")
    assert {i["status"] for i in invoices} == {"pending", "paid", "overdue", "cancelled", "refunded"}
    today = datetime.now(UTC).date()
    for invoice in invoices:
        assert date.fromisoformat(invoice["issue_date"]) <= today
        if invoice["status"] == "pending":
            assert date.fromisoformat(invoice["due_date"]) >= today
            assert Decimal(invoice["balance_due"]) == Decimal(invoice["total"]) > 0
        if invoice["status"] == "overdue":
            assert date.fromisoformat(invoice["due_date"]) < today
        if invoice["status"] == "paid":
            assert Decimal(invoice["tax_amount"]) > 0 and invoice["paid_at"]


def test_demo_user_has_services_in_every_state_with_a_suspension_explained(demo):
    services = rows(demo, "/billing/services")
    assert {s["status"] for s in services} == {"active", "suspended", "terminated", "cancelled"}
    suspended = [s for s in services if s["status"] == "suspended"]
    assert len(suspended) == 1 and suspended[0]["server"]["status"] == "suspended"
    own = rows(demo, f"/billing/services/{suspended[0]['id']}/invoices")
    overdue = [i for i in own if i["status"] == "overdue"]
    assert len(overdue) == 1 and Decimal(overdue[0]["balance_due"]) > 0
    terminated = next(s for s in services if s["status"] == "terminated")
    assert terminated["server"]["status"] == "terminated"
    asked = [s for s in services if s["cancellation"]]
    assert [(s["status"], s["cancellation"]["status"]) for s in asked] == [("active", "pending")]


def test_demo_user_has_credit_left_and_a_history_of_it(demo):
    balance = Decimal(demo.data("GET", "/billing/credits")["balance"])
    assert balance > 0
    transactions = rows(demo, "/billing/credits/transactions")
    assert {t["type"] for t in transactions} == {"adjustment", "payment", "refund"}
    assert Decimal(transactions[0]["balance_after"]) == balance
    assert sum(Decimal(t["amount"]) for t in transactions) == balance


def test_demo_user_has_notifications_some_unread(demo):
    notes = rows(demo, "/notifications")
    titles = {n["title"] for n in notes}
    assert {"Service suspended", "Invoice overdue", "Payment received", "Refund issued"} <= titles
    assert any(not n["read"] for n in notes) and any(n["read"] for n in notes)


@pytest.mark.parametrize(("code", "valid", "reason"), [
    ("WELCOME10", True, None), ("FIXED5", True, None), ("LOYAL15", True, None),
    ("EXPIRED20", False, "expired"), ("USEDUP", False, "used up"),
])
def test_demo_coupons_answer_as_advertised(demo, code, valid, reason):
    products = {p["slug"]: p for p in rows(demo, "/billing/products")}
    items = [{"product_id": products["minecraft-starter"]["id"], "billing_cycle": "monthly"}]
    answer = demo.data("POST", "/billing/coupons/validate", {"code": code, "items": items})
    assert answer["valid"] is valid
    if valid:
        assert Decimal(answer["discount"]) > 0
    else:
        assert reason in answer["reason"].lower()


def test_reseller_sees_only_their_own(demo, reseller):
    theirs = rows(reseller, "/billing/services")
    assert theirs and {s["status"] for s in theirs} == {"active"}
    mine = {s["id"] for s in rows(demo, "/billing/services")}
    assert not mine & {s["id"] for s in theirs}
    assert {i["status"] for i in rows(reseller, "/billing/invoices")} == {"paid"}
    assert reseller.get(f"/billing/services/{next(iter(mine))}").status_code == 404


def test_the_seeded_state_is_live_paying_the_overdue_invoice_reactivates(seeded, tmp_path):
    """The history is the panel's own: paying with the demo credit lifts the suspension as it would have then."""
    with served_copy(seeded[0], tmp_path / "live") as proc:
        api = login(proc, "customer")
        overdue = rows(api, "/billing/invoices", status="overdue")[0]
        before = Decimal(api.data("GET", "/billing/credits")["balance"])
        paid = api.data("POST", f"/billing/invoices/{overdue['id']}/pay", {"payment_method": "credits", **RETURN})
        assert paid["payment"]["status"] == "paid"
        assert Decimal(api.data("GET", "/billing/credits")["balance"]) == before - Decimal(overdue["total"])
        service = api.data("GET", f"/billing/services/{overdue['service_id']}")
        assert (service["status"], service["server"]["status"]) == ("active", "running")
        assert not rows(api, "/billing/services", status="suspended")


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_seeding_twice_refuses_and_changes_nothing(seeded, tmp_path):
    path = tmp_path / "panel.db"
    shutil.copy2(seeded[0], path)
    before = dump(path)
    again = seed(path)
    assert again.returncode == 1
    assert "already has users" in again.stderr and "Traceback" not in again.stderr
    assert dump(path) == before


@pytest.mark.parametrize("end", [
    datetime(2027, 3, 1, 0, 0, 30, tzinfo=UTC),     # just after midnight, after a short February
    datetime(2028, 2, 29, 23, 59, 50, tzinfo=UTC),  # leap day, just before midnight
    datetime(2027, 5, 31, 12, 0, tzinfo=UTC),       # months of 31 days clamp to 30
    datetime(2026, 12, 31, 18, 30, tzinfo=UTC),
])
def test_the_story_holds_on_awkward_dates(tmp_path, end):
    db = Database(tmp_path / "panel.db")
    try:
        seed_demo(db, end)  # checks its own outcome and refuses a history that came out wrong
        conn = db.conn()
        latest = conn.execute("SELECT MAX(updated_at) FROM invoices").fetchone()[0]
        assert latest <= end.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        statuses = {r[0] for r in conn.execute("SELECT status FROM services")}
        assert {"active", "suspended", "terminated", "cancelled"} <= statuses
    finally:
        db.close()


def test_demo_user_has_support_tickets_in_every_status_and_servers_with_addresses(demo, reseller):
    assert demo.data("GET", "/settings/public")["tickets_enabled"] is True
    tickets = rows(demo, "/support/tickets")
    assert {t["status"] for t in tickets} == {"open", "answered", "customer_reply", "closed"}
    answered = next(t for t in tickets if t["status"] == "answered")
    assert answered["related"]["invoice_id"] and answered["related"]["service_id"]
    conversation = demo.data("GET", f"/support/tickets/{answered['id']}")["messages"]
    assert [m["author"]["staff"] for m in conversation] == [False, True]
    assert rows(reseller, "/support/tickets") == []
    servers = [s["server"] for s in rows(demo, "/billing/services") if s["server"]]
    assert servers and all(s["node"] and s["manage_url"] for s in servers)
    assert all(s["address"] for s in servers if s["status"] == "running")
    assert all(s["address"] is None for s in servers if s["status"] == "terminated")


def test_demo_invoices_name_the_seller_and_their_buyer(demo, reseller):
    assert demo.data("GET", "/billing/config")["seller"]["name"] == "Sett Demo Hosting GmbH"
    assert reseller.data("GET", "/account/billing-profile")["tax_id"] == "GB999999973"
    for api, company in ((demo, ""), (reseller, "Riley Reseller Ltd")):
        for row in rows(api, "/billing/invoices"):
            detail = api.data("GET", f"/billing/invoices/{row['id']}")
            assert detail["seller"]["tax_id"] == "DE999999999"
            assert detail["buyer"]["company"] == company and detail["buyer"]["address_lines"]
