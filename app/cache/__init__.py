"""One SQLite cache file per account (no Qt): the panel's rows kept as JSON, plus columns to sort and filter.

`AccountCache(path)` opens, creates or upgrades the file; `apply(CacheChanges)` writes a sync in one
transaction; the readers return plain dicts in the panel's JSON shape, money as the panel's decimal strings.

The names below are loaded from their modules when first asked for (PEP 562): naming `CacheError` at start-up
does not load the store and its SQL, which the first read of a cache loads on its worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from .accounts import account_cache_exists, open_account_cache, rebuild_account_cache, remove_account_cache
    from .changes import CacheChanges
    from .errors import CacheDamaged, CacheError, CacheTooNew, InvalidChanges
    from .outbox_lock import outbox_lock
    from .rows import has_row_id, minor_units
    from .schema import MIGRATIONS, Migration, latest_version
    from .store import INVOICE_ROW_COLUMNS, SYNC_STATE_FIELDS, AccountCache

_MODULES = {      # module: the names it gives this package
    "accounts": ("account_cache_exists", "open_account_cache", "rebuild_account_cache", "remove_account_cache"),
    "changes": ("CacheChanges",),
    "errors": ("CacheDamaged", "CacheError", "CacheTooNew", "InvalidChanges"),
    "outbox_lock": ("outbox_lock",),
    "rows": ("has_row_id", "minor_units"),
    "schema": ("MIGRATIONS", "Migration", "latest_version"),
    "store": ("INVOICE_ROW_COLUMNS", "SYNC_STATE_FIELDS", "AccountCache"),
}
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
    "has_row_id",
    "open_account_cache",
    "outbox_lock",
    "rebuild_account_cache",
    "remove_account_cache",
    "Migration",
    "latest_version",
    "minor_units",
]

__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
