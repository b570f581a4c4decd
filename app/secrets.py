"""Account secrets (token pairs, API keys) in the system keyring, and nowhere else.

Where no keyring backend exists the secrets live in memory for this run only: the app says so and asks for the
password again at the next start rather than writing a secret to disk.
"""
from __future__ import annotations

import json
import logging

import keyring
from keyring.backends import fail, null
from keyring.errors import KeyringError

from app.api import Credentials

SERVICE = "Sett"
log = logging.getLogger(__name__)


class SecretStore:
    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        self._memory: dict[str, str] = {}
        self.available = not isinstance(self._backend, (fail.Keyring, null.Keyring))

    @property
    def note(self) -> str | None:
        if self.available:
            return None
        return ("No system keyring is available, so Sett keeps your login only while it runs and will ask for "
                "your password again next time.")

    def load(self, account_id: str) -> Credentials | None:
        raw = self._memory.get(account_id)
        if raw is None and self.available:
            try:
                raw = self._backend.get_password(SERVICE, account_id)
            except KeyringError:
                log.warning("the keyring could not be read; asking for a login instead")
                raw = None
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Credentials(api_key=data.get("api_key"), access_token=data.get("access_token"),
                               refresh_token=data.get("refresh_token"))
        except (ValueError, TypeError, AttributeError):
            return None

    def save(self, account_id: str, credentials: Credentials) -> None:
        raw = json.dumps({"api_key": credentials.api_key, "access_token": credentials.access_token,
                          "refresh_token": credentials.refresh_token})
        if self.available:
            try:
                self._backend.set_password(SERVICE, account_id, raw)
                return
            except KeyringError:
                log.warning("the keyring refused to store a login; keeping it for this run only")
        self._memory[account_id] = raw

    def delete(self, account_id: str) -> None:
        self._memory.pop(account_id, None)
        if self.available:
            try:
                self._backend.delete_password(SERVICE, account_id)
            except KeyringError:
                pass  # nothing stored, or the keyring is gone: either way nothing is left to delete
