"""What can go wrong with an account's cache file, each with a sentence a person can read as `str(exc)`."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the session layer names these errors at start-up; sqlite3 loads with the store, on a worker
    import sqlite3

# Primary SQLite result codes that mean "these bytes are not a healthy database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class CacheError(Exception):
    """The account's local cache could not be used."""


class CacheTooNew(CacheError):
    """The file was written by a newer version of Sett; it is left exactly as it was."""


class CacheDamaged(CacheError):
    """The file is not a readable database; it is left as it was so `AccountCache.rebuild` can set it aside."""


class InvalidChanges(CacheError, ValueError):
    """A change-set that cannot be written (unknown table, row without an id, ...); nothing was written."""


def damaged(path, detail: str = "") -> CacheDamaged:
    suffix = f" ({detail})" if detail else ""
    return CacheDamaged(f"The cache for this account is damaged and cannot be read: {path}{suffix}. "
                        "It can be rebuilt from the panel; the damaged file will be kept beside it.")


def is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def from_sqlite(exc: sqlite3.Error, path, doing: str) -> CacheError:
    """Translate a driver error met while `doing` something into the cache's own error."""
    if is_corruption(exc):
        return damaged(path, str(exc))
    return CacheError(f"Could not {doing} the cache for this account ({path}): {exc}.")
