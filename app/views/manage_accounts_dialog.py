"""Managing accounts: renaming them, signing out of one (and in again), and removing one after asking once more,
in place."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Account
from app.core.text import translate
from app.models.plain_text import PLAIN

from .account_switcher import host_of
from .dialog_buttons import dialog_buttons
from .form_parts import ErrorLabel, heading
from .theme import set_role


class ManageAccountsDialog(QDialog):
    """Rename, sign out of or remove accounts; removing asks once more, in place."""

    rename_requested = Signal(str, str)
    remove_requested = Signal(str)
    sign_out_requested = Signal(str)
    sign_in_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ManageAccountsDialog", "Accounts"))
        self.setMinimumSize(680, 460)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ManageAccountsDialog", "Accounts"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.currentItemChanged.connect(self._selected)
        self.name_edit = QLineEdit()
        self.name_edit.returnPressed.connect(self._rename)
        self.details = heading("", "muted")
        self.rename_button = QPushButton(translate("ManageAccountsDialog", "Save name"))
        self.rename_button.clicked.connect(self._rename)
        self.remove_button = QPushButton(translate("ManageAccountsDialog", "Remove account…"))
        self.remove_button.clicked.connect(self._ask_remove)
        # Signed in: "Sign out" (the login ends, the account and its saved data stay). Signed out: "Sign in…".
        self.sign_button = QPushButton(translate("ManageAccountsDialog", "Sign out"))
        self.sign_button.clicked.connect(self._sign)
        self.signed_out: frozenset[str] = frozenset()
        self.waiting: dict[str, int] = {}
        self.error = ErrorLabel()

        self.confirm = QFrame()
        set_role(self.confirm, "banner", "warning")
        self.confirm_text = QLabel(textFormat=PLAIN)
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setMinimumHeight(self.confirm_text.fontMetrics().lineSpacing() * 4)
        self.confirm_button = QPushButton(translate("ManageAccountsDialog", "Remove"))
        set_role(self.confirm_button, "kind", "danger")
        self.confirm_button.clicked.connect(self._remove)
        keep = QPushButton(translate("ManageAccountsDialog", "Keep"))
        keep.clicked.connect(lambda: self.confirm.hide())
        confirm_row = QVBoxLayout(self.confirm)
        confirm_row.addWidget(self.confirm_text)
        confirm_row.addWidget(dialog_buttons(self.confirm_button, keep, destructive=True))
        self.confirm.hide()

        side = QVBoxLayout()
        name_label = heading(translate("ManageAccountsDialog", "Name"), "heading")
        name_label.setBuddy(self.name_edit)
        self.name_edit.setAccessibleName(translate("ManageAccountsDialog", "Account name"))
        side.addWidget(name_label)
        side.addWidget(self.name_edit)
        side.addWidget(self.details)
        side.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        side.addWidget(self.error)
        side.addWidget(self.confirm)
        account_buttons = QHBoxLayout()
        account_buttons.addWidget(self.sign_button)
        account_buttons.addWidget(self.remove_button)
        account_buttons.addStretch(1)
        side.addLayout(account_buttons)
        body = QHBoxLayout()
        body.setSpacing(16)     # the style's 6 px left the details' "Name" touching the list's border
        body.addWidget(self.list, 1)
        body.addLayout(side, 1)
        close = QPushButton(translate("ManageAccountsDialog", "Done"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(heading(translate("ManageAccountsDialog", "Accounts")))
        layout.addLayout(body, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._accounts: dict[str, Account] = {}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Enter acts on what has the focus: a focused button presses itself, the name field saves the name (its
        # returnPressed). QDialog would also press its default button, Save name, the first it found: Enter on the
        # account list saved the name unchanged, and Enter in the field sent the rename twice.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(),
                                                                                    QAbstractButton):
            if self.focusWidget() is self.list and self.name_edit.isEnabled():
                self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)     # Enter on an account: its name, to edit
                self.name_edit.selectAll()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_accounts(self, accounts: list[Account], selected: str | None = None,
                     signed_out: frozenset[str] = frozenset(), waiting: dict[str, int] | None = None) -> None:
        """The accounts, the one to select, those signed out (their button signs in instead), and how many actions
        each has waiting in the Outbox (removing the account drops them, so the question says so)."""
        selected = selected or self.selected_id()
        self._accounts = {a.id: a for a in accounts}
        self.signed_out = frozenset(signed_out)
        self.set_waiting(waiting or {})
        self.list.clear()
        for account in accounts:
            item = QListWidgetItem(f"{account.name}\n{account.email} · {host_of(account.panel_url)}")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
            if account.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not accounts:
            self._selected(None, None)

    def set_waiting(self, waiting: dict[str, int]) -> None:
        """How many actions each account has waiting in the Outbox, for the question before removing one."""
        self.waiting = {account_id: n for account_id, n in waiting.items() if n}

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.confirm.hide()
        self.error.clear()
        account = self._accounts.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        for widget in (self.name_edit, self.rename_button, self.remove_button, self.sign_button):
            widget.setEnabled(account is not None)
        self.sign_button.setText(translate("ManageAccountsDialog", "Sign in…") if account is not None
                                 and account.id in self.signed_out else translate("ManageAccountsDialog", "Sign out"))
        self.name_edit.setText(account.name if account else "")
        if account is None:
            self.details.setText("")
        elif account.id in self.signed_out:
            self.details.setText(translate("ManageAccountsDialog", "{email} at {address}, signed out: what Sett saved "
                                           "stays readable until you sign in again.").format(
                email=account.email, address=account.panel_url))
        elif account.auth_kind == "api_key":
            self.details.setText(translate("ManageAccountsDialog", "{email} at {address}, signed in with an API key.")
                                 .format(email=account.email, address=account.panel_url))
        else:
            self.details.setText(translate("ManageAccountsDialog", "{email} at {address}, signed in with email and "
                                           "password.").format(email=account.email, address=account.panel_url))

    def _rename(self) -> None:
        account_id = self.selected_id()
        if account_id:
            self.rename_requested.emit(account_id, self.name_edit.text())

    def _sign(self) -> None:
        account_id = self.selected_id()
        if not account_id:
            return
        if account_id in self.signed_out:
            self.sign_in_requested.emit(account_id)
        else:
            self.sign_out_requested.emit(account_id)

    def _ask_remove(self) -> None:
        account = self._accounts.get(self.selected_id() or "")
        if account is None:
            return
        self.confirm_text.setText(translate("ManageAccountsDialog", "Remove {account}? Sett signs out of {host} and "
                                            "deletes the data it saved for this account on this computer. Nothing "
                                            "changes on the panel.").format(account=account.name,
                                                                             host=host_of(account.panel_url)))
        waiting = self.waiting.get(account.id, 0)
        if waiting:
            # What was done offline and not yet sent goes with the account: say so before it is lost unseen.
            self.confirm_text.setText(self.confirm_text.text() + " " + translate(
                "ManageAccountsDialog", "%n action(s) waiting in the Outbox will never be sent.", None, waiting))
        self.confirm.show()

    def _remove(self) -> None:
        account_id = self.selected_id()
        self.confirm.hide()
        if account_id:
            self.remove_requested.emit(account_id)

    def show_error(self, text: str) -> None:
        self.error.show_error(text)
