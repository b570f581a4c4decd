"""The account dialogs: adding an account, renaming and removing accounts, and the sign-in prompt the sessions
raise when a login ends. The dialogs only show and ask; the sessions add, rename, remove and sign in."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.session import AccountError, AccountSession, Sessions

if TYPE_CHECKING:   # the dialogs' modules load when one first opens, not for the window's first paint
    from app.views.add_account_dialog import AccountDraft, AddAccountDialog
    from app.views.login_prompt import LoginPrompt
    from app.views.manage_accounts_dialog import ManageAccountsDialog

log = logging.getLogger(__name__)


class AccountDialogs(QObject):
    def __init__(self, sessions: Sessions, window, keyring_note=lambda: None) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.keyring_note = keyring_note         # the missing keyring's note, once known
        self.add_dialog: AddAccountDialog | None = None
        self.manage_dialog: ManageAccountsDialog | None = None
        sessions.prompt_factory = self._login_prompt
        sessions.auth_required.connect(lambda account_id: sessions.ask_login(account_id))
        sessions.outbox.changed.connect(self._outbox_changed)

    # -- adding -------------------------------------------------------------------------------------------------
    def open_add_dialog(self) -> AddAccountDialog:
        if self.add_dialog is not None:
            self.add_dialog.raise_()
            return self.add_dialog
        from app.views.add_account_dialog import AddAccountDialog

        dialog = AddAccountDialog(self.sessions.logins, self.keyring_note(), self.window)
        dialog.completed.connect(lambda draft: self._add_account(dialog, draft))
        dialog.finished.connect(lambda _r: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_account(self, dialog: AddAccountDialog, draft: AccountDraft) -> None:
        try:
            self.sessions.add(name=draft.name, panel_url=draft.panel_url, email=draft.email,
                              auth_kind=draft.auth_kind, credentials=draft.credentials)
        except AccountError as exc:
            dialog.show_error(str(exc))
            return
        dialog.accept()

    # -- renaming and removing ------------------------------------------------------------------------------------
    def open_manage_dialog(self) -> ManageAccountsDialog:
        if self.manage_dialog is None:
            from app.views.manage_accounts_dialog import ManageAccountsDialog

            dialog = ManageAccountsDialog(self.window)
            dialog.rename_requested.connect(self.rename_account)
            dialog.remove_requested.connect(self.remove_account)
            dialog.sign_out_requested.connect(self.sign_out)
            dialog.sign_in_requested.connect(lambda account_id: self.sign_in(dialog, account_id))
            dialog.finished.connect(lambda _r: setattr(self, "manage_dialog", None))
            self.manage_dialog = dialog
        self.manage_dialog.set_accounts(self.sessions.accounts(), self.sessions.current_id, self._signed_out(),
                                        self._waiting())
        self.manage_dialog.open()
        return self.manage_dialog

    def _signed_out(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sessions.all() if s.needs_login)

    def _waiting(self) -> dict[str, int]:
        """Actions each account has waiting in the Outbox, as its count last read them."""
        return dict(self.sessions.outbox.pending)      # the dialog keeps those with any

    def _outbox_changed(self, _account_id: str) -> None:
        if self.manage_dialog is not None:      # an action queued or sent while the dialog is open
            self.manage_dialog.set_waiting(self._waiting())

    def rename_account(self, account_id: str, name: str) -> None:
        try:
            self.sessions.rename(account_id, name)
        except AccountError as exc:
            if self.manage_dialog is not None:
                self.manage_dialog.show_error(str(exc))
            return
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(self.sessions.accounts(), account_id, self._signed_out(), self._waiting())

    def sign_out(self, account_id: str) -> None:
        self.sessions.sign_out(account_id)
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(self.sessions.accounts(), account_id, self._signed_out(), self._waiting())

    def sign_in(self, dialog: ManageAccountsDialog, account_id: str) -> None:
        """The dialog steps aside for the sign-in prompt, which asks for the current account's login."""
        dialog.accept()
        self.sessions.select(account_id)
        self.sessions.ask_login(account_id, force=True)

    def remove_account(self, account_id: str) -> None:
        self.sessions.remove(account_id)
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(self.sessions.accounts(), None, self._signed_out(), self._waiting())

    # -- signing in again -----------------------------------------------------------------------------------------
    def _login_prompt(self, session: AccountSession) -> LoginPrompt:
        from app.views.login_prompt import LoginPrompt

        return LoginPrompt(session.account, self.sessions.logins, session.auth_reason, self.keyring_note(),
                           self.window, by_user=session.signed_out_by_user, missing=session.login_missing)

    def close(self) -> None:
        for dialog in (self.add_dialog, self.manage_dialog):
            if dialog is not None:
                dialog.reject()
