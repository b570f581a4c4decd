"""Screens follow the user's own actions from the action's own change-set: the whole window (every screen, the
features, the sessions) over a synchronous worker and canned panel answers, with a sync that brings nothing (as
when the sync after an action fails, or has not ended yet). What an action moved at the panel besides the record it
names (its invoice, services, order, the credit balance and history, the dashboard's figures) must be on every
screen that shows it as soon as the action is done."""
from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from app import tasks
from app.api import Credentials
from app.application import Application
from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet
from app.session import Sessions
from app.settings import Settings
from tests.e2e.checkout_steps import pay_with, wait_result

from .conftest import close
from .test_session_glue import CannedClient, SyncPool

SYNCED = "2026-12-06T09:00:00Z"
LISTS = ("services", "invoices", "orders", "credit_transactions", "notifications", "products", "categories")
CONFIG = {
    "public_settings": {"panel_name": "Canned", "billing_enabled": True, "tickets_enabled": False},
    "billing_config": {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2},
                       "credits_enabled": True, "tax": {"enabled": False},
                       "gateways": {"stripe": {"enabled": True}, "paypal": {"enabled": False}}},
    "me": {"id": "u-1", "email": "ada@example.test", "first_name": "Ada"},
}


def page(rows: list[dict]) -> SimpleNamespace:
    return SimpleNamespace(data=rows, meta={}, etag=None, not_modified=False, total_pages=1)


class Panel(CannedClient):
    """Canned answers, plus the lists (`synced_list(name)`) from `lists`."""

    def __init__(self, answers: dict, lists: dict[str, list[dict]] | None = None) -> None:
        super().__init__({**answers, "synced_list": lambda name, **_kw: page((lists or {}).get(name, []))})


@pytest.fixture
def canned_app(qapp, qtbot, data_dir, secrets, monkeypatch):
    """The whole client on a synchronous worker; its syncs bring nothing."""
    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    monkeypatch.setattr(Sessions, "_sync_job", lambda self, account_id: lambda progress, cancellation: ChangeSet(
        billing_enabled=True))
    app = Application(settings=Settings(), secrets=secrets, keyring_note=False)
    app.start(show=True)
    # The canned accounts' address (127.0.0.1:9) answers nobody: a probe that got there before a slow test's
    # first action took the account offline, and its actions then only said they need the panel (a flake under
    # load). The answers here are canned; reachability is tested in test_live_connectivity.
    app.sessions.prober.stop()
    yield app
    close(app)


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def signed_in(app: Application, client: CannedClient, *, config: dict | None = None, **rows: list[dict]):
    """An account whose cache holds `rows` (by table) and `config`, synced once; its panel answers from `client`."""
    account = app.sessions.add(name="Canned", panel_url="http://127.0.0.1:9", email="ada@example.test",
                               auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    session = app.sessions.get(account.id)
    session.open_client = lambda cancellation=None: client
    with open_account_cache(account.id) as cache:
        cache.apply(CacheChanges(upserts={table: copy.deepcopy(r) for table, r in rows.items()},
                                 config={**CONFIG, **(config or {})},
                                 sync_state={name: {"last_synced_at": SYNCED, "server_time": SYNCED}
                                             for name in LISTS}))
    session.reload()
    settle()
    for key in ("dashboard", "services", "invoices", "credits", "orders"):
        app.window.sections[key]                 # built, as once the user has looked at each
    settle()
    return session


# -- the records -------------------------------------------------------------------------------------------------
def invoice(number: int, status: str, due: str, *, order_id: str | None = None, total: str = "10.00") -> dict:
    return {"id": f"i-{number}", "invoice_number": f"INV-{number:06d}", "status": status, "kind": "order",
            "issue_date": "2026-12-06", "due_date": "2026-12-06", "paid_at": None, "subtotal": total,
            "tax_amount": "0.00", "total": total, "balance_due": due, "amount_paid": "0.00", "currency": "USD",
            "order_id": order_id, "service_id": None, "updated_at": f"2026-12-06T09:00:0{number}Z",
            "lines": [{"description": "Canned VPS", "service_id": f"s-{number}", "billing_cycle": "monthly",
                       "quantity": 1, "unit_price": total, "amount": total}], "payments": []}


def order(number: int, status: str) -> dict:
    return {"id": f"o-{number}", "order_number": f"ORD-{number:06d}", "status": status, "invoice_id": f"i-{number}",
            "service_ids": [f"s-{number}"], "items": [{"product_id": "p-1", "billing_cycle": "monthly",
                                                       "quantity": 1, "description": "Canned VPS"}],
            "total": "10.00", "created_at": "2026-12-06T09:00:00Z", "updated_at": f"2026-12-06T09:00:0{number}Z"}


def service(number: int, status: str, next_due: str | None = None) -> dict:
    return {"id": f"s-{number}", "product": {"id": "p-1", "name": "Canned VPS"}, "status": status,
            "billing_cycle": "monthly", "recurring_amount": "10.00", "currency": "USD", "next_due_date": next_due,
            "server": None, "config": {}, "cancellation": None, "order_id": f"o-{number}",
            "created_at": "2026-12-06T09:00:00Z", "updated_at": f"2026-12-06T09:00:0{number}Z"}


def credit(number: int, amount: str, after: str, kind: str = "adjustment") -> dict:
    return {"id": f"c-{number}", "amount": amount, "type": kind, "note": f"credit {number}", "invoice_id": None,
            "balance_after": after, "created_at": f"2026-12-06T09:00:0{number}Z"}


def later(row: dict, **fields) -> dict:
    """The row as the panel has it after the action."""
    return {**copy.deepcopy(row), **fields, "updated_at": "2026-12-06T10:00:00Z"}


# -- the tests -----------------------------------------------------------------------------------------------------
def test_a_cancelled_order_shows_its_invoice_services_and_credits_back_everywhere(canned_app, qtbot):
    app = canned_app
    pending = order(1, "pending")
    unpaid = {**invoice(1, "pending", "6.00", order_id="o-1"), "credits_applied": "4.00", "amount_paid": "4.00"}
    client = Panel({
        "cancel_order": later(pending, status="cancelled"),
        "invoice": lambda _id: later(unpaid, status="cancelled", balance_due="0.00"),
        "service": lambda _id: later(service(1, "pending"), status="cancelled"),
        "credits": {"enabled": True, "balance": "4.00", "currency": "USD"},
        "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00", "credit_balance": "4.00"},
    }, lists={"credit_transactions": [credit(2, "4.00", "4.00", "refund"), credit(1, "-4.00", "0.00", "payment")]})
    signed_in(app, client, orders=[pending], invoices=[unpaid], services=[service(1, "pending")],
              credit_transactions=[credit(1, "-4.00", "0.00", "payment")],
              config={"credits": {"enabled": True, "balance": "0.00", "currency": "USD"}})
    window = app.window
    invoices, dashboard, credits = (window.sections[k] for k in ("invoices", "dashboard", "credits"))
    assert invoices.summary.text() == "$6.00 due" and dashboard.cards["due"].value.text() == "$6.00"

    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order("o-1")
    orders.page.confirm_cancel = lambda _number: True
    orders.page.cancel_button.click()
    settle()

    assert "is cancelled" in orders.page.message.text()
    assert orders.page.chip.text() == "Cancelled"
    assert orders.page.invoice_note.text() == "Cancelled"                  # not "Pending · $6.00 due"
    assert invoices.summary.text() == "Nothing to pay."
    assert dashboard.cards["due"].value.text() == "$0.00"
    assert credits.balance.text() == "$4.00" and credits.count.text() == "2 transactions"
    assert dashboard.cards["credits"].value.text() == "$4.00"
    services = window.sections["services"]
    assert [services.model.index(r, 1).data() for r in range(services.model.rowCount())] == ["Cancelled"]


def test_paying_all_due_by_credits_shows_orders_balance_and_renewals_at_once(canned_app, qtbot):
    app = canned_app
    orders_before = [order(1, "pending"), order(2, "pending")]
    invoices_before = [invoice(1, "pending", "10.00", order_id="o-1"), invoice(2, "pending", "10.00", order_id="o-2")]
    paid = {i["id"]: later(i, status="paid", balance_due="0.00", amount_paid="10.00", paid_at="2026-12-06")
            for i in invoices_before}
    client = Panel({
        "billing_config": CONFIG["billing_config"],
        "credits": lambda: balance[0],
        "invoice": lambda invoice_id: paid[invoice_id] if balance[0]["balance"] == "80.00" else
        next(i for i in invoices_before if i["id"] == invoice_id),
        "pay_invoices": lambda *a, **k: balance.__setitem__(0, {"enabled": True, "balance": "80.00",
                                                                "currency": "USD"}) or
        {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}},
        "payment": {"id": "pay-1", "status": "succeeded", "invoice_id": "i-1", "invoice_ids": ["i-1", "i-2"]},
        "order": lambda order_id: later(next(o for o in orders_before if o["id"] == order_id), status="active"),
        "service": lambda service_id: later(service(int(service_id[-1]), "pending"), status="active",
                                            next_due_date="2027-01-06"),
        "dashboard": {"active_services": 2, "pending_invoices": 0, "total_due": "0.00",
                      "next_due_date": "2027-01-06", "next_due_amount": "20.00", "credit_balance": "80.00"},
    }, lists={"credit_transactions": [credit(3, "-10.00", "80.00", "payment"), credit(2, "-10.00", "90.00", "payment"),
                                      credit(1, "100.00", "100.00")]})
    balance = [{"enabled": True, "balance": "100.00", "currency": "USD"}]
    signed_in(app, client, orders=orders_before, invoices=invoices_before,
              services=[service(1, "pending"), service(2, "pending")],
              credit_transactions=[credit(1, "100.00", "100.00")],
              config={"credits": balance[0], "dashboard": {"active_services": 0, "pending_invoices": 2,
                                                           "total_due": "20.00", "credit_balance": "100.00"}})
    window = app.window
    dashboard, credits, orders = (window.sections[k] for k in ("dashboard", "credits", "orders"))
    window.select_section("dashboard")
    assert dashboard.cards["due"].value.text() == "$20.00"
    dashboard.pay_all.click()
    settle()
    checkout = app.checkout_sessions[-1]
    pay_with(qtbot, checkout, "credits")
    settle()
    assert "Payment received" in wait_result(qtbot, checkout)
    checkout.dialog.accept()
    settle()

    assert dashboard.cards["due"].value.text() == "$0.00"
    assert dashboard.cards["credits"].value.text() == "$80.00"               # not $100.00
    assert dashboard.cards["services"].value.text() == "2"
    assert dashboard.cards["next_due"].value.text() == "Jan 6, 2027"         # not "—", "No renewals scheduled"
    assert credits.balance.text() == "$80.00" and credits.count.text() == "3 transactions"
    assert [orders.model.index(r, 2).data() for r in range(orders.model.rowCount())] == ["Active", "Active"]
