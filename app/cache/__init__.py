"""One SQLite cache file per account (no Qt): the panel's rows kept as JSON, plus columns to sort and filter.

`AccountCache(path)` opens, creates or upgrades the file; `apply(CacheChanges)` writes a sync in one
transaction; the readers return plain dicts in the panel's JSON shape, money as the panel's decimal strings.
"""
from .accounts import account_cache_exists, open_account_cache, rebuild_account_cache, remove_account_cache
from .changes import CacheChanges
from .errors import CacheDamaged, CacheError, CacheTooNew, InvalidChanges
from .rows import minor_units
from .schema import MIGRATIONS, Migration, latest_version
from .store import INVOICE_ROW_COLUMNS, SYNC_STATE_FIELDS, AccountCache

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
