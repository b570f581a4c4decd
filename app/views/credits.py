"""Credits: the account's credit balance and every change to it, with the balance after each."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QVBoxLayout, QWidget

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


class CreditsSection(Section):
    key = "credits"
    title = "Credits"

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
