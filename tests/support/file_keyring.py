"""A keyring kept in one JSON file, for tests that start Sett as a process of its own: the in-memory keyring of
tests/gui/conftest.py cannot be reached from a child, the system keyring must not be touched by tests. The child
loads it with `PYTHON_KEYRING_BACKEND=tests.support.file_keyring.FileKeyring` (keyring's own switch) and finds the
file in `SETT_TEST_KEYRING`. Test logins only: the file is plain text in the test's temporary folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

BACKEND = f"{__name__}.FileKeyring"
ENV = "SETT_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1

    def __init__(self, path: Path | str | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ[ENV])

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _write(self, entries: dict[str, str]) -> None:
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(entries), encoding="utf-8")
        partial.replace(self.path)      # a reader in the other process never sees half a file

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._write({**self._read(), f"{service}/{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        entries = self._read()
        if entries.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not stored")
        self._write(entries)

    def env(self) -> dict[str, str]:
        """What a child process needs in its environment to use this keyring."""
        return {"PYTHON_KEYRING_BACKEND": BACKEND, ENV: str(self.path)}
