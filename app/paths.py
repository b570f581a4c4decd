"""Where Sett keeps its files: the platform's proper places (platformdirs), or one folder given by --data-dir.

Uninstalling the application leaves `data_dir()` behind; it holds the account list and one cache database per
account, nothing secret (secrets live in the system keyring).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "Sett"
_override: Path | None = None


def bundle_root() -> Path:
    """Where the read-only files live: the source tree, or the frozen bundle's folder (PyInstaller's _MEIPASS)."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parents[1]


def resource_dir() -> Path:
    """resources/ (icons, styles): beside the source tree, or inside the bundle."""
    return bundle_root() / "resources"


def use_data_dir(path: str | Path | None) -> None:
    """Keep everything (accounts, caches, settings, logs) under `path`: demo mode, tests, portable use."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def _data_path() -> Path:
    return _override or Path(_dirs().user_data_dir)


def _log_path() -> Path:
    return (_override / "logs") if _override else Path(_dirs().user_log_dir)


def data_dir() -> Path:
    path = _data_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = _log_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


class DataDirError(Exception):
    """The data folder (or its logs folder) cannot be made or written; the message says which and why."""


def check_data_dir() -> None:
    """Make the data and log folders now, or raise DataDirError in words: a --data-dir that names a file or a
    folder Sett may not write would otherwise end in a traceback from the first file written there."""
    for path in (_data_path(), _log_path()):
        try:
            path.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise DataDirError(f"{path} is a file, not a folder") from None
        except OSError as exc:
            raise DataDirError(f"{path} cannot be made: {exc.strerror or exc}") from None
        if not os.access(path, os.W_OK | os.X_OK):
            raise DataDirError(f"{path} cannot be written: permission denied")


def settings_file() -> Path | None:
    """An INI file inside the data folder when one was given; None means the platform's QSettings store."""
    return _override / "settings.ini" if _override else None


def account_cache(account_id: str) -> Path:
    return data_dir() / "accounts" / account_id / "cache.sqlite3"


def accounts_file() -> Path:
    return data_dir() / "accounts.json"
