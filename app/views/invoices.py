"""Invoices: every invoice of the account, filterable by status, searchable; overdue ones stand out."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.money import parse_money
from app.models.invoices import UNPAID_STATUSES, InvoiceTableModel, invoice_proxy
from app.snapshot import AccountData

from .badges import FilteredTable, heading, subtitle
from .formatting import count_text
from .invoice_page import InvoicePage
from .list_section import ListWithPage

STATUS_CHOICES: list[tuple[str, str | None]] = [
    ("All invoices", None),
    ("Unpaid", "pending,overdue"),
    ("Overdue", "overdue"),
    ("Pending", "pending"),
    ("Paid", "paid"),
    ("Cancelled", "cancelled"),
    ("Refunded", "refunded"),
]


def unpaid_summary(data: AccountData) -> str:
    """"2 overdue · €42.00 due", "€12.00 due", or that nothing is due (as the dashboard counts it)."""
    overdue = bills = 0
    due = Decimal(0)
    for row in data.invoices:
        # A top-up invoice is an offer the buyer may abandon, not a bill (the panel's dashboard agrees).
        if row.get("status") not in UNPAID_STATUSES or row.get("kind") == "top_up":
            continue
        bills += 1
        overdue += row.get("status") == "overdue"
        try:
            due += parse_money(row.get("balance_due") or 0)
        except ValueError:
            pass
    if not bills:
        return "Nothing to pay."
    return " · ".join(([f"{overdue} overdue"] if overdue else []) + [f"{data.money(due)} due"])


class InvoicesSection(ListWithPage):
    key = "invoices"
    title = "Invoices"
    invoice_opened = Signal(str)     # an invoice's page opened: its detail is worth reading

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesSection")
        self.model = InvoiceTableModel(self)
        self.proxy = invoice_proxy(self)
        self.heading = heading("Invoices")
        self.summary = subtitle()
        self.list = FilteredTable(self.model, self.proxy, noun="invoice", statuses=STATUS_CHOICES,
                                  placeholder="Search invoices", object_name="invoicesTable", parent=self)
        self.list.set_empty_text("none", "No invoices yet",
                                 "Invoices for your orders and renewals will appear here.", "Browse the store")
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        self.page = InvoicePage(self)
        self._stack(self.heading, self.summary)

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        if self.page_open:
            row = next((r for r in data.invoices if str(r.get("id")) == self.page.invoice_id), None)
            if row is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            elif row.get("updated_at") != self.page.invoice.get("updated_at"):
                self.page.show_invoice({**self.page.invoice, **row}, data)
                self.invoice_opened.emit(self.page.invoice_id)      # changed on the panel: read it again
        places = int(data.currency.get("places", 2))
        self.model.set_invoices(data.invoices, data.money, places)
        synced = not data.never_synced
        self.list.refresh(synced)
        self.summary.setText(unpaid_summary(data) if self.model.rowCount() else "")
        self.summary.setVisible(synced and self.model.rowCount() > 0)
        overdue = any(r.get("status") == "overdue" for r in data.invoices)
        role = "error" if overdue else "subtitle"
        if self.summary.property("role") != role:
            self.summary.setProperty("role", role)
            self.summary.style().unpolish(self.summary)       # the theme colours [role=error] in red
            self.summary.style().polish(self.summary)
        self.summary.setAccessibleDescription(count_text(self.model.rowCount(), "invoice"))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("invoice"):
            self.open_invoice(str(filters["invoice"]))
            return
        self.show_list()
        self.list.apply_filter(filters)

    # -- the invoice page -----------------------------------------------------------------------------------------
    def open_invoice(self, invoice_id: str) -> bool:
        data = self.data
        row = next((r for r in (data.invoices if data else []) if str(r.get("id")) == invoice_id), None)
        if row is None or data is None:
            return False
        self.page.show_invoice(dict(row), data)
        self._show_page()
        self.invoice_opened.emit(invoice_id)
        return True

    def open_row(self, row_id: str) -> bool:
        return self.open_invoice(row_id)
