"""The dashboard's short list of the newest orders, each a link to its page, an unpaid one saying so. A module of
its own so the dashboard, the screen a start shows first, does not load the Orders screen (its table, its pages)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.core.account_data import AccountData
from app.core.formatting import format_date
from app.core.text import translate
from app.models.orders import awaiting_payment, invoice_of, order_status_text
from app.models.row_money import own_currency_money

from .labels import DataButton, heading, muted, styled

RECENT = 3          # the dashboard's few lines; the Orders screen has the rest


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
            invoice = invoice_of(order, data.invoices)
            unpaid = awaiting_payment(order, invoice)
            # the Orders list's own words ("Active", "Awaiting payment"), not a lowercased variant of them
            status = order_status_text(order, invoice)
            total = own_currency_money(data.money, order)(order["total"]) if order.get("total") is not None else ""
            text = " · ".join(p for p in (order.get("order_number"), format_date(order.get("created_at")), status,
                                          total) if p)
            button = styled(DataButton(text, objectName="recentOrderButton"), kind="ghost",
                            role="error" if unpaid else "")
            button.setProperty("order_id", str(order.get("id")))
            button.clicked.connect(lambda _checked=False, oid=str(order.get("id")): self.order_chosen.emit(oid))
            self.rows.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        self.none.setVisible(not self.buttons)
