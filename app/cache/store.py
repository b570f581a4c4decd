"""AccountCache: one account's SQLite file, opened (and upgraded) once per thread; built from its connection
(connection.py), its reading queries (queries.py) and the applying of change-sets (apply.py)."""
from __future__ import annotations

from .apply import ChangeSetWriter
from .queries import INVOICE_ROW_COLUMNS, SYNC_STATE_FIELDS

__all__ = ["INVOICE_ROW_COLUMNS", "SYNC_STATE_FIELDS", "AccountCache"]


class AccountCache(ChangeSetWriter):
    """One account's cache file at `path` (the caller chooses it; missing folders are created).

    One connection per instance and one instance per thread: SQLite connections refuse to be shared across
    threads, so a sync worker and the UI thread each open their own (write-ahead logging lets them read
    while the other writes; a writer waits up to BUSY_TIMEOUT_SECONDS for another). Call `close()`.

    Raises CacheTooNew for a file from a newer Sett, CacheDamaged for one that is not a readable database
    (offer `AccountCache.rebuild(path)`), and CacheError for anything else; in each case the file is left
    as it was.
    """
