"""Reading what an export needs from the saved caches, through app.cache's readers: no window, no network, and
nothing written (a cache left by an older Sett is upgraded on opening, with its backup, exactly as starting Sett
would). Runs on a worker in the window, or on its own in `python -m app export`, beside a running Sett if need be
(write-ahead logging lets it read while a sync writes).

An account never synced has no cache file: it is reported as skipped, and no file is created for it."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import app.cache as caches  # its store loads on first use, on the worker that reads (not at start-up)
from app.core.account_data import AccountData

from .records import HIDDEN_INVOICE_STATUSES, AccountRecords, Period


@dataclass(frozen=True)
class SavedRecords:
    accounts: list[AccountRecords] = field(default_factory=list)
    never_synced: list[str] = field(default_factory=list)      # names of the accounts with nothing saved


def read_account(account_id: str, name: str) -> AccountRecords | None:
    """One account's invoices (whole, with their payment history where it was fetched) and credit transactions,
    read in one read transaction so the two never come from different syncs; None when nothing is saved."""
    if not caches.account_cache_exists(account_id):
        return None
    with caches.open_account_cache(account_id) as cache, cache.snapshot():
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


@dataclass(frozen=True)
class Document:
    """One invoice to render as a PDF: its account's name and data (currency, panel, customer) and the invoice."""

    account_name: str
    data: AccountData
    invoice: dict


@dataclass(frozen=True)
class Documents:
    items: list[Document] = field(default_factory=list)
    skipped: int = 0                                          # in the period, but only the list row is saved
    never_synced: list[str] = field(default_factory=list)


def read_documents(accounts: Iterable[tuple[str, str]], period: Period) -> Documents:
    """The invoices issued in `period` (drafts never) of these accounts whose detail (lines, payments) is saved,
    oldest first per account; those without it are counted as skipped: a PDF needs the lines."""
    items: list[Document] = []
    skipped = 0
    missing: list[str] = []
    for account_id, name in accounts:
        if not caches.account_cache_exists(account_id):
            missing.append(name)
            continue
        with caches.open_account_cache(account_id) as cache, cache.snapshot():
            data = AccountData(account_id, public_settings=_dict(cache.config("public_settings")),
                               billing_config=_dict(cache.config("billing_config")), me=_dict(cache.config("me")))
            invoices = cache.invoices()
        for invoice in reversed(invoices):
            if invoice.get("status") in HIDDEN_INVOICE_STATUSES or not period.holds(invoice.get("issue_date")):
                continue
            if "lines" not in invoice:
                skipped += 1
                continue
            items.append(Document(name, data, invoice))
    return Documents(items, skipped, missing)


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}
