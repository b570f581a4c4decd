"""Gateway secrets at rest: sealed with the operator's key (Fernet: AES-128-CBC with an HMAC), never plain text.

The key comes from `--secret-key-file` or the `SETT_PANEL_SECRET_KEY` environment variable, never from the
database it protects, so a copied database file alone does not give away the Stripe or PayPal keys. Without a
key the panel still works (the demo and the tests run so) but stores secrets as given, and says so at start and
in `GET /admin/billing/settings`. The key is process-wide because every settings read needs it and settings are
read from many places with only a connection at hand; `server.serve` sets it once before answering requests.
"""
from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

ENV_VAR = "SETT_PANEL_SECRET_KEY"
SEALED = "fernet:"  # stored values that start so are sealed; anything else was stored before a key was given


class SecretKeyError(RuntimeError):
    """The key given is not a Fernet key."""


class SecretBox:
    def __init__(self, key: str | bytes | None = None) -> None:
        try:
            self._fernet = Fernet(key) if key else None
        except (ValueError, TypeError):
            raise SecretKeyError("the secret key must be a Fernet key (32 bytes, url-safe base64; make one with "
                                 "`python -m panel secret-key`)") from None
        # Stored secrets this key could not open (sealed with another key, or no key given): reported, not used.
        self.unreadable: set[str] = set()

    @property
    def has_key(self) -> bool:
        return self._fernet is not None

    def seal(self, plain: str) -> str:
        if not plain or self._fernet is None:
            return plain
        return SEALED + self._fernet.encrypt(plain.encode()).decode()

    def open(self, name: str, stored: str) -> str:
        if not isinstance(stored, str) or not stored.startswith(SEALED):
            return stored
        if self._fernet is not None:
            try:
                return self._fernet.decrypt(stored.removeprefix(SEALED).encode()).decode()
            except InvalidToken:
                pass
        self.unreadable.add(name)
        return ""

    def status(self) -> tuple[bool, str | None]:
        """(are secrets sealed, what the operator should know) for the admin settings and the start-up log."""
        if self.unreadable:
            return False, (f"Stored secrets ({', '.join(sorted(self.unreadable))}) cannot be opened with the key "
                           "this panel was started with; they count as unset until entered again.")
        if not self.has_key:
            return False, (f"Gateway secrets are stored unencrypted: start the panel with {ENV_VAR} or "
                           "--secret-key-file to encrypt them.")
        return True, None


_box = SecretBox()


def current() -> SecretBox:
    return _box


def configure(key: str | bytes | None) -> SecretBox:
    global _box
    _box = SecretBox(key)
    return _box


def key_from(file: str | None) -> str | None:
    """The operator's key: the file's content when a file is named, else the environment's, else none."""
    if file:
        return Path(file).read_text().strip()
    return os.environ.get(ENV_VAR, "").strip() or None


def new_key() -> str:
    return Fernet.generate_key().decode()
