"""The one prompt shown when an account's login ended (a refresh failed, a key was revoked, no saved login):
the password again (and the two-factor code when asked), or a new API key. Its words say which: the panel refused
the login, the user signed out, or nothing was saved on this computer to sign in with.

Its heading says the session ended only while that is the news. When signing in fails because the panel cannot be
reached at all (the login service marks such a failure `Unreachable`: no connection, not a refusal), the heading
says so instead, and the prompt tries the same sign-in again every RETRY_SECONDS while it stays open; what Sett
saved stays on the screens meanwhile.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.core.accounts import Account
from app.core.reach import Unreachable
from app.core.text import translate

from .account_switcher import host_of
from .dialog_buttons import dialog_buttons, set_dialog_margins
from .form_parts import ErrorLabel, LoginService, heading, primary

RETRY_SECONDS = 15      # a panel that is down is asked again this often while the prompt is open (a connect only)


class LoginPrompt(QDialog):
    """`signed_in(account_id, Credentials)` once the panel accepted the login; "Not now" just closes it."""

    signed_in = Signal(str, object)

    def __init__(self, account: Account, service: LoginService, reason: str = "", keyring_note: str | None = None,
                 parent: QWidget | None = None, *, by_user: bool = False, missing: bool = False) -> None:
        super().__init__(parent)
        self.account = account
        self.service = service
        self.setWindowTitle(translate("LoginPrompt", "Sign in to {account}").format(account=account.name))
        self.setMinimumWidth(460)
        self._pending: int | None = None
        self._two_factor_token = ""
        self.unreachable = False            # the last attempt could not reach the panel (the retry is armed)
        self.retry = QTimer(self, singleShot=True, interval=int(RETRY_SECONDS * 1000))
        self.retry.timeout.connect(self._retry)
        host = self.host = host_of(account.panel_url)
        uses_key = account.auth_kind == "api_key"

        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText("bp_…" if uses_key else translate("LoginPrompt", "Password"))
        self.secret_edit.setAccessibleName(translate("LoginPrompt", "API key") if uses_key
                                           else translate("LoginPrompt", "Password"))
        self.secret_edit.returnPressed.connect(self._submit)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(translate("LoginPrompt", "Six-digit code"))
        self.code_edit.setAccessibleName(translate("LoginPrompt", "Two-factor code"))
        self.code_edit.returnPressed.connect(self._submit)
        self.error = ErrorLabel()
        self.sign_in_button = primary(translate("LoginPrompt", "Sign in"))
        self.sign_in_button.clicked.connect(self._submit)
        later = QPushButton(translate("LoginPrompt", "Not now"))
        later.clicked.connect(self.reject)

        if by_user:
            # The user signed out themselves (Manage accounts): nothing ended behind their back, so no "expired".
            reason = ""
            ask = (translate("LoginPrompt", "Paste an API key for {email} at {host} to sign in again.") if uses_key
                   else translate("LoginPrompt", "Enter the password for {email} at {host} to sign in again.")).format(
                email=account.email, host=host)
        elif missing:
            # Nothing was refused: the login was never saved here (a demo's, kept in memory) or the keyring lost it.
            reason = ""
            ask = (translate("LoginPrompt", "Sett has no API key saved on this computer for {account} ({email}). "
                                            "Paste a key from the panel at {host} to continue; until then Sett shows "
                                            "what it saved.") if uses_key
                   else translate("LoginPrompt", "Sett has no login saved on this computer for {host}. Enter the "
                                                 "password for {email} to continue; until then Sett shows what it "
                                                 "saved.")).format(
                host=host, account=account.name, email=account.email)
        elif uses_key:
            ask = translate("LoginPrompt", "The panel at {host} no longer accepts the API key of {account} ({email}): "
                                           "it may have expired or been revoked. Paste a new key to continue.").format(
                host=host, account=account.name, email=account.email)
        else:
            ask = translate("LoginPrompt", "Your session with {host} has ended. Enter the password for {email} to "
                            "continue; until then Sett shows what it saved.").format(host=host, email=account.email)
        self.ask = ask                      # the heading while no attempt failed to reach the panel
        self.message = heading(ask, "subtitle")
        self.detail = heading(reason, "muted")
        self.detail.setVisible(bool(reason))
        self.fields = QStackedWidget()
        self.fields.addWidget(self.secret_edit)
        self.fields.addWidget(self.code_edit)
        self.fields.setFixedHeight(self.secret_edit.sizeHint().height() + 4)

        buttons = dialog_buttons(self.sign_in_button, later)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(12)
        layout.addWidget(heading(translate("LoginPrompt", "Sign in to {account}").format(account=account.name)))
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addWidget(self.fields)
        if keyring_note:
            layout.addWidget(heading(keyring_note, "muted"))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.finished.connect(self._cancel_pending)
        self.finished.connect(lambda _r: self.retry.stop())
        for edit in (self.secret_edit, self.code_edit):     # never send what is half typed: wait from the last key
            edit.textEdited.connect(lambda _text: self.retry.isActive() and self.retry.start())

    @property
    def asking_code(self) -> bool:
        return self.fields.currentIndex() == 1

    def _cancel_pending(self, *_: object) -> None:
        if self._pending is not None:
            self.service.cancel(self._pending)
            self._pending = None

    def _busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(translate("LoginPrompt", "Signing in…") if busy
                                    else translate("LoginPrompt", "Verify") if self.asking_code
                                    else translate("LoginPrompt", "Sign in"))

    def _failed(self, error: str) -> None:
        self._pending = None
        self._busy(False)
        self.error.show_error(error)
        self.unreachable = isinstance(error, Unreachable)
        if self.unreachable:
            self.message.setText(translate(
                "LoginPrompt", "Sett cannot reach the panel at {host} right now, so it cannot sign you in yet. "
                               "Nothing is lost: Sett keeps the data it saved on this computer and tries again by "
                               "itself while this window is open.").format(host=self.host))
            self.retry.start()
        else:
            self.message.setText(self.ask)     # the panel answered: the session ended, the details were refused

    def _retry(self) -> None:
        """The panel was unreachable: the same sign-in again, unless one is under way or the user moved on."""
        if self.unreachable and self._pending is None and self.isVisible():
            self._submit()

    def _submit(self) -> None:
        self.retry.stop()
        self.error.clear()
        url = self.account.panel_url
        if self.asking_code:
            code = self.code_edit.text().strip().replace(" ", "")
            if not code.isdigit():
                self.error.show_error(translate("LoginPrompt", "Enter the code as digits, for example 123456."))
                return
            self._busy(True)
            self._pending = self.service.verify(url, self._two_factor_token, code, self._result, self._failed)
            return
        secret = self.secret_edit.text().strip() if self.account.auth_kind == "api_key" else self.secret_edit.text()
        if not secret:
            self.error.show_error(translate("LoginPrompt", "Paste the new API key.")
                                  if self.account.auth_kind == "api_key"
                                  else translate("LoginPrompt", "Enter your password."))
            return
        self._busy(True)
        if self.account.auth_kind == "api_key":
            self._pending = self.service.check_key(url, secret, lambda checked: self._done(checked[1]), self._failed)
        else:
            self._pending = self.service.login(url, self.account.email, secret, self._result, self._failed)

    def _result(self, result) -> None:
        self._pending = None
        if result.requires_2fa:
            self._two_factor_token = result.two_factor_token or ""
            self.ask = translate("LoginPrompt", "{email} has two-factor sign-in on. Enter the six-digit code from "
                                 "your authenticator app.").format(email=self.account.email)
            self.message.setText(self.ask)
            self.unreachable = False
            self.fields.setCurrentIndex(1)
            self.code_edit.setFocus()
            self._busy(False)
            return
        if result.credentials is not None:
            self._done(result.credentials)

    def _done(self, credentials) -> None:
        self._pending = None
        self._busy(False)
        self.signed_in.emit(self.account.id, credentials)
        self.accept()
