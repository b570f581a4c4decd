"""The page shown instead of the billing screens when the panel has no billing: what happened and what to do."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.sync.resources import BILLING_OFF_REASON

from .theme import set_role


class BillingDisabledPage(QWidget):
    check_again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        mark = QLabel("!")
        mark.setObjectName("Illustration")
        mark.setFixedSize(72, 72)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("Billing is not available")
        set_role(self.title, "role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel(BILLING_OFF_REASON)
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.reason, "role", "subtitle")
        self.advice = QLabel(
            "The store, your services, invoices and credit appear here as soon as billing is on again. Your "
            "account is still connected, and Sett checks the panel at every sync. If you expected billing here, "
            "ask the panel's operator to enable the Billing Module.")
        self.advice.setWordWrap(True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.advice, "role", "muted")
        self.button = QPushButton("Check again")
        set_role(self.button, "kind", "primary")
        self.button.clicked.connect(self.check_again)

        card = QFrame()
        set_role(card, "card", True)
        card.setFixedWidth(560)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(14)
        inner.addWidget(mark, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.title)
        inner.addWidget(self.reason)
        inner.addWidget(self.advice)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)

        outer = QVBoxLayout(self)
        row = QHBoxLayout()      # stretches, not an alignment, so the wrapped text gets its full height
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_reason(self, panel_name: str | None, reason: str | None) -> None:
        where = panel_name or "this panel"
        self.title.setText(f"Billing is not available on {where}")
        self.reason.setText(reason or BILLING_OFF_REASON)
