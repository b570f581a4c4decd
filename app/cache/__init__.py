"""One SQLite cache file per account (no Qt): the panel's rows kept as JSON, plus columns to sort and filter.

`AccountCache(path)` opens, creates or upgrades the file; `apply(CacheChanges)` writes a sync in one
transaction; the readers return plain dicts in the panel's JSON shape, money as the panel's decimal strings.

The names below are loaded from their modules when first asked for (PEP 562): naming `CacheError` at start-up
does not load the store and its SQL, which the first read of a cache loads on its worker.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .accounts import account_cache_exists, open_account_cache, rebuild_account_cache, remove_account_cache
    from .changes import CacheChanges
    from .errors import CacheDamaged, CacheError, CacheTooNew, InvalidChanges
    from .rows import minor_units
    from .schema import MIGRATIONS, Migration, latest_version
    from .store import INVOICE_ROW_COLUMNS, SYNC_STATE_FIELDS, AccountCache

_MODULES = {      # module: the names it gives this package
    "accounts": ("account_cache_exists", "open_account_cache", "rebuild_account_cache", "remove_account_cache"),
    "changes": ("CacheChanges",),
    "errors": ("CacheDamaged", "CacheError", "CacheTooNew", "InvalidChanges"),
    "rows": ("minor_units",),
    "schema": ("MIGRATIONS", "Migration", "latest_version"),
    "store": ("INVOICE_ROW_COLUMNS", "SYNC_STATE_FIELDS", "AccountCache"),
}
_HOMES = {name: module for module, names in _MODULES.items() for name in names}
__all__ = [
    "INVOICE_ROW_COLUMNS",
    "MIGRATIONS",
    "SYNC_STATE_FIELDS",
    "AccountCache",
    "CacheChanges",
    "CacheDamaged",
    "CacheError",
    "CacheTooNew",
    "InvalidChanges",
    "account_cache_exists",
    "open_account_cache",
    "rebuild_account_cache",
    "remove_account_cache",
    "Migration",
    "latest_version",
    "minor_units",
]


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value     # asked once: later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
