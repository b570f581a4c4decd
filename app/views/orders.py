"""Orders: every order of the account, or of every account (number, date, status, total, its invoice), each opening
its page; an order not paid yet says so in the list and on its page. (The dashboard's short list of the newest is
`app.views.recent_orders`.)"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from app.core.account_data import AccountData
from app.core.text import translate
from app.models.all_accounts import AccountsRows, all_accounts_columns
from app.models.orders import (
    SEARCH_KEYS,
    OrderTableModel,
    awaiting_payment,
    invoice_of,
    order_columns,
    order_proxy,
)

from .filtered_table import FilteredTable
from .labels import heading, subtitle
from .list_section import ListWithPage, across, with_account
from .order_page import OrderPage
from .scope import ACCOUNT

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All orders"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Active"), "active"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Awaiting approval"), "awaiting_approval"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Cancelled"), "cancelled"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Refunded"), "refunded"),
]


def unpaid_orders(data: AccountData) -> list[dict]:
    return [o for o in data.orders if awaiting_payment(o, invoice_of(o, data.invoices))]


def unpaid_rows(rows: list[dict]) -> int:
    """Orders waiting for payment among rows that carry their invoice's status (`with_invoices`)."""
    return sum(1 for row in rows if awaiting_payment(
        row, {"status": row.get("invoice_status")} if row.get("invoice_status") else None))


def unpaid_text(unpaid: int) -> str:
    return translate("OrdersSection", "%n order(s) not paid yet: open one to complete its payment or cancel it.",
                     None, unpaid) if unpaid else ""


class OrdersSection(ListWithPage):
    key = "orders"
    title = QT_TRANSLATE_NOOP("Sections", "Orders")
    order_opened = Signal(str)       # an order's page opened (order id)
    noun = "order"
    column_widths = {"order_number": 150, "created_at": 130, "status": 150, "invoice_number": 140}
    all_column_widths = {"account": 140, "order_number": 140, "created_at": 120, "status": 150,
                         "invoice_number": 140}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersSection")
        self.none_text = (self.tr("No orders yet"), self.tr("What you buy in the store will appear here."),
                          self.tr("Browse the store"))
        self.model = OrderTableModel(self)
        self.proxy = order_proxy(self)
        self.proxy.set_search_keys(with_account(SEARCH_KEYS))
        self.heading = heading(self.tr("Orders"))
        self.summary = subtitle(object_name="ordersSummary")
        self.list = FilteredTable(self.model, self.proxy, noun="order", statuses=STATUS_CHOICES,
                                  placeholder=self.tr("Search orders"), object_name="ordersTable", parent=self)
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        self.page = OrderPage(self)
        self.page.invoice_chosen.connect(lambda iid: self.navigate.emit("invoices", {"invoice": iid}))
        self.page.service_chosen.connect(lambda sid: self.navigate.emit("services", {"service": sid}))
        self._stack(self.heading, self.summary)

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        if self.page_open:
            order = next((o for o in data.orders if str(o.get("id")) == self.page.order_id), None)
            if order is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            else:
                self.page.show_order(order, data)
        if self.scope == ACCOUNT:
            self._show_account(data)

    def _show_account(self, data: AccountData) -> None:
        places = data.places
        self._refill(order_columns(data.money, places),
                     lambda: self.model.set_orders(data.orders, data.invoices, data.money, places))
        self.list.refresh(not data.never_synced)
        unpaid = len(unpaid_orders(data))
        self.summary.setText(unpaid_text(unpaid))
        self.summary.setVisible(bool(unpaid))

    def _show_everything(self, everything: AccountsRows) -> None:
        columns = all_accounts_columns(order_columns, everything.data_of)
        self._refill(columns, lambda: self.model.feed(everything.orders, columns))
        self.list.refresh(bool(everything.synced))
        unpaid = unpaid_rows(everything.orders)
        self.summary.setText(across(everything, unpaid_text(unpaid)))
        self.summary.setVisible(bool(everything.synced))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("order"):
            self.open_order(str(filters["order"]))
            return
        super().apply_filter(filters)

    # -- the order page -------------------------------------------------------------------------------------------
    def open_order(self, order_id: str) -> bool:
        data = self.data
        order = next((o for o in (data.orders if data else []) if str(o.get("id")) == order_id), None)
        if order is None or data is None:
            return False
        self.page.show_order(order, data)
        self._show_page()
        self.order_opened.emit(order_id)
        return True

    def open_row(self, row_id: str) -> bool:
        return self.open_order(row_id)
