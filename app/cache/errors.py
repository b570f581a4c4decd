"""What can go wrong with an account's cache file, each with a sentence a person can read as `str(exc)`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.text import QT_TRANSLATE_NOOP, translate

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

# What failed, one whole sentence each (a translation cannot fill a verb into one sentence).
COULD_NOT = {
    "open": QT_TRANSLATE_NOOP("CacheError", "Could not open the cache for this account ({path}): {error}."),
    "read": QT_TRANSLATE_NOOP("CacheError", "Could not read the cache for this account ({path}): {error}."),
    "write": QT_TRANSLATE_NOOP("CacheError", "Could not write the cache for this account ({path}): {error}."),
}


def damaged(path, detail: str = "") -> CacheDamaged:
    suffix = f" ({detail})" if detail else ""
    return CacheDamaged(translate("CacheError", "The cache for this account is damaged and cannot be read: {path}. It "
                                  "can be rebuilt from the panel; the damaged file will be kept beside it.").format(
        path=f"{path}{suffix}"))


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
    sentence = COULD_NOT.get(doing, COULD_NOT["open"])
    return CacheError(translate("CacheError", sentence).format(path=path, error=exc))
