"""Orders: every order of the account (number, date, status, total, its invoice), each opening its page; an order
not paid yet says so in the list and on its page. Also `RecentOrders`, the dashboard's short list of the newest."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedLayout, QVBoxLayout, QWidget

from app.core.account_data import AccountData
from app.core.formatting import format_date
from app.core.status_words import status_word
from app.core.text import translate
from app.models.orders import OrderTableModel, awaiting_payment, invoice_of, order_proxy

from .filtered_table import FilteredTable
from .labels import heading, muted, styled, subtitle
from .order_page import OrderPage
from .scope import set_widths
from .section import Section

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All orders"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Active"), "active"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Awaiting approval"), "awaiting_approval"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Cancelled"), "cancelled"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Refunded"), "refunded"),
]
RECENT = 3          # the dashboard's few lines; the Orders screen has the rest


def unpaid_orders(data: AccountData) -> list[dict]:
    return [o for o in data.orders if awaiting_payment(o, invoice_of(o, data.invoices))]


class OrdersSection(Section):
    key = "orders"
    title = QT_TRANSLATE_NOOP("Sections", "Orders")
    order_opened = Signal(str)       # an order's page opened (order id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersSection")
        self.data: AccountData | None = None
        self.model = OrderTableModel(self)
        self.proxy = order_proxy(self)
        self.heading = heading(translate("OrdersSection", "Orders"))
        self.summary = subtitle(object_name="ordersSummary")
        self.list = FilteredTable(self.model, self.proxy, noun="order", statuses=STATUS_CHOICES,
                                  placeholder=translate("OrdersSection", "Search orders"),
                                              object_name="ordersTable", parent=self)
        self.list.set_empty_text("none", translate("OrdersSection", "No orders yet"),
                                 translate("OrdersSection", "What you buy in the store will appear here."),
                                 translate("OrdersSection", "Browse the store"))
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
        count = len(unpaid)
        self.summary.setText(translate("OrdersSection", "%n order(s) not paid yet: open one to complete its payment "
                                                        "or cancel it.", None, count) if unpaid else "")
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


class RecentOrders(QWidget):
    """The newest orders as a short list of links, an unpaid one saying so; `order_chosen(id)` opens one."""

    order_chosen = Signal(str)
    all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentOrders")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        self.none = muted(translate("RecentOrders", "No orders yet."), "recentOrdersNone")
        all_button = styled(QPushButton(translate("RecentOrders", "All orders →"),
                                        objectName="allOrdersButton"), kind="ghost")
        all_button.clicked.connect(self.all_requested)
        top = QHBoxLayout()
        top.addWidget(heading(translate("RecentOrders", "Recent orders"), "sectionHeading"), 1)
        top.addWidget(all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self.rows)
        layout.addWidget(self.none)
        self.buttons: list[QPushButton] = []

    def set_orders(self, data: AccountData) -> None:
        for button in self.buttons:
            button.hide()
            button.deleteLater()
        self.buttons = []
        for order in data.orders[:RECENT]:
            unpaid = awaiting_payment(order, invoice_of(order, data.invoices))
            status = translate("RecentOrders", "not paid") if unpaid else status_word(order.get("status")).lower()
            text = " · ".join(p for p in (order.get("order_number"), format_date(order.get("created_at")), status,
                                          data.money(order.get("total")) if order.get("total") is not None else "")
                              if p)
            button = styled(QPushButton(text, objectName="recentOrderButton"), kind="ghost",
                            role="error" if unpaid else "")
            button.setProperty("order_id", str(order.get("id")))
            button.clicked.connect(lambda _checked=False, oid=str(order.get("id")): self.order_chosen.emit(oid))
            self.rows.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        self.none.setVisible(not self.buttons)
