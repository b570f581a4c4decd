"""Every table on a record's page is as tall as its header and its rows: a one-line invoice, order or service
history shows that line and nothing below it (a fixed minimum height drew a box of empty rows under it), a tall
window does not stretch it, and a service without invoices shows no empty table over its "No invoices" note.
The whole window over canned panels (test_drift_actions' canned_app, test_back_returns_whence's account)."""
from __future__ import annotations

import pytest

from .test_back_returns_whence import account, records
from .test_drift_actions import canned_app, invoice, settle  # noqa: F401 - canned_app is the fixture

pytestmark = pytest.mark.usefixtures("utc")


def paid_twice() -> dict:
    """An invoice of one line, paid in two payments."""
    row = invoice(3, "paid", "0.00", total="20.00")
    return {**row, "amount_paid": "20.00", "payments": [
        {"id": f"pay-{n}", "amount": "10.00", "currency": "USD", "gateway": "stripe", "status": "completed",
         "created_at": f"2026-12-06T09:0{n}:00Z", "transaction_id": f"tx-{n}"} for n in (1, 2)]}


def assert_fits_rows(view, rows: int) -> None:
    """Its rows fill the part under the header exactly: no empty box below the last, none cut off."""
    assert view.isVisible()
    assert view.model().rowCount() == rows
    rows_height = sum(view.verticalHeader().sectionSize(r) for r in range(rows))
    assert view.viewport().height() == rows_height
    assert view.height() == rows_height + view.horizontalHeader().height() + 2 * view.frameWidth()
    assert view.verticalScrollBar().maximum() == 0


@pytest.fixture
def window(canned_app):  # noqa: F811
    rows = records()
    rows["invoices"].append(paid_twice())
    account(canned_app, "Ann", 9, rows)
    window = canned_app.window
    window.resize(1240, 1100)          # a tall window: room the tables must not take
    window.show()
    settle()
    return window


def test_an_invoices_line_and_payments_fit_their_rows(window, qtbot):
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("i-3")
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail and page.payments.isVisible())
    settle()
    assert_fits_rows(page.lines, 1)
    assert_fits_rows(page.payments, 2)
    assert page.totals.geometry().top() - page.lines.geometry().bottom() <= 24     # the totals right under it


def test_an_orders_item_and_a_services_invoice_fit_their_rows(window, qtbot):
    orders, services = window.sections["orders"], window.sections["services"]
    window.select_section("orders")
    assert orders.open_order("o-1")
    settle()
    assert_fits_rows(orders.page.items, 1)
    window.select_section("services")
    assert services.open_service("s-1")
    page = services.page
    qtbot.waitUntil(lambda: page.invoices_model.rowCount() == 1)
    settle()
    assert_fits_rows(page.invoices, 1)


def test_a_service_without_invoices_shows_no_empty_table(window, qtbot):
    services = window.sections["services"]
    window.select_section("services")
    page = services.page
    page.invoices_model.set_invoices([], str)
    assert services.open_service("s-2")
    page.set_invoices([])
    assert not page.invoices.isVisible() and page.invoices_note.text() == "No invoices for this service yet."
