"""One order: its number, date and status, its items, its invoice and its services. An order that was not paid
says so plainly and offers to complete the payment (its invoice's checkout) or to cancel it.

Shown inside the Orders screen; the screen's feature (app.features.orders) does the asking.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.formatting import NO_VALUE, format_datetime, resources_text
from app.core.status_words import status_word
from app.core.text import translate
from app.models.orders import awaiting_payment, invoice_of
from app.models.row_money import own_currency_money
from app.models.table import Column, RowTableModel

from .badges import set_chip
from .filtered_table import make_table
from .invoice_page import line_columns
from .labels import DataButton, ask, heading, literal, muted, styled
from .page_parts import RecordPage
from .rows_height import fit_to_rows
from .shapes import items, obj, obj_at, objs

CANCEL_QUESTION = QT_TRANSLATE_NOOP("Messages", "Cancel order {number}? Its invoice and the services it would have set "
                                   "up are cancelled, reserved stock is released and any credits applied to it go back "
                                   "to your balance. This cannot be undone.")


def item_text(item: dict, money) -> str:
    """"Cloud VPS Custom (4 GB RAM · 40 GB disk · 2 cores) + setup fee $10.00": the product as it was bought, with
    the sizes chosen for it and its one-time fee, which the line's amount includes (the unit price does not)."""
    text = str(item.get("product_name") or NO_VALUE)
    config = item.get("config")
    sizes = resources_text(config) if isinstance(config, dict) else ""
    if sizes:
        text = translate("OrderPage", "{product} ({sizes})").format(product=text, sizes=sizes)
    try:
        fee = Decimal(str(item.get("setup_fee") or "0"))
    except InvalidOperation:
        fee = Decimal(0)
    if fee > 0:       # the fee is per unit, like the price: the line's amount is (price + fee) x quantity
        several = str(item.get("quantity") or "1") not in ("1", "")
        words = (translate("OrderPage", "{product} + setup fee {amount} each") if several
                 else translate("OrderPage", "{product} + setup fee {amount}"))
        text = words.format(product=text, amount=money(item.get("setup_fee")))
    return text


def item_columns(money) -> list[Column]:
    columns = line_columns(money, "product_name", translate("Columns", "Product"))
    columns[0] = replace(columns[0], display=lambda item: item_text(item, money))
    return columns


# A button per service of the order, up to this many (an order of 100 x 5 items is 500 services; a panel's list
# of 100,000 ids would have frozen the page); Services lists every one.
SERVICES_LISTED = 50


class OrderPage(RecordPage):
    pay_requested = Signal(str)          # invoice id: complete the order's payment through its invoice
    cancel_requested = Signal(str)       # order id, after the buyer confirmed
    invoice_chosen = Signal(str)         # invoice id: open the order's invoice
    service_chosen = Signal(str)         # service id: open one of the order's services

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("orderPage", translate("OrderPage", "← All orders"), parent)
        self.order: dict = {}
        self.invoice: dict | None = None
        self.confirm_cancel: Callable[[str], bool] = self._ask_cancel     # tests replace it: no modal box
        self.pay_button = styled(QPushButton(translate("OrderPage", "Complete payment…"),
                                             objectName="completePaymentButton"), kind="primary")
        self.cancel_button = QPushButton(translate("OrderPage", "Cancel order…"), objectName="cancelOrderButton")
        self.pay_button.clicked.connect(lambda: self._pay())
        self.cancel_button.clicked.connect(lambda: self._cancel())
        self.title_row.addWidget(self.cancel_button)
        self.title_row.addWidget(self.pay_button)
        self.dates = muted(object_name="orderDates")
        self.unpaid = styled(muted(object_name="orderUnpaid", wrap=True), role="error")
        self.unpaid.hide()

        self.items_model = RowTableModel(item_columns(str), self)
        self.items = make_table(self, "orderItemsTable", self.items_model, sortable=False)
        self.items.setAccessibleName(translate("OrderPage", "Items"))
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setStretchLastSection(False)
        fit_to_rows(self.items, max_rows=8)
        self.totals = muted(object_name="orderTotals", wrap=True)

        self.invoice_button = styled(DataButton(objectName="orderInvoiceButton"), kind="ghost")
        self.invoice_button.clicked.connect(lambda: self._open_invoice())
        self.invoice_note = muted(object_name="orderInvoiceNote")
        self.services_box = QVBoxLayout()
        self.services_box.setSpacing(4)
        self.services_note = muted(translate("OrderPage", "No services yet."), "orderServicesNote")

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(heading(translate("OrderPage", "Items"), "sectionHeading"))
        body_layout.addWidget(self.items)
        body_layout.addWidget(self.totals)
        body_layout.addWidget(heading(translate("OrderPage", "Invoice"), "sectionHeading"))
        invoice_row = QHBoxLayout()
        invoice_row.addWidget(self.invoice_button)
        invoice_row.addWidget(self.invoice_note, 1)
        body_layout.addLayout(invoice_row)
        body_layout.addWidget(heading(translate("OrderPage", "Services"), "sectionHeading"))
        body_layout.addLayout(self.services_box)
        body_layout.addWidget(self.services_note)
        body_layout.addStretch(1)
        self.lay_out(body, self.dates, self.unpaid)

    @property
    def order_id(self) -> str:
        return str(self.order.get("id") or "")

    @property
    def awaiting_payment(self) -> bool:
        return bool(self.order) and awaiting_payment(self.order, self.invoice)

    def show_order(self, order: dict, data: AccountData) -> None:
        if str(order.get("id")) != self.order_id:
            self.open_new_record()
        self.order = order
        self.invoice = invoice_of(order, data.invoices)
        money = own_currency_money(data.money, order)      # an order in euros on a dollar account: euros
        number = order.get("order_number") or ""
        self.title.setText(translate("OrderPage", "Order {number}").format(number=number).strip())
        set_chip(self.chip, order.get("status"))
        placed = translate("OrderPage", "Placed {when}").format(when=format_datetime(order.get("created_at")))
        # Only an order whose payment went through was paid: a pending one waits for it, and only such an order can
        # be cancelled (the panel refuses a paid one), so a cancelled one never was.
        if order.get("payment_method") and order.get("status") not in ("pending", "cancelled"):
            placed = translate("OrderPage", "{placed} · paid by {method}").format(
                placed=placed, method=status_word(order.get("payment_method")))
        self.dates.setText(placed)
        self.items_model.set_rows(objs(order.get("items")), item_columns(money))
        parts = []
        if order.get("subtotal") is not None:
            parts.append(translate("OrderPage", "Subtotal {amount}").format(amount=money(order.get("subtotal"))))
        if order.get("discount") not in (None, "", "0", "0.00"):
            code = obj_at(order, "coupon").get("code")
            discount = money(order.get("discount"))
            text = (translate("OrderPage", "Discount -{amount} ({code})") if code
                    else translate("OrderPage", "Discount -{amount}"))
            parts.append(text.format(amount=discount, code=code))
        if order.get("tax_amount") not in (None, "", "0", "0.00"):
            parts.append(translate("OrderPage", "Tax {amount}").format(amount=money(order.get("tax_amount"))))
        if order.get("total") is not None:
            parts.append(translate("OrderPage", "Total {amount}").format(amount=money(order.get("total"))))
        self.totals.setText(" · ".join(parts))
        self._show_invoice(data)
        self._show_services(data)
        self.refresh_actions()

    def _show_invoice(self, data: AccountData) -> None:
        invoice = self.invoice
        has_id = bool(self.order.get("invoice_id"))
        self.invoice_button.setVisible(has_id)
        if invoice is not None:
            self.invoice_button.setText(translate("OrderPage", "Invoice {number}").format(
                number=invoice.get("invoice_number")))
            due = own_currency_money(data.money, invoice)(invoice.get("balance_due"))     # in the invoice's currency
            status = status_word(invoice.get("status"))
            self.invoice_note.setText(translate("OrderPage", "{status} · {amount} due").format(
                status=status, amount=due) if invoice.get("status") in ("pending", "overdue") else status)
        else:
            self.invoice_button.setText(translate("OrderPage", "Its invoice"))
            self.invoice_note.setText(translate("OrderPage", "Not synced yet.") if has_id
                                      else translate("OrderPage", "This order has no invoice."))
        if self.awaiting_payment:
            billed = invoice if invoice is not None and invoice.get("balance_due") else self.order
            due = own_currency_money(data.money, billed)(billed.get("balance_due") or self.order.get("total"))
            name = obj(invoice).get("invoice_number") or translate("OrderPage", "its invoice")
            self.unpaid.setText(translate("OrderPage", "This order is not paid: {amount} is still due on {invoice}. "
                                          "Complete the payment to have its services set up, or cancel the order.")
                                .format(amount=due, invoice=name))
        self.unpaid.setVisible(self.awaiting_payment)

    def _show_services(self, data: AccountData) -> None:
        while self.services_box.count():
            widget = self.services_box.takeAt(0).widget()
            if widget is not None:
                widget.hide()       # out of the layout it is still painted where it was, over its successor
                widget.deleteLater()
        services = {str(s.get("id")): s for s in data.services}
        ids = [str(i) for i in items(self.order.get("service_ids"))]
        for service_id in ids[:SERVICES_LISTED]:
            service = services.get(service_id) or {}
            name = (obj_at(service, "product").get("name") or service.get("product_name")
                    or translate("OrderPage", "Service {id}").format(id=service_id))
            status = status_word(service.get("status")) if service else translate("OrderPage", "not synced yet")
            button = styled(DataButton(f"{literal(name)} · {status}", objectName="orderServiceButton"), kind="ghost")
            button.clicked.connect(lambda _checked=False, sid=service_id: self.service_chosen.emit(sid))
            self.services_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        more = len(ids) - SERVICES_LISTED
        self.services_note.setText(translate("OrderPage", "No services yet.") if not ids else translate(
            "OrderPage", "…and %Ln more: Services lists them all.", None, more))
        self.services_note.setVisible(not ids or more > 0)

    def _update_actions(self) -> None:
        unpaid = self.awaiting_payment
        self.pay_button.setVisible(unpaid and bool(self.order.get("invoice_id")))
        self.cancel_button.setVisible(unpaid)
        self.enable_panel_actions(self.pay_button, self.cancel_button)
        self.note_offline(unpaid, translate("OrderPage", "Offline: paying or cancelling needs a connection to the "
                                                         "panel."))

    # -- the buyer's actions --------------------------------------------------------------------------------------
    def _pay(self) -> None:
        if self.can_ask_panel and self.awaiting_payment and self.order.get("invoice_id"):
            self.pay_requested.emit(str(self.order["invoice_id"]))

    def _cancel(self) -> None:
        if not (self.can_ask_panel and self.awaiting_payment):
            return
        if self.confirm_cancel(str(self.order.get("order_number") or "")):
            self.cancel_requested.emit(self.order_id)

    def _open_invoice(self) -> None:
        if self.order.get("invoice_id"):
            self.invoice_chosen.emit(str(self.order["invoice_id"]))

    def _ask_cancel(self, number: str) -> bool:
        return ask(self, translate("OrderPage", "Cancel the order?"),
                   translate("Messages", CANCEL_QUESTION).format(number=number))
