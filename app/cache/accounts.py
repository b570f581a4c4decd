"""Where each account's cache lives, and the only place outside this package's tests that opens one: sessions call
these on their worker (no Qt), so no other code spells a cache path or constructs an AccountCache."""
from __future__ import annotations

import shutil
from pathlib import Path

from app import paths

from .store import AccountCache


def open_account_cache(account_id: str) -> AccountCache:
    """The account's cache, opened (created or upgraded) on this thread; close it (or use `with`)."""
    return AccountCache(paths.account_cache(account_id))


def account_cache_exists(account_id: str) -> bool:
    """Whether the account has a cache file yet (opening one would create it)."""
    return paths.account_cache(account_id).exists()


def rebuild_account_cache(account_id: str) -> Path | None:
    """Move a damaged cache aside and start an empty one; returns where the damaged file was kept."""
    cache = AccountCache.rebuild(paths.account_cache(account_id))
    cache.close()
    return cache.damaged_copy


def remove_account_cache(account_id: str) -> None:
    """Everything cached for a removed account, gone (its folder holds nothing else)."""
    shutil.rmtree(paths.account_cache(account_id).parent, ignore_errors=True)
