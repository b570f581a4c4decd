"""Services as a buyer reads them after buying from the real panel: the row's product, status, recurring price and
cycle, next due date and server, and the service's page with its invoice. (The same columns are tested on canned
rows in tests/gui/test_sections.py; here they come from the panel through a sync.)"""
from __future__ import annotations

from app.core.formatting import format_date
from tests.gui.conftest import WAIT, sync_now, texts
from tests.support.catalogue import buy


def column(table, key: str) -> list[str]:
    model = table.model()
    at = model.sourceModel().column_of(key) if hasattr(model, "sourceModel") else model.column_of(key)
    return [model.index(r, at).data() for r in range(model.rowCount())]


def test_a_bought_service_shows_its_status_price_cycle_due_date_server_and_invoice(qtbot, client_of, vps):
    app, account, buyer = client_of(credits="10.00")
    placed = buy(buyer, vps["id"])
    (service_id,) = placed["order"]["service_ids"]
    service = buyer.data("GET", f"/billing/services/{service_id}")
    sync_now(qtbot, app, account.id)

    services = app.window.sections["services"]
    app.window.select_section("services")
    table = services.table
    qtbot.waitUntil(lambda: column(table, "product") == ["Card VPS"], timeout=WAIT)
    assert column(table, "status") == ["Active"]
    assert column(table, "recurring_amount") == ["$10.00 / month"]
    assert column(table, "next_due_date") == [format_date(service["next_due_date"])] != ["—"]
    assert column(table, "server") == [service["server"]["name"]]

    qtbot.waitUntil(lambda: services.open_service(service_id), timeout=WAIT)
    page = services.page
    rows = page.invoices_model
    number = placed["invoice"]["invoice_number"]
    qtbot.waitUntil(lambda: texts(rows, 0) == [number], timeout=WAIT)
    assert "Paid" in [rows.index(0, c).data() for c in range(rows.columnCount())]
    assert page.chip.text() == "Active" and page.cancel_button.isEnabled()
