"""Account secrets (token pairs, API keys) in the system keyring, and nowhere else.

Where no keyring backend exists the secrets live in memory for this run only: the app says so and asks for the
password again at the next start rather than writing a secret to disk.

keyring is imported when a secret is first needed, not with this module: importing it and finding the system's
backend takes ~50 ms, and the first secret read at start-up is the first sync's, on its worker, so the UI thread
starts without it. (A store given a backend has it imported already, by whoever made the backend.)
"""
from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING

from app.api import Credentials
from app.core.text import translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Sett"
log = logging.getLogger(__name__)


class SecretStore:
    """`SecretStore()`: the system keyring, looked up on first use; `SecretStore(backend)`: that backend;
    `SecretStore.memory_only()`: no keyring at all (as with keyring's `fail.Keyring()`), without importing keyring."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._available: bool | None = None     # None: not known until the backend is
        self._lock = threading.Lock()           # the system keyring is looked up once, by whichever thread is first
        self._memory: dict[str, str] = {}

    @classmethod
    def memory_only(cls) -> SecretStore:
        store = cls()
        store._available = False
        return store

    def _keyring(self) -> KeyringBackend | None:
        """The backend, None when there is none to use; `available` says which."""
        with self._lock:
            if self._available is None:
                import keyring
                from keyring.backends import fail, null

                if self._backend is None:
                    self._backend = keyring.get_keyring()
                self._available = not isinstance(self._backend, (fail.Keyring, null.Keyring))
            return self._backend if self._available else None

    @property
    def available(self) -> bool:
        return self._keyring() is not None

    @property
    def note(self) -> str | None:
        if self.available:
            return None
        return translate("SecretStore", "No system keyring is available, so Sett keeps your login only while it "
                         "runs and will ask for your password again next time.")

    def load(self, account_id: str) -> Credentials | None:
        raw = self._memory.get(account_id)
        backend = self._keyring() if raw is None else None
        if backend is not None:
            from keyring.errors import KeyringError

            try:
                raw = backend.get_password(SERVICE, account_id)
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
        backend = self._keyring()
        if backend is not None:
            from keyring.errors import KeyringError

            try:
                backend.set_password(SERVICE, account_id, raw)
                return
            except KeyringError:
                log.warning("the keyring refused to store a login; keeping it for this run only")
        self._memory[account_id] = raw

    def delete(self, account_id: str) -> None:
        self._memory.pop(account_id, None)
        backend = self._keyring()
        if backend is not None:
            from keyring.errors import KeyringError

            try:
                backend.delete_password(SERVICE, account_id)
            except KeyringError:
                pass  # nothing stored, or the keyring is gone: either way nothing is left to delete
