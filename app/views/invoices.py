"""Invoices: every invoice of the account, filterable by status, searchable; overdue ones stand out."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedLayout, QVBoxLayout, QWidget

from app.core.money import parse_money
from app.models.invoices import UNPAID_STATUSES, InvoiceTableModel, invoice_proxy
from app.snapshot import AccountData

from .badges import FilteredTable, heading, subtitle
from .formatting import count_text
from .invoice_page import InvoicePage
from .section import Section

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


class InvoicesSection(Section):
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
        self.list.table.activated.connect(self._open_index)      # Enter or double-click
        self.page = InvoicePage(self)
        self.page.back_requested.connect(self.show_list)
        self.data: AccountData | None = None
        listing = QWidget(self)
        list_layout = QVBoxLayout(listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addWidget(self.heading)
        list_layout.addWidget(self.summary)
        list_layout.addWidget(self.list, 1)
        self.listing = listing
        self.stack = QStackedLayout()
        self.stack.addWidget(listing)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(self.stack, 1)
        self.summary.hide()

    @property
    def table(self):
        return self.list.table

    @property
    def filters(self):
        return self.list.filters

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
    @property
    def page_open(self) -> bool:
        return self.stack.currentWidget() is self.page

    def _open_index(self, index) -> None:
        row = self.list.proxy.row(index.row())
        if row and row.get("id") is not None:
            self.open_invoice(str(row["id"]))

    def open_invoice(self, invoice_id: str) -> bool:
        data = self.data
        row = next((r for r in (data.invoices if data else []) if str(r.get("id")) == invoice_id), None)
        if row is None or data is None:
            return False
        self.page.show_invoice(dict(row), data)
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.invoice_opened.emit(invoice_id)
        return True

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.listing)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)
