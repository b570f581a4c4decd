"""Pay selected… names how many invoices it pays: its dialog was titled "Pay all due" (and its review "Pay all due:
review") while the Invoices bar beside it still offered Pay all due for the invoices left unpaid."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    invoice,
    settle,
    signed_in,
)


def test_pay_selected_is_titled_with_its_count_and_pay_all_due_as_such(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = [invoice(1, "pending", "10.00"), invoice(2, "overdue", "10.00"), invoice(3, "pending", "10.00")]
    reads = {row["id"]: row for row in unpaid}
    client = Panel({"billing_config": CONFIG["billing_config"], "invoice": lambda invoice_id: reads[invoice_id],
                    "credits": {"enabled": True, "balance": "0.00", "currency": "USD"}})
    signed_in(app, client, invoices=unpaid)
    window = app.window
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    bar, table = invoices.pay_due, invoices.table
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(0, 0), rows)
    table.selectionModel().select(table.model().index(1, 0), rows)
    assert bar.pay_selected.text() == "Pay selected (2)…"

    bar.pay_selected.click()
    settle()
    chosen = app.checkout_sessions[-1]
    dialog = chosen.dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=5_000)
    assert dialog.windowTitle() == "Pay 2 invoices"
    assert dialog.review_heading.text() == "Pay 2 invoices: review"
    dialog.reject()

    bar.pay_all.click()          # every invoice due: that is what it says
    settle()
    everything = app.checkout_sessions[-1]
    assert everything is not chosen and len(everything.request["invoice_ids"]) == 3
    qtbot.waitUntil(lambda: everything.dialog.stack.currentWidget() is everything.dialog.review_page, timeout=5_000)
    assert everything.dialog.windowTitle() == "Pay all due"
    assert everything.dialog.review_heading.text() == "Pay all due: review"
    everything.dialog.reject()
