"""The User guide's lists, in the whole window with a canned account:

- "Open a service (double-click or Enter)": a double-click opens the row's page, on every list with pages;
- "Support (Ctrl+8) lists this account's support tickets: number, subject, status (Open, Answered, Awaiting reply,
  Closed), department and last reply";
- "Orders (Ctrl+7) lists every order with its date, status, total, invoice and the products it bought (the search
  finds an order by them too)".
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from . import menu_steps, samples
from .test_drift_actions import Panel, canned_app, invoice, order, service, settle, signed_in  # noqa: F401
from .test_r8p_search_escape import TICKETS_ON, account

HORIZONTAL = Qt.Orientation.Horizontal
NONE = Qt.KeyboardModifier.NoModifier


def headers(table) -> list[str]:
    model = table.model()
    return [model.headerData(c, HORIZONTAL) for c in range(model.columnCount()) if not table.isColumnHidden(c)]


def row(table, number: int = 0) -> list[str]:
    model = table.model()
    return [model.index(number, c).data() for c in range(model.columnCount()) if not table.isColumnHidden(c)]


def one_row_list(app, qtbot, key: str):
    """The list `key` of the sample account, shown with its one row: (section, table)."""
    account(app)
    app.window.select_section(key)
    settle()
    section = app.window.sections[key]
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 1)
    return section, section.table


@pytest.mark.parametrize("key", ["services", "invoices", "orders", "support"])
def test_a_double_click_opens_the_rows_page(canned_app, qtbot, key):  # noqa: F811
    app = canned_app
    section, table = one_row_list(app, qtbot, key)
    viewport = table.viewport()
    where = table.visualRect(table.model().index(0, 0)).center()
    # A click, then the double-click event (QTest's mouseDClick sends no double-click a table acts on).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, where)
    QApplication.sendEvent(viewport, QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(where),
                                                 viewport.mapToGlobal(QPointF(where)), Qt.MouseButton.LeftButton,
                                                 Qt.MouseButton.LeftButton, NONE))
    settle()
    assert section.page_open, key


def ticket(number: int, status: str) -> dict:
    return {**samples.TICKET, "id": f"t-{number}", "ticket_number": f"TKT-00000{number}", "subject": f"Ask {number}",
            "status": status, "department": ("billing", "technical", "sales", "billing")[number - 1],
            "updated_at": f"2026-11-2{number}T10:00:00Z", "last_reply_at": f"2026-11-2{number}T10:00:00Z"}


def test_support_lists_number_subject_status_department_and_last_reply(canned_app, qtbot):  # noqa: F811
    app = canned_app
    statuses = ["open", "answered", "customer_reply", "closed"]
    signed_in(app, Panel({}), config=TICKETS_ON,
              tickets=[ticket(n, status) for n, status in enumerate(statuses, start=1)])
    app.window.select_section("support")
    settle()
    table = app.window.sections["support"].table
    qtbot.waitUntil(lambda: table.model().rowCount() == 4)
    assert headers(table) == ["Ticket", "Subject", "Status", "Department", "Last reply"]
    shown = sorted(row(table, r) for r in range(4))
    assert [r[0] for r in shown] == ["TKT-000001", "TKT-000002", "TKT-000003", "TKT-000004"]
    assert [r[2] for r in shown] == ["Open", "Answered", "Awaiting reply", "Closed"]
    assert [r[3] for r in shown] == ["Billing", "Technical", "Sales", "Billing"]
    assert all(r[4] and r[4] != "—" for r in shown)                    # each one's last reply, as a date


def test_orders_list_date_status_total_invoice_and_products_and_are_found_by_them(canned_app, qtbot):  # noqa: F811
    app = canned_app
    bought = {**samples.ORDER, "status": "active", "invoice_id": "i-1"}
    other = {**order(2, "active"), "items": [{**order(2, "active")["items"][0], "product_name": "Valheim Dedicated"}]}
    signed_in(app, Panel({}), orders=[bought, other], invoices=[invoice(1, "paid", "0.00"), invoice(2, "paid", "0.00")])
    app.window.select_section("orders")
    settle()
    section = app.window.sections["orders"]
    table = section.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert headers(table) == ["Order", "Date", "Status", "Total", "Invoice", "Products"]
    first = next(row(table, r) for r in range(2) if row(table, r)[0] == "ORD-0001")
    assert first[1:5] == ["Nov 1, 2026", "Active", "$30.00", "INV-000001"]
    assert "Rust Premium" in first[5]
    section.list.filters.search.setText("rust premium")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert row(table)[0] == "ORD-0001"


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
@pytest.mark.parametrize("key", ["services", "orders", "support"])
def test_shift_f10_offers_open_and_copy_and_open_opens_the_row(canned_app, qtbot, key):  # noqa: F811
    """The shortcut table: "Menu key or Shift+F10 | The rows' menu ...: Open, Copy"."""
    app = canned_app
    section, table = one_row_list(app, qtbot, key)
    table.setFocus()
    table.selectRow(0)
    seen = menu_steps.use_menu(lambda: qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                               "Open")
    assert seen == ["Open", "Copy"], key
    settle()
    assert section.page_open, key
