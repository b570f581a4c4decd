"""Reading what an export needs from the saved caches, through app.cache's readers: no window, no network, and
nothing written. Runs on a worker in the window, or on its own in `python -m app export`.

An account never synced has no cache file: it is reported as skipped, and no file is created for it."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.cache import account_cache_exists, open_account_cache
from app.core.account_data import AccountData

from .records import AccountRecords


@dataclass(frozen=True)
class SavedRecords:
    accounts: list[AccountRecords] = field(default_factory=list)
    never_synced: list[str] = field(default_factory=list)      # names of the accounts with nothing saved


def read_account(account_id: str, name: str) -> AccountRecords | None:
    """One account's invoices (whole, with their payment history where it was fetched) and credit transactions,
    read in one read transaction so the two never come from different syncs; None when nothing is saved."""
    if not account_cache_exists(account_id):
        return None
    with open_account_cache(account_id) as cache, cache.snapshot():
        billing = cache.config("billing_config", {}) or {}
        if not cache.sync_states() and not billing:
            return None
        shown = AccountData(account_id, billing_config=billing if isinstance(billing, dict) else {})
        return AccountRecords(account_id, name, shown.currency_code, shown.places, cache.invoices(),
                              cache.credit_transactions())


def read_saved(accounts: Iterable[tuple[str, str]]) -> SavedRecords:
    """(id, name) pairs in the user's order -> their saved records."""
    found: list[AccountRecords] = []
    missing: list[str] = []
    for account_id, name in accounts:
        records = read_account(account_id, name)
        if records is None:
            missing.append(name)
        else:
            found.append(records)
    return SavedRecords(found, missing)
