"""What the screens show of one account, read from its cache in one go on a worker thread (no Qt).

Screens never open the database: the shell reads an AccountData after start-up and after each sync that
changed something, and hands it to every section on the UI thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from app import paths
from app.cache import AccountCache
from app.core.cart import places_of
from app.core.invoice_facts import InvoiceFacts, invoice_facts
from app.core.money import money_str, parse_money


@dataclass(frozen=True)
class AccountData:
    account_id: str
    public_settings: dict = field(default_factory=dict)
    billing_config: dict = field(default_factory=dict)
    me: dict = field(default_factory=dict)
    dashboard: dict = field(default_factory=dict)
    credits: dict = field(default_factory=dict)
    categories: list[dict] = field(default_factory=list)
    products: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    invoices: list[dict] = field(default_factory=list)      # compact rows: AccountCache.invoice_rows()
    orders: list[dict] = field(default_factory=list)
    credit_transactions: list[dict] = field(default_factory=list)
    notifications: list[dict] = field(default_factory=list)
    cart: list[dict] = field(default_factory=list)          # the local cart's items (app.core.cart.CartItem dicts)
    cart_options: dict = field(default_factory=dict)        # {"coupon": {...} | None, "use_credits": bool}
    last_synced_at: str | None = None

    @property
    def billing_enabled(self) -> bool:
        return bool(self.public_settings.get("billing_enabled", True))

    @property
    def currency(self) -> dict[str, Any]:
        return self.billing_config.get("currency") or {"code": "USD", "symbol": "$", "places": 2}

    @property
    def currency_code(self) -> str:
        return str(self.currency.get("code") or "")

    @property
    def places(self) -> int:
        """The currency's decimal places (2 where the panel sent none, or nonsense)."""
        return places_of(self.billing_config)

    @cached_property
    def invoice_facts(self) -> InvoiceFacts:
        """Figures over every invoice; load_account_data works them out on its worker, so screens never loop."""
        return invoice_facts(self.invoices, self.currency_code)

    @property
    def never_synced(self) -> bool:
        return self.last_synced_at is None

    def money(self, amount: str | Decimal | None) -> str:
        """Every amount on screen goes through here: the account's symbol and places."""
        if amount is None or amount == "":
            return "—"
        try:
            value = parse_money(amount)
        except ValueError:
            return str(amount)
        text = money_str(abs(value), self.places)
        return f"{'-' if value < 0 else ''}{self.currency.get('symbol', '')}{text}"


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
        cart=cache.cart_items(),
        cart_options=cache.config("cart_options", {}) or {},
        last_synced_at=max(synced) if synced else None,
    )
    data.invoice_facts  # noqa: B018 - worked out here, on the worker, and kept with the data
    return data


def read_account_data(account_id: str) -> AccountData:
    """On a worker: everything the screens show of one account, from its cache."""
    with AccountCache(paths.account_cache(account_id)) as cache:
        return load_account_data(account_id, cache)
