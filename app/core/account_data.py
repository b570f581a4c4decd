"""What the screens show of one account: an immutable snapshot of its cache (pure: no Qt, no I/O).

Screens never open the database: the account's session (app.session) reads an AccountData on its worker after
start-up and after every change-set, and hands it to the screens on the UI thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from app.core.text import QT_TRANSLATE_NOOP

from . import local_format
from .cart import places_of
from .invoice_facts import InvoiceFacts, invoice_facts
from .money import currency_code as code_of
from .money import parse_money
from .pay_due import payable_invoice_ids

BILLING_OFF_REASON = QT_TRANSLATE_NOOP("AccountData", "Billing is not available on this panel: it has no Billing "
                                       "Module licence, or its operator has switched billing off.")
TICKETS_OFF_REASON = QT_TRANSLATE_NOOP("AccountData", "Support tickets are not available on this panel: its operator "
                                       "has switched them off.")


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
    tickets: list[dict] = field(default_factory=list)        # support tickets, most recently changed first
    cart: list[dict] = field(default_factory=list)          # the local cart's items (app.core.cart.CartItem dicts)
    cart_options: dict = field(default_factory=dict)        # {"coupon": {...} | None, "use_credits": bool}
    last_synced_at: str | None = None

    @property
    def billing_enabled(self) -> bool:
        return bool(self.public_settings.get("billing_enabled", True))

    @property
    def tickets_enabled(self) -> bool:
        """Whether the panel takes support tickets (`tickets_enabled` of its public settings; off when unsaid)."""
        return bool(self.public_settings.get("tickets_enabled", False))

    # The currency and its places are kept once worked out (the data is frozen): every amount on screen asks for
    # them, and a list of 50,000 invoices writes 100,000 amounts when it is searched.
    @cached_property
    def currency(self) -> dict[str, Any]:
        """The account's currency; a default where the saved config holds none or something else (a string)."""
        currency = self.billing_config.get("currency") if isinstance(self.billing_config, dict) else None
        return currency if isinstance(currency, dict) and currency else {"code": "USD", "symbol": "$", "places": 2}

    @cached_property
    def currency_code(self) -> str:
        """In its one spelling ("USD"): a config cached from a panel that wrote "usd" compares as the rows do."""
        return code_of(self.currency.get("code"))

    @cached_property
    def places(self) -> int:
        """The currency's decimal places (2 where the panel sent none, or nonsense)."""
        return places_of(self.billing_config)

    @cached_property
    def invoice_facts(self) -> InvoiceFacts:
        """Figures over every invoice; load_account_data works them out on its worker, so screens never loop."""
        return invoice_facts(self.invoices, self.currency_code)

    @cached_property
    def payable_ids(self) -> tuple[str, ...]:
        """What "Pay all due" pays (app.core.pay_due), worked out on the worker with the invoice facts: with 10,000
        unpaid invoices, sorting them took ~100 ms of the window's time each time the Invoices screen showed."""
        return tuple(payable_invoice_ids(self.invoice_facts.unpaid, self.currency_code))

    @property
    def total_due_invoices(self) -> int | None:
        """How many open invoices the dashboard's `total_due` sums (those in the panel's currency, docs/api.md), or
        None where the panel did not say (an older panel) or a cache from before holds something else. The Amount
        due card counts from the cached rows instead (`invoice_facts`), as its amount is: its count drops with the
        amount as soon as a payment is saved, where this waits for the next sync."""
        value = self.dashboard.get("total_due_invoices") if isinstance(self.dashboard, dict) else None
        return value if type(value) is int and value >= 0 else None

    @property
    def never_synced(self) -> bool:
        return self.last_synced_at is None

    def money(self, amount: str | Decimal | None) -> str:
        """Every amount on screen goes through here: the account's currency and places, the user's locale
        ("$1,234.50", "1.234,50 €")."""
        if amount is None or amount == "":
            return "—"
        try:
            # Unbounded: a price Sett computes (quantity x unit price, a configured size) may pass the bound every
            # amount from the panel keeps, and is still money (it showed as raw digits, "99999999999999.00").
            value = parse_money(amount, bounded=False)
        except ValueError:
            return str(amount)
        return local_format.money(value, self.currency_code or str(self.currency.get("symbol") or ""), self.places)

    @property
    def document_parties(self) -> tuple[str, str]:
        """(panel name, customer) that an invoice PDF prints where the invoice carries no seller or buyer copy of
        its own (one issued before the panel kept them)."""
        panel = (self.public_settings or {}).get("panel_name") or ""
        me = self.me or {}
        customer = " ".join(p for p in (me.get("first_name"), me.get("last_name")) if p) or me.get("email") or ""
        if me.get("email") and me.get("email") not in customer:
            customer = f"{customer} <{me['email']}>" if customer else me["email"]
        return panel, customer
