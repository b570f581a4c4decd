"""Adding, renaming and removing accounts through their dialogs, and the one sign-in prompt when a login ends:
part of Application."""
from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime

from app import paths
from app import settings as keys
from app.accounts import Account, AccountError, AccountStore
from app.api import Credentials, PanelClient
from app.snapshot import AccountData
from app.views.account_switcher import host_of
from app.views.add_account_dialog import AccountDraft, AddAccountDialog
from app.views.login_prompt import LoginPrompt
from app.views.manage_accounts_dialog import ManageAccountsDialog

from .status_notes import GLOBAL, Note

log = logging.getLogger("app.application")   # one logger for all of the Application's parts


class AccountActions:
    """Mixed into Application: `accounts` is the list; `current_id` the one on screen; `needs_login` the accounts
    whose login ended, each prompted once (`prompt`) until the user asks again."""

    def _open_accounts(self) -> AccountStore:
        path = paths.accounts_file()
        try:
            return AccountStore(path)
        except AccountError as exc:
            moved = path.with_name(f"{path.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            path.replace(moved)
            log.error("%s Moved to %s.", exc, moved)
            self.notes[GLOBAL]["accounts"] = Note("error", f"The list of accounts could not be read, so Sett "
                                                  f"started with none; the damaged file was kept as {moved}.")
            return AccountStore(path)

    @property
    def current(self) -> Account | None:
        return self.accounts.get(self.current_id) if self.current_id else None

    def select_account(self, account_id: str | None) -> None:
        if account_id is not None and self.accounts.get(account_id) is None:
            account_id = None
        self.current_id = account_id
        self._show_accounts()
        self._show_notes()
        if account_id is None:
            return
        self.settings.set(keys.LAST_ACCOUNT, account_id)
        enabled, reason = self.billing.get(account_id, (True, None))
        self.window.set_billing(enabled, reason, self._panel_name(account_id))
        self.window.show_account_data(self.data.get(account_id) or AccountData(account_id))
        self._show_status()
        if account_id not in self.data:
            self._load(account_id)
        if account_id in self.needs_login:
            self.auth_required.emit(account_id)
        else:
            self.sync.sync(account_id)

    def _show_accounts(self) -> None:
        """The accounts list changed (added, renamed, removed) or another one is current: tell the window and
        whoever follows the list (`accounts_changed`)."""
        self.window.set_accounts(self.accounts.all(), self.current_id)
        self.accounts_changed.emit()

    def _adopt(self, account: Account, credentials: Credentials) -> None:
        self.secrets.save(account.id, credentials)
        if account.id not in self.sync.accounts:
            self.sync.accounts.append(account.id)
        self.select_account(account.id)

    def open_add_dialog(self) -> AddAccountDialog:
        if self.add_dialog is not None:
            self.add_dialog.raise_()
            return self.add_dialog
        dialog = AddAccountDialog(self.logins, self.keyring_note, self.window)
        dialog.completed.connect(lambda draft: self._add_account(dialog, draft))
        dialog.finished.connect(lambda _r: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_account(self, dialog: AddAccountDialog, draft: AccountDraft) -> None:
        try:
            account = self.accounts.add(name=draft.name, panel_url=draft.panel_url, email=draft.email,
                                        auth_kind=draft.auth_kind)
        except AccountError as exc:
            dialog.show_error(str(exc))
            return
        log.info("added account %s at %s", account.id, host_of(account.panel_url))
        dialog.accept()
        self._adopt(account, draft.credentials)

    def open_manage_dialog(self) -> ManageAccountsDialog:
        if self.manage_dialog is None:
            dialog = ManageAccountsDialog(self.window)
            dialog.rename_requested.connect(self.rename_account)
            dialog.remove_requested.connect(self.remove_account)
            dialog.finished.connect(lambda _r: setattr(self, "manage_dialog", None))
            self.manage_dialog = dialog
        self.manage_dialog.set_accounts(self.accounts.all(), self.current_id)
        self.manage_dialog.open()
        return self.manage_dialog

    def rename_account(self, account_id: str, name: str) -> None:
        try:
            self.accounts.rename(account_id, name)
        except AccountError as exc:
            if self.manage_dialog is not None:
                self.manage_dialog.show_error(str(exc))
            return
        self._show_accounts()
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(self.accounts.all(), account_id)

    def remove_account(self, account_id: str) -> None:
        account = self.accounts.get(account_id)
        if account is None:
            return
        credentials = self.secrets.load(account_id)
        self._forget_account(account_id)
        if credentials is not None and credentials.kind == "tokens":
            self.runner.run(lambda: self._logout(account.panel_url, credentials), None,
                            lambda e: log.info("logging out of a removed account failed: %s", e))
        remaining = self.accounts.all()
        if self.manage_dialog is not None:
            self.manage_dialog.set_accounts(remaining)
        if self.current_id == account_id or self.current_id is None:
            self.select_account(remaining[0].id if remaining else None)
        else:
            self._show_accounts()

    def _logout(self, url: str, credentials: Credentials) -> None:
        with PanelClient(url, credentials, timeout=5, max_retries=0) as client:
            client.logout()

    def _forget_account(self, account_id: str) -> None:
        """Everything Sett holds for an account goes: the sync, the secret, the list entry, the cached data."""
        self.sync.forget(account_id)
        if account_id in self.sync.accounts:
            self.sync.accounts.remove(account_id)
        timer = self._retry_timers.pop(account_id, None)
        if timer is not None:
            timer.stop()
        self.secrets.delete(account_id)
        self.accounts.remove(account_id)
        for store in (self.data, self.links, self.billing, self.last_synced, self.notes):
            store.pop(account_id, None)
        self.needs_login.discard(account_id)
        self._prompted.discard(account_id)
        folder = paths.account_cache(account_id).parent
        shutil.rmtree(folder, ignore_errors=True)
        log.info("removed account %s", account_id)

    # -- logging in again -----------------------------------------------------------------------------------------
    def _ask_login(self, account_id: str, force: bool = False) -> None:
        account = self.accounts.get(account_id)
        if account is None or account_id != self.current_id or self._shut_down:
            return
        if self.prompt is not None or (account_id in self._prompted and not force):
            return
        self._prompted.add(account_id)
        prompt = LoginPrompt(account, self.logins, self._auth_reasons.get(account_id, ""), self.keyring_note,
                             self.window)
        prompt.signed_in.connect(self._signed_in)
        prompt.finished.connect(lambda _r: setattr(self, "prompt", None))
        self.prompt = prompt
        prompt.open()

    def _signed_in(self, account_id: str, credentials: Credentials) -> None:
        if self.accounts.get(account_id) is None:
            return
        self.secrets.save(account_id, credentials)
        self.needs_login.discard(account_id)
        self._prompted.discard(account_id)
        self.clear_note(account_id, "login")
        if account_id not in self.sync.accounts:
            self.sync.accounts.append(account_id)
        self.sync.sync(account_id)
