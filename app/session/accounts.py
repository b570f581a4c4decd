"""The list of accounts, kept in one JSON file (see app.core.accounts for what an account is)."""
from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path

from app.core.accounts import Account, AccountError, host_of, normalise_url
from app.core.text import translate

__all__ = ["Account", "AccountError", "AccountStore", "host_of", "normalise_url"]


class AccountStore:
    """Accounts kept in one JSON file, rewritten atomically so a crash never leaves half a list."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._accounts: list[Account] = self._read()

    def _read(self) -> list[Account]:
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            return [Account(**row) for row in rows]
        except FileNotFoundError:
            return []
        except (ValueError, TypeError) as exc:
            raise AccountError(translate("Accounts", "The account list {path} is damaged ({error}); move it away to "
                                                     "start afresh.").format(path=self.path, error=exc)) from None

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".accounts-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([asdict(a) for a in self._accounts], handle, indent=2)
        os.replace(tmp, self.path)

    def all(self) -> list[Account]:
        return list(self._accounts)

    def get(self, account_id: str) -> Account | None:
        return next((a for a in self._accounts if a.id == account_id), None)

    def add(self, *, name: str, panel_url: str, email: str, auth_kind: str) -> Account:
        url = normalise_url(panel_url)
        if auth_kind not in ("password", "api_key"):
            raise AccountError(f"unknown login kind {auth_kind!r}")
        if any(a.panel_url == url and a.email.lower() == email.lower() for a in self._accounts):
            raise AccountError(translate("Accounts", "{email} at {address} is already in your accounts.").format(
                email=email, address=url))
        account = Account(id=uuid.uuid4().hex, name=name.strip() or email, panel_url=url, email=email,
                          auth_kind=auth_kind, created_at=datetime.now(UTC).isoformat())
        self._accounts.append(account)
        self._write()
        return account

    def rename(self, account_id: str, name: str) -> Account:
        name = name.strip()
        if not name:
            raise AccountError(translate("Accounts", "An account needs a name."))
        account = self.get(account_id)
        if account is None:
            raise AccountError(translate("Accounts", "That account no longer exists."))
        updated = replace(account, name=name)
        self._accounts = [updated if a.id == account_id else a for a in self._accounts]
        self._write()
        return updated

    def remove(self, account_id: str) -> None:
        self._accounts = [a for a in self._accounts if a.id != account_id]
        self._write()
