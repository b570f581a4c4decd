"""The account switcher at the top of the sidebar: who you are, at which panel; switch, add, manage."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.core.accounts import Account

from .theme import icon


def initials(name: str) -> str:
    words = [w for w in name.replace("@", " ").replace(".", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url


class AccountSwitcher(QFrame):
    account_chosen = Signal(str)
    add_requested = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountSwitcher")
        self.avatar = QLabel("?")
        self.avatar.setObjectName("AccountAvatar")
        self.avatar.setFixedSize(28, 28)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Account")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.host = QLabel()
        self.host.setObjectName("AccountHost")
        self.add_button = QToolButton()
        self.add_button.setToolTip("Add an account (Ctrl+Shift+A)")
        self.add_button.setAccessibleName("Add account")
        self.add_button.clicked.connect(self.add_requested)

        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.combo)
        text.addWidget(self.host)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 4, 6)
        row.setSpacing(6)
        row.addWidget(self.avatar)
        row.addLayout(text, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self._accounts: list[Account] = []
        self.refresh_icons()

    def refresh_icons(self) -> None:
        self.add_button.setIcon(icon("plus", size=16))

    def set_accounts(self, accounts: list[Account], current_id: str | None) -> None:
        self._accounts = list(accounts)
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for account in accounts:
                self.combo.addItem(account.name, account.id)
                self.combo.setItemData(self.combo.count() - 1, f"{account.email} at {host_of(account.panel_url)}",
                                       Qt.ItemDataRole.ToolTipRole)
            if not accounts:
                self.combo.addItem("No account yet", None)
            index = self.combo.findData(current_id) if current_id else -1
            self.combo.setCurrentIndex(max(0, index))
        self.combo.setEnabled(bool(accounts))
        self._show_current()

    def current_id(self) -> str | None:
        return self.combo.currentData()

    def _current(self) -> Account | None:
        current = self.current_id()
        return next((a for a in self._accounts if a.id == current), None)

    def _show_current(self) -> None:
        account = self._current()
        self.avatar.setText(initials(account.name) if account else "+")
        self.host.setText(host_of(account.panel_url) if account else "Add a panel to begin")
        self.host.setToolTip(f"{account.email} at {account.panel_url}" if account else "")

    def _chosen(self, _index: int) -> None:
        self._show_current()
        current = self.current_id()
        if current:
            self.account_chosen.emit(current)
