"""Credits: the account's credit balance and every change to it, with the balance after each."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedLayout, QVBoxLayout, QWidget

from app.models.transactions import TransactionTableModel
from app.snapshot import AccountData

from .badges import EmptyState, emphasise, heading, make_table, muted, styled
from .formatting import count_text
from .section import Section


def credits_enabled(data: AccountData) -> bool:
    if data.credits.get("enabled") is False:
        return False
    return data.billing_config.get("credits_enabled", True) is not False


def credit_balance(data: AccountData) -> str | None:
    """The balance as the panel last reported it: /billing/credits, else the dashboard, else the newest entry."""
    for value in (data.credits.get("balance"), data.dashboard.get("credit_balance")):
        if value is not None:
            return value
    if data.credit_transactions:
        return data.credit_transactions[0].get("balance_after")   # listed newest first
    return None


def top_up_gateways(data: AccountData) -> bool:
    """Whether the panel takes top-ups: they are paid through a gateway, never with credits."""
    gateways = data.billing_config.get("gateways") or {}
    return any((gateways.get(name) or {}).get("enabled") for name in ("stripe", "paypal"))


class CreditsSection(Section):
    key = "credits"
    title = "Credits"
    top_up_requested = Signal(str)     # the amount, a decimal string in the account's places

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditsSection")
        self.model = TransactionTableModel(self)
        self.heading = heading("Credits")

        self.balance_card = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True)
        self.balance_caption = muted("Credit balance", "cardTitle")
        self.balance = emphasise(styled(QLabel(objectName="cardValue"), role="metric"), 1.8)
        self.balance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.balance_note = muted("Credit is applied automatically to new orders and renewals.", "cardCaption",
                                  wrap=True)
        card = QVBoxLayout(self.balance_card)
        card.setContentsMargins(20, 16, 20, 16)
        card.setSpacing(4)
        card.addWidget(self.balance_caption)
        card.addWidget(self.balance)
        card.addWidget(self.balance_note)
        self.online = True
        self.top_up_amount = QLineEdit(objectName="topUpAmount", placeholderText="Amount")
        self.top_up_amount.setMaximumWidth(140)
        self.top_up_amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,9}([.,]\d{0,4})?"),
                                                                    self.top_up_amount))
        self.top_up_button = styled(QPushButton("Top up…", objectName="topUpButton"), kind="primary")
        self.top_up_button.clicked.connect(self._top_up)
        self.top_up_amount.returnPressed.connect(self._top_up)
        self.top_up_amount.textChanged.connect(lambda _t: self._update_top_up())
        self.top_up_message = muted(object_name="topUpMessage", wrap=True)
        self.top_up_row = QWidget(self.balance_card)
        row = QHBoxLayout(self.top_up_row)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.top_up_amount)
        row.addWidget(self.top_up_button)
        row.addWidget(self.top_up_message, 1)
        card.addWidget(self.top_up_row)

        self.history_title = heading("History", "sectionHeading")
        self.table = make_table(self, "transactionsTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().resizeSection(2, 280)
        self.count = muted(object_name="sectionCount")
        self.empty = EmptyState(self)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(12)
        content.addWidget(self.balance_card)
        content.addWidget(self.history_title)
        content.addLayout(self.stack, 1)
        content.addWidget(self.count)
        self.page_empty = EmptyState(self)
        self.pages = QStackedLayout()
        self.pages.addWidget(self.content)
        self.pages.addWidget(self.page_empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(self.pages, 1)
        self.page_empty.show_state("Not synced yet", "Connect to the panel to see your credit balance.")
        self.pages.setCurrentWidget(self.page_empty)

    def show_data(self, data: AccountData) -> None:
        places = int(data.currency.get("places", 2))
        self.model.set_transactions(data.credit_transactions, data.money, places)
        if data.never_synced:
            self.page_empty.show_state("Not synced yet", "Connect to the panel to see your credit balance.")
            self.pages.setCurrentWidget(self.page_empty)
            return
        if not credits_enabled(data):
            self.page_empty.show_state("Credits are not available",
                                       "This panel does not keep a credit balance for accounts.")
            self.pages.setCurrentWidget(self.page_empty)
            return
        self.pages.setCurrentWidget(self.content)
        self.places = int(data.currency.get("places", 2))
        self.top_up_row.setVisible(top_up_gateways(data))
        self._update_top_up()
        balance = credit_balance(data)
        self.balance.setText(data.money(balance if balance is not None else "0"))
        self.balance.setAccessibleName(f"Credit balance {self.balance.text()}")
        rows = self.model.rowCount()
        self.count.setText(count_text(rows, "transaction"))
        self.count.setVisible(rows > 0)
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.show_state("No credit transactions yet",
                                  "Top-ups, refunds to credit and credit spent on invoices will appear here.")
            self.stack.setCurrentWidget(self.empty)

    # -- top-up ---------------------------------------------------------------------------------------------------
    def amount(self) -> str | None:
        try:
            value = Decimal(self.top_up_amount.text().replace(",", ".").strip())
        except InvalidOperation:
            return None
        places = getattr(self, "places", 2)
        if value <= 0 or value != value.quantize(Decimal(1).scaleb(-places)):
            return None
        return f"{value:.{places}f}"

    def set_online(self, online: bool) -> None:
        self.online = online
        self._update_top_up()

    def show_top_up_message(self, text: str) -> None:
        self.top_up_message.setText(text)

    def _update_top_up(self) -> None:
        self.top_up_button.setEnabled(self.online and self.amount() is not None)
        self.top_up_button.setToolTip("" if self.online else "Topping up needs a connection to the panel")
        if not self.online:
            self.top_up_message.setText("Offline: topping up needs a connection to the panel.")
        elif self.top_up_message.text().startswith("Offline"):
            self.top_up_message.setText("")

    def _top_up(self) -> None:
        amount = self.amount()
        if amount is not None and self.online:
            self.top_up_requested.emit(amount)
