"""Invoices: every invoice of the account, filterable by status, searchable; overdue ones stand out."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.core.account_data import AccountData
from app.core.text import translate
from app.models.all_accounts import (
    AccountsRows,
    all_accounts_columns,
    amounts_text,
    per_currency,
)
from app.models.invoices import SEARCH_KEYS, InvoiceTableModel, invoice_columns, invoice_proxy

from .due_words import also_due
from .exports import ExportButton
from .filtered_table import FilteredTable
from .invoice_page import InvoicePage
from .labels import heading, muted, subtitle
from .list_section import ListWithPage, across, with_account
from .pay_due_bar import PayDueBar
from .scope import ACCOUNT

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All invoices"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Unpaid"), "pending,overdue"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Overdue"), "overdue"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Paid"), "paid"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Cancelled"), "cancelled"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Refunded"), "refunded"),
]


def unpaid_summary(data: AccountData) -> str:
    """"2 overdue · €42.00 due", "€12.00 due", or that nothing is due (as the dashboard counts it)."""
    facts = data.invoice_facts
    if not facts.bills:
        return translate("InvoicesSection", "Nothing to pay.")
    overdue = ([translate("InvoicesSection", "{count} overdue").format(count=facts.overdue_bills)]
               if facts.overdue_bills else [])
    return " · ".join(overdue + [translate("InvoicesSection", "{amount} due").format(amount=data.money(facts.due))])


def unpaid_summary_all(everything: AccountsRows) -> str:
    """"Across 2 accounts · 1 overdue · €10.00 + $5.00 due": each account's bills as unpaid_summary counts them,
    the amounts due per currency, never added across currencies."""
    synced = everything.billed
    bills = sum(data.invoice_facts.bills for _name, data in synced)
    overdue = sum(data.invoice_facts.overdue_bills for _name, data in synced)
    # Each currency its own figure: an account's invoices in another currency than its own count in theirs.
    due = per_currency([(data.currency_code, data.invoice_facts.due) for _name, data in synced]
                       + [pair for _name, data in synced for pair in data.invoice_facts.due_elsewhere.items()])
    overdue_text = translate("InvoicesSection", "{count} overdue").format(count=overdue) if overdue else ""
    if bills:
        return across(everything, overdue_text, translate("InvoicesSection", "{amount} due").format(
            amount=amounts_text(due, everything.money)))
    return across(everything, overdue_text, translate("InvoicesSection", "Nothing to pay."))


class InvoicesSection(ListWithPage):
    key = "invoices"
    title = QT_TRANSLATE_NOOP("Sections", "Invoices")
    invoice_opened = Signal(str)     # an invoice's page opened: its detail is worth reading
    pay_invoices_requested = Signal(list)    # invoice ids: one payment for all of them (Pay all due / selected)
    export_requested = Signal(str)   # "invoices", "payments" or "pdfs": of what the list shows (features/exports.py)
    noun = "invoice"
    none_text = (QT_TRANSLATE_NOOP("ListWithPage", "No invoices yet"),
                 QT_TRANSLATE_NOOP("ListWithPage", "Invoices for your orders and renewals will appear here."),
                 QT_TRANSLATE_NOOP("ListWithPage", "Browse the store"))
    column_widths = {"issue_date": 120, "due_date": 120}
    all_column_widths = {"account": 140, "invoice_number": 130, "status": 120}     # all fit a 1280-pixel window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoicesSection")
        self.model = InvoiceTableModel(self)
        self.proxy = invoice_proxy(self)
        self.proxy.set_search_keys(with_account(SEARCH_KEYS))
        self.heading = heading(translate("InvoicesSection", "Invoices"))
        self.summary = subtitle()
        # Beside the summary: what is due in other currencies than the account's, which "due" leaves out (Pay all
        # due pays one currency). Its own label, so the summary's words stay what they were.
        self.due_elsewhere = muted(object_name="invoicesAlsoDue")
        self.due_elsewhere.hide()
        summary_row = QWidget(self)
        row = QHBoxLayout(summary_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)       # a space's width: one line with the summary
        row.addWidget(self.due_elsewhere, 1)      # the summary goes before it once the list has laid it out
        self.summary_row = summary_row
        self.list = FilteredTable(self.model, self.proxy, noun="invoice", statuses=STATUS_CHOICES,
                                  placeholder=translate("InvoicesSection", "Search invoices"),
                                              object_name="invoicesTable", parent=self)
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        self.page = InvoicePage(self)
        self._stack(self.heading, self.summary)
        self.listing.layout().replaceWidget(self.summary, summary_row)
        # One line beside it: wrapped, the summary was laid out as narrow as its words allow ("1 overdue · $10.00 /
        # due") next to the other currencies'. A line too long for the window ends in "…".
        self.summary.setWordWrap(False)
        row.insertWidget(0, self.summary)
        summary_row.hide()
        self.page.order_chosen.connect(lambda oid: self.navigate.emit("orders", {"order": oid}))
        self.page.help_requested.connect(lambda fields: self.navigate.emit("support", {"new_ticket": fields}))
        self.pay_due = PayDueBar(self.table, self.proxy, self)
        self.table.row_actions.append(self.pay_due.add_row_action)
        self.pay_due.pay_requested.connect(self.pay_invoices_requested)
        self.listing.layout().insertWidget(2, self.pay_due)      # under the summary, over the table
        self.export_button = ExportButton(("invoices", "payments", "pdfs"), self.list.filters)
        self.export_button.chosen.connect(self.export_requested)
        self.list.filters.layout().addWidget(self.export_button)     # after the search field
        self._reading_order((self.pay_due.pay_all, self.pay_due.pay_selected), (self.export_button,))

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        self.page.help_button.setVisible(data.tickets_enabled)     # "Get help with this" needs tickets on
        if self.page_open:
            row = next((r for r in data.invoices if str(r.get("id")) == self.page.invoice_id), None)
            if row is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            elif row.get("updated_at") != self.page.invoice.get("updated_at"):
                self.page.show_invoice({**self.page.invoice, **row}, data)
                self.invoice_opened.emit(self.page.invoice_id)      # changed on the panel: read it again
        if self.scope == ACCOUNT:
            self._show_account(data)

    def _show_account(self, data: AccountData) -> None:
        places = data.places
        self._refill(invoice_columns(data.money, places),
                     lambda: self.model.set_invoices(data.invoices, data.money, places, data.invoice_facts.shown))
        synced = not data.never_synced
        self.list.refresh(synced)
        shown = data.invoice_facts.shown
        self.summary.setText(unpaid_summary(data) if shown else "")
        self.summary.setVisible(synced and shown > 0)
        self._mark_overdue(data.invoice_facts.overdue > 0, shown)
        also = also_due(data) if synced and shown else ""
        self.due_elsewhere.setText(translate("InvoicesSection", "· {also}").format(also=also) if also else "")
        self.due_elsewhere.setVisible(bool(also))
        self.summary_row.setVisible(not self.summary.isHidden())
        self.pay_due.show_rows(data)

    def _show_everything(self, everything: AccountsRows) -> None:
        columns = all_accounts_columns(invoice_columns, everything.data_of)
        self._refill(columns, lambda: self.model.feed(everything.invoices, columns))
        self.list.refresh(bool(everything.synced))
        self.summary.setText(unpaid_summary_all(everything))
        self.summary.setVisible(bool(everything.synced))
        self.due_elsewhere.hide()               # every currency is in the summary's own figure here
        self.summary_row.setVisible(not self.summary.isHidden())
        self.pay_due.show_rows(None)       # one payment is one account's
        self._mark_overdue(any(data.invoice_facts.overdue for _name, data in everything.billed),
                           len(everything.invoices))

    def _mark_overdue(self, overdue: bool, count: int) -> None:
        role = "error" if overdue else "subtitle"
        if self.summary.property("role") != role:
            self.summary.setProperty("role", role)
            self.summary.style().unpolish(self.summary)       # the theme colours [role=error] in red
            self.summary.style().polish(self.summary)
        self.summary.setAccessibleDescription(translate("InvoicesSection", "%n invoice(s)", None, count))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("invoice"):
            self.open_invoice(str(filters["invoice"]))
            return
        super().apply_filter(filters)

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
