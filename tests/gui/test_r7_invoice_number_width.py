"""At 1600x1000 the Invoices list gave all its spare width to the Invoice column, the one free-text column it has:
an invoice's number took most of the table, its status and amounts pushed to the far right. A number is as long in
every row; the spare width is left after the last column. A list with a name beside its numbers (Orders'
products) still shares it out, as before."""
from __future__ import annotations

from .test_drift_actions import Panel, canned_app, invoice, order, settle, signed_in  # noqa: F401 - the fixture


def right_edge(table, column: int) -> int:
    header = table.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)


def test_invoice_numbers_do_not_take_a_wide_windows_spare_width(canned_app, qtbot):  # noqa: F811
    signed_in(canned_app, Panel({}), invoices=[invoice(n, "paid", "0.00") for n in range(1, 6)],
              orders=[order(n, "active") for n in range(1, 6)])
    window = canned_app.window
    window.resize(1600, 1000)
    window.select_section("invoices")
    settle()
    qtbot.wait(50)
    section = window.sections["invoices"]
    table = section.table
    number = section.model.column_of("invoice_number")
    metrics = table.fontMetrics()
    assert table.columnWidth(number) < metrics.horizontalAdvance("INV-000001") + 80     # its number, not the spare
    last = table.model().columnCount() - 1
    assert right_edge(table, last) < table.viewport().width() - 200     # the spare is left after the last column

    window.select_section("orders")
    settle()
    qtbot.wait(50)
    orders = window.sections["orders"]
    table = orders.table
    assert table.columnWidth(orders.model.column_of("products")) > 200          # the name has its share
    assert right_edge(table, table.model().columnCount() - 1) >= table.viewport().width() - 2     # none left over
