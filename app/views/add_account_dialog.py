"""Adding an account: the panel's address, then email + password and a two-factor code when asked, or an API
key. The network calls go through the LoginService the application gives (run on its TaskRunner), so the dialog
only shows."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import AccountError, normalise_url
from app.core.text import translate

from .account_switcher import host_of
from .dialog_buttons import dialog_buttons
from .form_parts import ErrorLabel, LoginService, heading, primary
from .page_stack import PageStack
from .shapes import obj


@dataclass(frozen=True)
class AccountDraft:
    name: str
    panel_url: str
    email: str
    auth_kind: str          # "password" or "api_key"
    credentials: object          # the login to keep (app.api.Credentials), handed on untouched
    panel_name: str = ""


def line_up(*forms: QFormLayout) -> None:
    """The forms' fields share one left edge: the sign-in tab's Email and Password and the Account name below the
    tabs stood 13 px apart (the tab's own margin, and labels of other widths). The tab's form keeps no side margin
    (the pane draws no frame), every form the same spacing, and every label the width of the widest."""
    labels = []
    for form in forms:
        margins = form.contentsMargins()
        form.setContentsMargins(0, margins.top(), 0, margins.bottom())
        form.setHorizontalSpacing(12)
        labels += [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(form.rowCount())
                   if form.itemAt(row, QFormLayout.ItemRole.LabelRole) is not None]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class FittedTabs(QTabWidget):
    """Tabs as tall as the tab on show. A QTabWidget asks for the room of its tallest tab: the sign-in step kept the
    API key tab's field and note as empty space under the password."""

    def _fitted(self, hint: QSize, of) -> QSize:
        pages = [self.widget(i) for i in range(self.count())]
        current = self.currentWidget()
        if current is None or not pages:
            return hint
        chrome = hint.height() - max(of(page).height() for page in pages)
        return QSize(hint.width(), chrome + of(current).height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._fitted(super().sizeHint(), lambda page: page.sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._fitted(super().minimumSizeHint(), lambda page: page.minimumSizeHint())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        current = self.currentWidget()
        return current is not None and current.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """A tab whose note wraps (the API key's) as tall as its words at this width, not cut."""
        current = self.currentWidget()
        if current is None or not current.hasHeightForWidth():
            return super().heightForWidth(width)
        stack = self.findChild(QStackedWidget)     # a hidden tab's own width is stale until it shows
        frame = self.width() - stack.width() if stack is not None and 0 < stack.width() < self.width() else 8
        chrome = self.sizeHint().height() - current.sizeHint().height()
        return chrome + max(current.heightForWidth(width - frame), current.minimumSizeHint().height())


class AddAccountDialog(QDialog):
    """Three steps: the address (probed), the login (password or API key), the two-factor code when asked.

    `completed(AccountDraft)` when the panel accepted the login; the application adds the account and calls
    `accept()`, or `show_error()` when it cannot (the same account already exists, ...).
    """

    completed = Signal(object)

    def __init__(self, service: LoginService, keyring_note: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(translate("AddAccountDialog", "Add an account"))
        self.setMinimumWidth(500)
        self.panel_url = ""
        self.panel_name = ""
        self._two_factor_token = ""
        self._pending: int | None = None
        self.pages = PageStack()      # as tall as the step on show: no gap above Continue
        self.pages.addWidget(self._address_page())
        self.pages.addWidget(self._login_page(keyring_note))
        self.pages.addWidget(self._code_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.addWidget(self.pages)
        self.finished.connect(self._cancel_pending)

    # -- pages ----------------------------------------------------------------------------------------------
    def _address_page(self) -> QWidget:
        page = QWidget()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://panel.example.com")
        self.url_edit.setAccessibleName(translate("AddAccountDialog", "Panel address"))
        self.url_edit.returnPressed.connect(self._check_address)
        self.url_error = ErrorLabel()
        self.continue_button = primary(translate("AddAccountDialog", "Continue"))
        self.continue_button.clicked.connect(self._check_address)
        cancel = QPushButton(translate("AddAccountDialog", "Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(heading(translate("AddAccountDialog", "Add a panel account")))
        layout.addWidget(heading(translate("AddAccountDialog", "Enter the address of the panel where you buy your "
                                           "hosting. Sett checks that it is a billing panel before you sign in."),
                                 "subtitle"))
        layout.addWidget(self.url_edit)
        layout.addWidget(self.url_error)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self.continue_button, cancel))
        return page

    def _login_page(self, keyring_note: str | None) -> QWidget:
        page = QWidget()
        self.login_heading = heading(translate("AddAccountDialog", "Sign in"))
        self.login_where = heading("", "muted")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("AddAccountDialog", "e.g. Work, Personal (optional)"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("you@example.com")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.name_edit, self.email_edit, self.password_edit):
            edit.returnPressed.connect(self._sign_in)
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText("bp_…")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setAccessibleName(translate("AddAccountDialog", "API key"))
        self.key_edit.returnPressed.connect(self._sign_in)

        password_tab = QWidget()
        form = QFormLayout(password_tab)
        form.addRow(translate("AddAccountDialog", "&Email"), self.email_edit)
        form.addRow(translate("AddAccountDialog", "&Password"), self.password_edit)
        key_tab = QWidget()
        key_form = QVBoxLayout(key_tab)
        margins = key_form.contentsMargins()     # the key's field as wide as the fields round it (see line_up)
        key_form.setContentsMargins(0, margins.top(), 0, margins.bottom())
        key_form.addWidget(self.key_edit)
        key_form.addWidget(heading(translate("AddAccountDialog", "Create a key in the panel under Account → API keys. "
                                                                 "It is shown once; paste it here."), "muted"))
        self.tabs = FittedTabs()
        self.tabs.addTab(password_tab, translate("AddAccountDialog", "Email and password"))
        self.tabs.addTab(key_tab, translate("AddAccountDialog", "API key"))
        # Tab stops at the tabs: a screen reader says what they choose, not a bare "tab bar".
        self.tabs.tabBar().setAccessibleName(translate("AddAccountDialog", "Sign in with"))
        self.tabs.currentChanged.connect(self._fit_tab)
        self._fit_tab(self.tabs.currentIndex())

        name_form = QFormLayout()
        name_form.setHorizontalSpacing(12)     # a label apart from its field (the style gives 6 px)
        name_form.addRow(translate("AddAccountDialog", "Account &name"), self.name_edit)
        line_up(form, name_form)
        self.login_error = ErrorLabel()
        self.sign_in_button = primary(translate("AddAccountDialog", "Sign in"))
        self.sign_in_button.clicked.connect(self._sign_in)
        back = QPushButton(translate("AddAccountDialog", "Back"))
        back.clicked.connect(lambda: self._go(0))
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(self.login_heading)
        layout.addWidget(self.login_where)
        layout.addWidget(self.tabs)
        layout.addLayout(name_form)
        if keyring_note:
            note = heading(keyring_note, "muted")
            note.setObjectName("KeyringNote")
            layout.addWidget(note)
        layout.addWidget(self.login_error)
        layout.addStretch(1)
        layout.addLayout(self._back_and(back, self.sign_in_button))
        return page

    def _code_page(self) -> QWidget:
        page = QWidget()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("123456")
        self.code_edit.setMaxLength(8)
        self.code_edit.setAccessibleName(translate("AddAccountDialog", "Two-factor code"))
        self.code_edit.returnPressed.connect(self._verify)
        self.code_error = ErrorLabel()
        self.verify_button = primary(translate("AddAccountDialog", "Verify"))
        self.verify_button.clicked.connect(self._verify)
        back = QPushButton(translate("AddAccountDialog", "Back"))
        back.clicked.connect(lambda: self._go(1))
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(heading(translate("AddAccountDialog", "Two-factor code")))
        self.code_hint = heading(translate("AddAccountDialog", "Enter the six-digit code from your authenticator app."),
                                 "subtitle")
        layout.addWidget(self.code_hint)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.code_error)
        layout.addStretch(1)
        layout.addLayout(self._back_and(back, self.verify_button))
        return page

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Return in a field is the field's own (Continue, Sign in, Verify, through returnPressed). Passed on, QDialog
        # also pressed a default button: Cancel, once Continue had turned "Checking…", so Enter closed the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(self.focusWidget(), QLineEdit):
            event.accept()
            return
        super().keyPressEvent(event)


    def _fit_tab(self, _current: int) -> None:
        QTimer.singleShot(0, self._fit_to_tab)      # once the tab on show is laid out

    def _fit_to_tab(self) -> None:
        widget = self.tabs          # each layout up to the dialog's forgets the height it kept for the old tab
        while widget is not None and widget is not self:
            widget.updateGeometry()
            if widget.layout() is not None:
                widget.layout().invalidate()
            widget = widget.parentWidget()
        self.layout().invalidate()
        self.pages.fit_window()

    @staticmethod
    def _back_and(back: QPushButton, main: QPushButton) -> QHBoxLayout:
        """A later step's Back and its main button: Back first on every platform, as in a wizard."""
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(main)
        return row

    def _go(self, index: int) -> None:
        self._cancel_pending()
        self.pages.setCurrentIndex(index)
        for error in (self.url_error, self.login_error, self.code_error):
            error.clear()
        self._busy(False)

    @property
    def step(self) -> str:
        return ("address", "login", "code")[self.pages.currentIndex()]

    def _busy(self, busy: bool, button: QPushButton | None = None, text: str = "") -> None:
        for b, idle in ((self.continue_button, translate("AddAccountDialog", "Continue")),
                        (self.sign_in_button, translate("AddAccountDialog", "Sign in")),
                        (self.verify_button, translate("AddAccountDialog", "Verify"))):
            b.setEnabled(not busy)
            b.setText(text if busy and b is button else idle)

    def _cancel_pending(self, *_: object) -> None:
        if self._pending is not None:
            self.service.cancel(self._pending)
            self._pending = None

    # -- step 1: is it a panel? -----------------------------------------------------------------------------------
    def _check_address(self) -> None:
        self.url_error.clear()
        try:
            url = normalise_url(self.url_edit.text())
        except AccountError as exc:
            self.url_error.show_error(exc)
            return
        self._busy(True, self.continue_button, translate("AddAccountDialog", "Checking…"))
        self._pending = self.service.probe(url, lambda s: self._probed(url, s), self._failed(self.url_error))

    def _probed(self, url: str, settings: dict) -> None:
        self._pending = None
        self.panel_url = url
        settings = obj(settings)
        self.panel_name = str(settings.get("panel_name") or host_of(url))
        self.login_heading.setText(translate("AddAccountDialog", "Sign in to {panel}").format(panel=self.panel_name))
        where = url
        if not settings.get("billing_enabled", True):
            where = translate("AddAccountDialog", "{address} — billing is switched off on this panel; you can add the "
                                                  "account anyway.").format(address=url)
        self.login_where.setText(where)
        self._go(1)
        self.email_edit.setFocus()

    def _failed(self, label: ErrorLabel):
        def show(error: str) -> None:
            self._pending = None
            self._busy(False)
            label.show_error(error)
        return show

    # -- step 2: sign in ------------------------------------------------------------------------------------------
    @property
    def using_key(self) -> bool:
        return self.tabs.currentIndex() == 1

    def _sign_in(self) -> None:
        self.login_error.clear()
        if self.using_key:
            key = self.key_edit.text().strip()
            if not key:
                self.login_error.show_error(
                    translate("AddAccountDialog", "Paste the API key you created in the panel."))
                return
            if not key.startswith("bp_"):
                self.login_error.show_error(
                    translate("AddAccountDialog", "That does not look like a panel API key: they start with bp_."))
                return
            self._busy(True, self.sign_in_button, translate("AddAccountDialog", "Checking the key…"))
            self._pending = self.service.check_key(self.panel_url, key, self._key_ok,
                                                   self._failed(self.login_error))
            return
        email, password = self.email_edit.text().strip(), self.password_edit.text()
        if not email or not password:
            self.login_error.show_error(translate("AddAccountDialog", "Enter your email and password."))
            return
        self._busy(True, self.sign_in_button, translate("AddAccountDialog", "Signing in…"))
        self._pending = self.service.login(self.panel_url, email, password, self._logged_in,
                                           self._failed(self.login_error))

    def _logged_in(self, result) -> None:
        self._pending = None
        if result.requires_2fa:
            self._two_factor_token = result.two_factor_token or ""
            self.code_hint.setText(translate("AddAccountDialog", "{email} has two-factor sign-in on. Enter the "
                                                                 "six-digit code from your authenticator app.").format(
                email=self.email_edit.text().strip()))
            self._go(2)
            self.code_edit.setFocus()
            return
        self._complete(result)

    def _key_ok(self, checked: tuple) -> None:
        self._pending = None
        user, credentials = checked
        email = str(obj(user).get("email") or "")
        self._finish(AccountDraft(name=self.name_edit.text().strip()
                                  or translate("AddAccountDialog", "{email} (API key)").format(email=email),
                                  panel_url=self.panel_url, email=email, auth_kind="api_key",
                                  credentials=credentials, panel_name=self.panel_name))

    # -- step 3: the code -----------------------------------------------------------------------------------------
    def _verify(self) -> None:
        self.code_error.clear()
        code = self.code_edit.text().strip().replace(" ", "")
        if not code.isdigit():
            self.code_error.show_error(translate("AddAccountDialog", "Enter the code as digits, for example 123456."))
            return
        self._busy(True, self.verify_button, translate("AddAccountDialog", "Verifying…"))
        self._pending = self.service.verify(self.panel_url, self._two_factor_token, code, self._complete,
                                            self._failed(self.code_error))

    def _complete(self, result) -> None:
        self._pending = None
        if result.credentials is None:
            self._failed(self.code_error)(translate("AddAccountDialog", "The panel answered without a login; it does "
                                                                        "not look like a billing panel."))
            return
        email = str(obj(result.user).get("email") or self.email_edit.text().strip())
        self._finish(AccountDraft(name=self.name_edit.text().strip() or email, panel_url=self.panel_url,
                                  email=email, auth_kind="password", credentials=result.credentials,
                                  panel_name=self.panel_name))

    def _finish(self, draft: AccountDraft) -> None:
        self._busy(False)
        self.completed.emit(draft)

    def show_error(self, text: str) -> None:
        label = self.code_error if self.step == "code" else self.login_error
        label.show_error(text)
