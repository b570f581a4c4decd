"""One invoice: its lines, discount, tax breakdown, credits applied and payments; pay it or save it as a PDF.

Shown inside the Invoices screen. The list row is shown at once; the detail (lines, payments) comes from the cache
once it was fetched, else from the panel.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.formatting import NO_VALUE, format_date, format_datetime, number_text
from app.core.formatting import rate_text as format_rate
from app.core.money import parse_money
from app.core.status_words import status_word
from app.core.text import translate
from app.models.plain_text import PLAIN
from app.models.row_money import own_currency_money
from app.models.table import RIGHT, Column, RowTableModel

from .badges import set_chip
from .filtered_table import make_table
from .invoice_document import gateway_paid, line_cycle
from .invoice_pdf import suggested_path
from .labels import DataButton, ask, emphasise, heading, muted, styled
from .page_parts import RecordPage
from .rows_height import fit_to_rows
from .shapes import obj, objs

PAYABLE = frozenset({"pending", "overdue"})


def _amount(value) -> Decimal:
    try:
        return parse_money(value)
    except (TypeError, ValueError):
        return Decimal(0)


def tax_text(invoice: dict, money) -> str:
    """"20% VAT added: €2.00", "20% included: €1.67", or that there is none."""
    rate = invoice.get("tax_rate")
    amount = invoice.get("tax_amount")
    if rate in (None, "") or _amount(rate) == 0:
        return translate("InvoicePage", "No tax") if _amount(amount) == 0 else money(amount)
    rate_text = format_rate(rate)
    if invoice.get("tax_inclusive"):
        return translate("InvoicePage", "{amount} ({rate}, included in the prices)").format(amount=money(amount),
                                                                                          rate=rate_text)
    return translate("InvoicePage", "{amount} ({rate}, added)").format(amount=money(amount), rate=rate_text)


def _quantity(value) -> str:
    try:
        return number_text(int(value or 1))
    except (TypeError, ValueError):
        return str(value)


def line_columns(money, name: str = "description", title: str | None = None) -> list[Column]:
    """The columns of priced lines: what (`name`, headed `title`), cycle, quantity, unit price, amount. An
    invoice's lines and an order's items share them."""
    return [
        Column(name, title or translate("Columns", "Description"), display=lambda r: r.get(name) or NO_VALUE),
        Column("billing_cycle", translate("Columns", "Cycle"), display=lambda r: line_cycle(r) or NO_VALUE),
        Column("quantity", translate("Columns", "Qty"), display=lambda r: _quantity(r.get("quantity")),
               alignment=RIGHT),
        Column("unit_price",
               translate("Columns", "Unit price"), display=lambda r: money(r.get("unit_price")), alignment=RIGHT),
        Column("amount", translate("Columns", "Amount"), display=lambda r: money(r.get("amount")), alignment=RIGHT),
    ]


def payment_columns(money) -> list[Column]:
    return [
        Column("created_at", translate("Columns", "Date"), display=lambda r: format_datetime(r.get("created_at"))),
        Column("method", translate("Columns", "Method"), display=lambda r: status_word(r.get("method"))),
        Column("status", translate("Columns", "Status"), display=lambda r: status_word(r.get("status"))),
        Column("reference", translate("Columns", "Reference"), display=lambda r: r.get("reference") or NO_VALUE),
        Column("amount", translate("Columns", "Amount"), display=lambda r: money(r.get("amount")), alignment=RIGHT),
    ]


class InvoicePage(RecordPage):
    pay_requested = Signal(str)           # invoice id
    cancel_top_up_requested = Signal(str)  # invoice id of an unpaid credit top-up, after the buyer confirmed
    pdf_requested = Signal(str, str)      # invoice id, file path
    print_requested = Signal(str, object)  # invoice id, the QPrinter the print dialog set up
    order_chosen = Signal(str)            # order id: open the order this invoice bills
    help_requested = Signal(dict)         # a new support ticket about it: {invoice_id, subject, department}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("invoicePage", translate("InvoicePage", "← All invoices"), parent)
        self.invoice: dict = {}
        self.panel_name = ""
        self.pay_button = styled(QPushButton(translate("InvoicePage", "Pay…"), objectName="payButton"), kind="primary")
        self.pdf_button = QPushButton(translate("InvoicePage", "Save as PDF…"), objectName="pdfButton")
        # A top-up left at the gateway stays due until paid or cancelled (top-ups never become overdue).
        self.cancel_top_up_button = QPushButton(translate("InvoicePage", "Cancel top-up…"),
                                                objectName="cancelTopUpButton")
        self.cancel_top_up_button.clicked.connect(lambda: self._cancel_top_up())
        self.confirm_cancel_top_up: Callable[[str], bool] = self._ask_cancel_top_up    # tests replace it
        self.pay_button.clicked.connect(lambda: self._pay())
        self.pdf_button.clicked.connect(lambda: self.ask_pdf_path())
        self.print_button = QPushButton(self.tr("Print…"), objectName="printButton")
        self.print_button.clicked.connect(lambda: self.ask_print())
        # Asks the user about `printer` (True: print); replaceable so a test can print without a modal dialog.
        self.print_dialog: Callable[[QPrinter], bool] = self._print_dialog
        self.order_button = styled(DataButton(objectName="invoiceOrderButton"), kind="ghost")
        self.order_button.clicked.connect(lambda: self.order_id and self.order_chosen.emit(self.order_id))
        self.order_button.hide()
        self.order_id = ""
        self.help_button = styled(QPushButton(translate("InvoicePage", "Get help with this"),
                                              objectName="helpButton"), kind="ghost")
        self.help_button.setToolTip(translate("InvoicePage", "Opens a new support ticket about this invoice."))
        self.help_button.clicked.connect(self._emit_help)
        self.title_row.addWidget(self.help_button)
        self.title_row.addWidget(self.print_button)
        self.title_row.addWidget(self.pdf_button)
        self.title_row.addWidget(self.pay_button)
        self.dates = muted(object_name="invoiceDates")

        self.lines_model = RowTableModel(line_columns(str), self)
        self.lines = make_table(self, "invoiceLinesTable", self.lines_model, sortable=False)
        self.lines.setAccessibleName(translate("InvoicePage", "Invoice lines"))
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.horizontalHeader().setStretchLastSection(False)
        for column in range(1, 5):
            self.lines.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.setWordWrap(True)

        self.totals = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True)
        form = QFormLayout(self.totals)
        form.setContentsMargins(20, 12, 20, 12)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("subtotal", translate("InvoicePage", "Subtotal")),
                           ("discount", translate("InvoicePage", "Discount")),
                           ("tax", translate("InvoicePage", "Tax")),
                           ("total", translate("InvoicePage", "Total")),
                           # amount_paid counts credits too: the two parts of it, so credits next to an equal
                           # "amount paid" no longer read as an invoice paid twice
                           ("credits", translate("InvoicePage", "Paid with credits")),
                           ("gateway", translate("InvoicePage", "Paid by card or PayPal")),
                           ("balance", translate("InvoicePage", "Balance due"))):
            value = QLabel(objectName=f"total_{key}", alignment=Qt.AlignmentFlag.AlignRight, textFormat=PLAIN)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            name = muted(label)
            if key in ("total", "balance"):     # the sums a reader looks for, bold as in the cart's totals
                emphasise(name)
                emphasise(value)
            form.addRow(name, value)

        self.payments_title = heading(translate("InvoicePage", "Payment history"), "sectionHeading")
        self.payments_model = RowTableModel(payment_columns(str), self)
        self.payments = make_table(self, "invoicePaymentsTable", self.payments_model, sortable=False)
        self.payments.setAccessibleName(translate("InvoicePage", "Payment history"))
        self.payments_note = muted(object_name="paymentsNote")

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(heading(translate("InvoicePage", "Items"), "sectionHeading"))
        body_layout.addWidget(self.lines)
        body_layout.addWidget(self.totals)
        body_layout.addWidget(self.payments_title)
        body_layout.addWidget(self.payments)
        body_layout.addWidget(self.payments_note)
        body_layout.addStretch(1)
        fit_to_rows(self.lines, max_rows=8)
        fit_to_rows(self.payments, max_rows=6)
        # The order link and a top-up's Cancel sit with the dates, not among the actions: the title row keeps room
        # for the title and its buttons in a 1000-pixel window, in the longer languages too.
        dates_row = QWidget(self)
        dates_layout = QHBoxLayout(dates_row)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.dates)
        dates_layout.addWidget(self.order_button)
        dates_layout.addStretch(1)
        dates_layout.addWidget(self.cancel_top_up_button)
        self.lay_out(body, dates_row)

    @property
    def invoice_id(self) -> str:
        return str(self.invoice.get("id") or "")

    @property
    def has_detail(self) -> bool:
        return "lines" in self.invoice

    def _emit_help(self) -> None:
        number = self.invoice.get("invoice_number")
        subject = (translate("InvoicePage", "Question about invoice {number}").format(number=number) if number
                   else translate("InvoicePage", "Question about my invoice"))
        self.help_requested.emit({"invoice_id": self.invoice_id, "subject": subject, "department": "billing"})

    def show_invoice(self, invoice: dict, data: AccountData) -> None:
        if str(invoice.get("id")) != self.invoice_id:
            self.open_new_record()
        self.invoice = invoice
        self.panel_name = obj(data.public_settings).get("panel_name") or ""
        money = own_currency_money(data.money, invoice)     # an invoice in euros on a dollar account: euros
        self.title.setText(translate("InvoicePage", "Invoice {number}").format(
            number=invoice.get("invoice_number") or "").strip())
        self.help_button.setVisible(data.tickets_enabled)
        set_chip(self.chip, invoice.get("status"))
        parts = [translate("InvoicePage", "Issued {date}").format(date=format_date(invoice.get("issue_date"))),
                 translate("InvoicePage", "due {date}").format(date=format_date(invoice.get("due_date")))]
        if invoice.get("paid_at"):
            parts.append(translate("InvoicePage", "paid {date}").format(date=format_date(invoice.get("paid_at"))))
        self.dates.setText(" · ".join(parts))
        self._show_order(invoice, data)
        self.lines_model.set_rows(objs(invoice.get("lines")), line_columns(money))
        self.payments_model.set_rows(objs(invoice.get("payments")), payment_columns(money))
        discount = invoice.get("discount")
        code = invoice.get("coupon_code")
        self.fields["subtotal"].setText(money(invoice.get("subtotal")))
        discounted = money(-_amount(discount)) if _amount(discount) else money("0")
        self.fields["discount"].setText(translate("InvoicePage", "{amount} (coupon {code})").format(
            amount=discounted, code=code) if code else discounted)
        self.fields["tax"].setText(tax_text(invoice, money) if self.has_detail else money(invoice.get("tax_amount")))
        self.fields["total"].setText(money(invoice.get("total")))
        self.fields["credits"].setText(money(invoice.get("credits_applied") or "0"))
        self.fields["gateway"].setText(money(gateway_paid(invoice)))
        self.fields["balance"].setText(money(invoice.get("balance_due") or "0"))
        payments = len(objs(invoice.get("payments")))
        self.payments_note.setText(translate("InvoicePage", "Loading the invoice's details…") if not self.has_detail
                                   else translate("InvoicePage", "No payments yet.") if not payments else "")
        self.payments_note.setVisible(bool(self.payments_note.text()))
        self.payments.setVisible(payments > 0)      # an empty table's headers over "No payments yet." said it twice
        self.refresh_actions()

    def _show_order(self, invoice: dict, data: AccountData) -> None:
        """"Order ORD-…" when the invoice bills an order the account has."""
        invoice_id = str(invoice.get("id") or "")
        order = next((o for o in data.orders if str(o.get("id")) == str(invoice.get("order_id") or "")
                      or (invoice_id and str(o.get("invoice_id") or "") == invoice_id)), None)
        self.order_id = str(order.get("id")) if order else ""
        self.order_button.setText(translate("InvoicePage", "Order {number}").format(number=order.get("order_number"))
                                  if order else "")
        self.order_button.setVisible(order is not None)

    def detail_missing_offline(self) -> None:
        self.payments_note.setText(
            translate("InvoicePage", "The lines and payments of this invoice were never downloaded; sign in again "
                                     "to see them.") if self.signed_out
            else translate("InvoicePage", "The lines and payments of this invoice were never downloaded; connect to "
                                          "the panel to see them."))
        self.payments_note.show()

    def _update_actions(self) -> None:
        payable = self.invoice.get("status") in PAYABLE and self.invoice.get("kind") != "draft"
        self.pay_button.setVisible(payable)
        self.cancel_top_up_button.setVisible(self.cancellable_top_up)
        self.enable_panel_actions(self.pay_button, self.cancel_top_up_button)
        self.pdf_button.setEnabled(self.has_detail)
        self.print_button.setEnabled(self.has_detail)
        self.pdf_button.setToolTip("" if self.has_detail
                                   else translate("InvoicePage", "Available once the invoice's details are downloaded"))
        self.note_offline(payable, translate("InvoicePage", "Offline: paying needs a connection to the panel."))

    def _pay(self) -> None:
        if self.can_ask_panel and self.invoice.get("status") in PAYABLE:
            self.pay_requested.emit(self.invoice_id)

    @property
    def cancellable_top_up(self) -> bool:
        """A credit top-up nothing was paid for: the panel cancels it on request (docs/api.md)."""
        invoice = self.invoice
        return (invoice.get("kind") == "top_up" and invoice.get("status") == "pending"
                and parse_money(invoice.get("amount_paid") or 0) == 0)

    def _cancel_top_up(self) -> None:
        if self.can_ask_panel and self.cancellable_top_up and \
                self.confirm_cancel_top_up(str(self.invoice.get("invoice_number") or "")):
            self.cancel_top_up_requested.emit(self.invoice_id)

    def _ask_cancel_top_up(self, number: str) -> bool:
        question = translate("InvoicePage", "Cancel the credit top-up {number}? It will no longer be due, and a "
                                            "payment page left open for it will take no payment.")
        return ask(self, translate("InvoicePage", "Cancel the top-up?"), question.format(number=number))

    def _print_dialog(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print invoice"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_print(self) -> bool:
        """Ctrl+P or Print…: the print dialog, then the same document as the PDF on the printer chosen."""
        if not self.has_detail:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        number = self.invoice.get("invoice_number") or self.invoice_id
        printer.setDocName(self.tr("Invoice {number}").format(number=number))
        if not self.print_dialog(printer):
            return False
        self.print_requested.emit(self.invoice_id, printer)
        return True

    def ask_pdf_path(self) -> str:
        name = translate("InvoicePage", "Invoice {number}.pdf").format(
            number=self.invoice.get("invoice_number") or self.invoice_id)
        path, _ = QFileDialog.getSaveFileName(self, translate("InvoicePage", "Save invoice as PDF"),
                                              suggested_path(name), translate("InvoicePage", "PDF documents (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.pdf_requested.emit(self.invoice_id, path)
        return path
