"""What a hostile panel syncs is shown and sorted by every list without raising: each field of each list (and
the nested ones the lists show) holding a number, a nested object, far dates, bidi controls or markup, synced
through the real client into a real cache, read as the screens read it, then every cell asked for every role
and every column sorted. Before, a credit note or a server name sent as a number (text fields let numbers
through as sent) made sorting by that column raise AttributeError on the UI thread."""
from __future__ import annotations

import json

import pytest

from app.api import PanelClient
from app.cache import AccountCache
from app.models import invoices, orders, services, tickets, transactions
from app.models.table import ROLES, RowTableModel
from app.session.data import load_account_data
from app.sync import SyncEngine

from . import hostile
from .hostile import HostilePanel, raw

ODD = [7, 12345678901234567890, {"a": {"b": 1}}, [], "\u202eabc", "<b>x</b>", "9999-12-31T23:59:59Z", "0001-01-01",
       "  12.5 ", "999999999999.99", None, True]
FIELDS = {
    "/billing/credits/transactions": ["note", "type", "amount", "created_at"],
    "/billing/services": ["server", "status", "billing_cycle", "product"],
    "/billing/invoices": ["invoice_number", "status", "kind", "currency", "due_date"],
    "/billing/orders": ["order_number", "status", "items"],
}
NESTED = [("/billing/services", "server", {"id": "srv-1", "name": 5, "status": 7, "node": 9}),
          ("/billing/services", "product", {"id": "prod-1", "name": 10**30})]


@pytest.fixture(scope="module")
def panel():
    server = HostilePanel()
    yield server
    server.close()


def shown_everywhere(data) -> None:
    lists = [(services.service_columns(data.money, data.places), data.services),
             (invoices.invoice_columns(data.money, data.places), data.invoices),
             (orders.order_columns(data.money, data.places), orders.with_invoices(data.orders, data.invoices)),
             (tickets.ticket_columns(), data.tickets),
             (transactions.transaction_columns(data.money, data.places), data.credit_transactions)]
    for columns, rows in lists:
        model = RowTableModel(columns)
        model.set_rows(rows)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                for role in ROLES:
                    model.data(model.index(row, column), role)
        for column in range(model.columnCount()):
            model.sort(column)


def cases():
    for path, fields in FIELDS.items():
        for field in fields:
            for value in ODD:
                yield path, field, value
    yield from NESTED


@pytest.mark.parametrize(("path", "field", "value"), list(cases()))
def test_whatever_a_sync_accepts_every_list_shows_and_sorts(panel, tmp_path, sleeps, qapp, path, field, value):
    row = {**hostile.LIST_ROWS[path][0], "updated_at": "2026-01-09T00:00:00Z", field: value}
    panel.faults.clear()
    panel.faults[path] = raw(200, json.dumps({"data": [row], "meta": {"total_pages": 1}}).encode())
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client, \
            AccountCache(tmp_path / "cache.sqlite3") as cache:
        try:
            SyncEngine(client, cache).run()
        except Exception as exc:  # noqa: BLE001 - refused in words is fine; what passes must show
            assert type(exc).__module__.startswith("app."), repr(exc)
            return
        shown_everywhere(load_account_data("a", cache))


@pytest.mark.parametrize(("first_name", "greeting"), [(7, "Welcome back, 7"), ({"a": 1}, None), ("<b>Ada</b>", None)])
def test_the_dashboard_greets_whatever_name_the_panel_sent(panel, tmp_path, sleeps, qtbot, first_name, greeting):
    # Before: a first name sent as a number made the dashboard raise AttributeError (.strip) at every redraw.
    from app.views.dashboard import DashboardSection

    me = {**hostile.OBJECTS["/auth/me"], "first_name": first_name}
    panel.faults.clear()
    panel.faults["/auth/me"] = raw(200, json.dumps({"data": me}).encode())
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client, \
            AccountCache(tmp_path / "cache.sqlite3") as cache:
        try:
            SyncEngine(client, cache).run()
        except Exception as exc:  # noqa: BLE001 - refused in words is fine
            assert type(exc).__module__.startswith("app."), repr(exc)
            assert greeting is None
            return
        data = load_account_data("a", cache)
    dashboard = DashboardSection()
    qtbot.addWidget(dashboard)
    dashboard.show_data(data)
    assert dashboard.heading.text() == (greeting or "Welcome back, <b>Ada</b>")
