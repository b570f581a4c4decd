"""Orders: every order of the account (number, date, status, total, its invoice), each opening its page; an order
not paid yet says so in the list and on its page. (The dashboard's short list of the newest is
`app.views.recent_orders`.)"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedLayout, QVBoxLayout, QWidget

from app.core.account_data import AccountData
from app.models.orders import OrderTableModel, awaiting_payment, invoice_of, order_proxy

from .filtered_table import FilteredTable
from .labels import heading, subtitle
from .order_page import OrderPage
from .scope import set_widths
from .section import Section

STATUS_CHOICES: list[tuple[str, str | None]] = [
    ("All orders", None),
    ("Pending", "pending"),
    ("Active", "active"),
    ("Awaiting approval", "awaiting_approval"),
    ("Cancelled", "cancelled"),
    ("Refunded", "refunded"),
]


def unpaid_orders(data: AccountData) -> list[dict]:
    return [o for o in data.orders if awaiting_payment(o, invoice_of(o, data.invoices))]


class OrdersSection(Section):
    key = "orders"
    title = "Orders"
    order_opened = Signal(str)       # an order's page opened (order id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersSection")
        self.data: AccountData | None = None
        self.model = OrderTableModel(self)
        self.proxy = order_proxy(self)
        self.heading = heading("Orders")
        self.summary = subtitle(object_name="ordersSummary")
        self.list = FilteredTable(self.model, self.proxy, noun="order", statuses=STATUS_CHOICES,
                                  placeholder="Search orders", object_name="ordersTable", parent=self)
        self.list.set_empty_text("none", "No orders yet", "What you buy in the store will appear here.",
                                 "Browse the store")
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        self.list.table.activated.connect(self._open_index)
        set_widths(self.list.table, self.model, {"order_number": 150, "created_at": 130, "status": 150})
        self.page = OrderPage(self)
        self.page.back_requested.connect(self.show_list)
        self.page.invoice_chosen.connect(lambda iid: self.navigate.emit("invoices", {"invoice": iid}))
        self.page.service_chosen.connect(lambda sid: self.navigate.emit("services", {"service": sid}))
        self.listing = QWidget(self)
        list_layout = QVBoxLayout(self.listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addWidget(self.heading)
        list_layout.addWidget(self.summary)
        list_layout.addWidget(self.list, 1)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.listing)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(self.stack, 1)
        self.summary.hide()

    @property
    def page_open(self) -> bool:
        return self.stack.currentWidget() is self.page

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        if self.page_open:
            order = next((o for o in data.orders if str(o.get("id")) == self.page.order_id), None)
            if order is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            else:
                self.page.show_order(order, data)
        self.model.set_orders(data.orders, data.invoices, data.money, data.places)
        self.list.refresh(not data.never_synced)
        unpaid = unpaid_orders(data)
        self.summary.setText(f"{len(unpaid)} order{'s' if len(unpaid) != 1 else ''} not paid yet: open one to "
                             "complete its payment or cancel it." if unpaid else "")
        self.summary.setVisible(bool(unpaid))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("order"):
            self.open_order(str(filters["order"]))
            return
        self.show_list()
        self.list.apply_filter(filters)

    def open_order(self, order_id: str) -> bool:
        data = self.data
        order = next((o for o in (data.orders if data else []) if str(o.get("id")) == order_id), None)
        if order is None or data is None:
            return False
        self.page.show_order(order, data)
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.order_opened.emit(order_id)
        return True

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.listing)

    def _open_index(self, index) -> None:
        row = self.list.proxy.row(index.row())
        if row and row.get("id") is not None:
            self.open_order(str(row["id"]))
