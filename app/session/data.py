"""Reading what the screens show of one account from its cache, in one go, on the session's worker."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.account_data import AccountData

if TYPE_CHECKING:
    from app.cache import AccountCache


def load_account_data(account_id: str, cache: AccountCache) -> AccountData:
    states = cache.sync_states()
    synced = [s.get("last_synced_at") for s in states.values() if s.get("last_synced_at")]
    data = AccountData(
        account_id=account_id,
        public_settings=cache.config("public_settings", {}) or {},
        billing_config=cache.config("billing_config", {}) or {},
        me=cache.config("me", {}) or {},
        dashboard=cache.config("dashboard", {}) or {},
        credits=cache.config("credits", {}) or {},
        categories=cache.categories(),
        products=cache.products(),
        services=cache.services(),
        invoices=cache.invoice_rows(),
        orders=cache.orders(),
        credit_transactions=cache.credit_transactions(),
        notifications=cache.notifications(),
        tickets=cache.tickets(),
        cart=cache.cart_items(),
        cart_options=cache.config("cart_options", {}) or {},
        last_synced_at=max(synced) if synced else None,
    )
    data.invoice_facts  # noqa: B018 - worked out here, on the worker, and kept with the data
    data.payable_ids  # noqa: B018 - likewise
    return data


def read_account_data(account_id: str) -> AccountData:
    """On a worker: everything the screens show of one account, from its cache."""
    # the store and its SQL load here, on the worker, not at start-up
    from app.cache import account_cache_exists, open_account_cache

    if not account_cache_exists(account_id):
        # Nothing saved yet (never synced), or the account was removed a moment ago: reading must not make the
        # file (and the removed account's folder) again. An empty cache would read as this.
        return AccountData(account_id)
    with open_account_cache(account_id) as cache, cache.snapshot():
        return load_account_data(account_id, cache)     # one read transaction: never half of two syncs


def read_accounts(accounts: list[tuple[str, str]]) -> list[tuple[str, AccountData]]:
    """On a worker: (name, AccountData) of every account in `accounts` ((id, name) pairs), from each one's cache."""
    from app.cache import account_cache_exists

    out = []
    for account_id, name in accounts:
        if not account_cache_exists(account_id):
            # Never synced, or removed a moment ago: opening its cache would create the file again.
            out.append((name, AccountData(account_id)))
            continue
        out.append((name, read_account_data(account_id)))
    return out
