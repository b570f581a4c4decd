"""The account switcher at the top of the sidebar: who you are, at which panel; switch, add, manage."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from PySide6.QtCore import QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Account
from app.core.text import translate
from app.models.plain_text import PLAIN, tooltip

from .labels import ElidedLabel, literal
from .theme import icon


def initials(name: str) -> str:
    # A hyphen parts words too: "Demo-Kunde" (the German demo account) is "DK", not "D".
    words = [w for w in re.split(r"[\s@.\-]+", name) if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url


class ElidedComboBox(QComboBox):
    """A combo box whose chosen entry ends in "…" where the box is narrower than it: Qt cut an account's name at
    the box's edge mid-letter ("Demo-Wiederve" for "Demo-Wiederverkäufer"), as if that were the name."""

    def _option(self) -> tuple[QStyleOptionComboBox, int]:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return option, field.width()

    def shown_text(self) -> str:
        """The chosen entry as the box shows it: whole, or cut with "…" to the box's text field."""
        option, room = self._option()
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, max(room, 0))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option, _room = self._option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class AccountSwitcher(QFrame):
    account_chosen = Signal(str)
    add_requested = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountSwitcher")
        self.avatar = QLabel("?", textFormat=PLAIN)
        self.avatar.setObjectName("AccountAvatar")
        self.avatar.setFixedSize(28, 28)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.combo = ElidedComboBox()
        self.combo.setAccessibleName(translate("AccountSwitcher", "Account"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)
        # A list that drops below the field and shows every account at once (Fusion's default popup sits over the
        # field and, styled, showed one row at a time), at least as wide as the switcher.
        self.combo.setView(QListView(objectName="AccountList"))
        self.combo.setMaxVisibleItems(12)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.host = ElidedLabel()       # "Offline since 14:02 · panel.example.com", cut at the end with "…"
        self.host.setObjectName("AccountHost")
        self.add_button = QToolButton()
        self.add_button.setToolTip(translate("AccountSwitcher", "Add an account (Ctrl+Shift+A)"))
        self.add_button.setAccessibleName(translate("AccountSwitcher", "Add account"))
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
        self.states: dict[str, str] = {}      # account id -> "Online", "Offline since 14:02", ... (the shell's words)
        self.compact = False
        self.refresh_icons()

    def set_compact(self, compact: bool) -> None:
        """The narrow sidebar keeps the avatar alone; clicking it lists the accounts in a menu."""
        self.compact = compact
        for widget in (self.combo, self.host, self.add_button):
            widget.setVisible(not compact)
        self.layout().setContentsMargins(4 if compact else 8, 6, 4, 6)
        self.setCursor(Qt.CursorShape.PointingHandCursor if compact else Qt.CursorShape.ArrowCursor)
        # Narrow, the avatar stands for the hidden list and Add: the keyboard reaches it (Enter, Space or Down
        # opens the accounts' menu), and a screen reader says whose account it is.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if compact else Qt.FocusPolicy.NoFocus)
        self._name_compact()

    def _name_compact(self) -> None:
        account = self._current() if self.compact else None
        self.setToolTip(tooltip(translate("AccountSwitcher", "{name}: {email} at {host}").format(
            name=account.name, email=account.email, host=host_of(account.panel_url))) if account else "")
        self.setAccessibleName(translate("AccountSwitcher", "Account: {name}").format(name=account.name)
                               if account else translate("AccountSwitcher", "Accounts") if self.compact else "")
        self.setAccessibleDescription(translate("AccountSwitcher", "Opens a menu of your accounts, to switch, add or "
                                                                   "manage them.") if self.compact else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.compact and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Down):
            self.menu().exec(self.mapToGlobal(QPoint(0, self.height())))
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.compact and event.button() == Qt.MouseButton.LeftButton:
            self.menu().exec(self.mapToGlobal(QPoint(0, self.height())))
            return
        super().mouseReleaseEvent(event)

    def menu(self) -> QMenu:
        """The compact switcher's choices: every account (the current one checked), add, manage."""
        menu = QMenu(self)
        current = self.current_id()
        for account in self._accounts:
            action = menu.addAction(literal(f"{account.name}  ({host_of(account.panel_url)})"))
            action.setCheckable(True)
            action.setChecked(account.id == current)
            action.triggered.connect(lambda _c=False, i=self.combo.findData(account.id): self.combo.setCurrentIndex(i))
        menu.addSeparator()
        menu.addAction(translate("AccountSwitcher", "Add account…"), self.add_requested.emit)
        if self._accounts:
            menu.addAction(translate("AccountSwitcher", "Manage accounts…"), self.manage_requested.emit)
        return menu

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.combo.view().setMinimumWidth(max(self.width() - 16, 220))

    def refresh_icons(self) -> None:
        self.add_button.setIcon(icon("plus", size=16))

    def set_accounts(self, accounts: list[Account], current_id: str | None) -> None:
        self._accounts = list(accounts)
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for account in accounts:
                self.combo.addItem(account.name, account.id)
                self.combo.setItemData(self.combo.count() - 1, self._tip(account), Qt.ItemDataRole.ToolTipRole)
            if not accounts:
                self.combo.addItem(translate("AccountSwitcher", "No account yet"), None)
            index = self.combo.findData(current_id) if current_id else -1
            self.combo.setCurrentIndex(max(0, index))
        self.combo.setEnabled(bool(accounts))
        self._show_current()

    def set_states(self, states: dict[str, str]) -> None:
        """How each account's panel can be reached now: in each account's tooltip and the current one's line."""
        self.states = dict(states)
        for index in range(self.combo.count()):
            account = next((a for a in self._accounts if a.id == self.combo.itemData(index)), None)
            if account is not None:
                self.combo.setItemData(index, self._tip(account), Qt.ItemDataRole.ToolTipRole)
        self._show_current()

    def _tip(self, account: Account) -> str:
        state = self.states.get(account.id)
        where = translate("AccountSwitcher", "{email} at {host}").format(email=account.email,
                                                                          host=host_of(account.panel_url))
        if not state:
            return tooltip(where)
        return tooltip(translate("AccountSwitcher", "{account} — {state}").format(account=where, state=state))

    def step(self, offset: int) -> None:
        """The account `offset` places after the current one in the list (before it, when negative), round the end:
        Next/Previous account (Ctrl+PgDown/Ctrl+PgUp)."""
        count = len(self._accounts)
        if count > 1:
            self.combo.setCurrentIndex((self.combo.currentIndex() + offset) % count)

    def current_id(self) -> str | None:
        return self.combo.currentData()

    def accounts(self) -> list[Account]:
        return list(self._accounts)

    def choose(self, account_id: str) -> None:
        """Switch to the account, as picking it in the list does (Go to…)."""
        index = self.combo.findData(account_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _current(self) -> Account | None:
        current = self.current_id()
        return next((a for a in self._accounts if a.id == current), None)

    def _show_current(self) -> None:
        self._name_compact()
        account = self._current()
        self.avatar.setText(initials(account.name) if account else "+")
        state = self.states.get(account.id) if account else None
        # The state first: a narrow sidebar cuts the line's end, and the host is also in the tooltip.
        if account is None:
            line = translate("AccountSwitcher", "Add a panel to begin")
        elif state:
            line = translate("AccountSwitcher", "{state} · {host}").format(state=state, host=host_of(account.panel_url))
        else:
            line = host_of(account.panel_url)
        self.host.setText(line)
        self.host.setToolTip(tooltip(translate("AccountSwitcher", "{email} at {host}").format(
            email=account.email, host=account.panel_url)) if account else "")
        # The whole name where the box cuts it short.
        self.combo.setToolTip(tooltip(translate("AccountSwitcher", "{name}: {email} at {host}").format(
            name=account.name, email=account.email, host=host_of(account.panel_url))) if account else "")

    def _chosen(self, _index: int) -> None:
        self._show_current()
        current = self.current_id()
        if current:
            self.account_chosen.emit(current)
