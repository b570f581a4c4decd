"""Cart: for now only its empty state, which leads to the store.

The real cart (items kept in the cache, the panel's preview, coupons, checkout) comes with the store issue;
until then there is nothing to put in it, so the screen is honest about being empty.
"""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.snapshot import AccountData

from .badges import EmptyState, heading
from .section import Section


class CartSection(Section):
    key = "cart"
    title = "Cart"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartSection")
        self.heading = heading("Cart")
        self.empty = EmptyState(self)
        self.empty.show_state("Your cart is empty", "Plans you choose in the store will appear here.",
                              "Browse the store")
        self.empty.action_clicked.connect(lambda: self.navigate.emit("store", {}))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty, 1)

    def show_data(self, data: AccountData) -> None:
        """Nothing of the account shows here yet (see the module's docstring)."""
