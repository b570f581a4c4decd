"""Every account's rows in one table: each row tagged with its account, an "Account" column first, and every amount
in its own account's currency. Different currencies are never added up or compared as if they were one."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from app.core import local_format
from app.core.account_data import AccountData
from app.core.text import translate

from .invoices import visible_invoices
from .orders import with_invoices
from .table import Column

ACCOUNT_KEY = "account"          # the Account column's key: the account's name
ACCOUNT_ID_KEY = "account_id"
# The columns that hold amounts (invoices, services, credit transactions).
MONEY_KEYS = frozenset({"total", "balance_due", "recurring_amount", "amount", "balance_after"})

Money = Callable[[Any], str]
ColumnsFor = Callable[[Money, int], list[Column]]     # invoice_columns, service_columns, transaction_columns


def tag(rows: Iterable[dict], name: str, account_id: str) -> list[dict]:
    return [{**row, ACCOUNT_KEY: name, ACCOUNT_ID_KEY: account_id} for row in rows]


@dataclass(frozen=True)
class AccountsRows:
    """What the all-accounts screens show, read on a worker: (name, data) of every account in the user's order,
    and the services, invoices, credit transactions, orders and support tickets of every synced one, tagged with
    it."""

    accounts: list[tuple[str, AccountData]] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    invoices: list[dict] = field(default_factory=list)
    transactions: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)       # each with its invoice's number and status beside it
    tickets: list[dict] = field(default_factory=list)      # of the accounts whose panel takes tickets

    @cached_property
    def synced(self) -> list[tuple[str, AccountData]]:
        """Accounts never synced have nothing saved: they count for nothing."""
        return [(name, data) for name, data in self.accounts if not data.never_synced]

    @cached_property
    def billed(self) -> list[tuple[str, AccountData]]:
        """The synced accounts whose panel has billing: one without it shows no services, invoices, credits or
        orders, even those saved while it had billing (its own screens say why)."""
        return [(name, data) for name, data in self.synced if data.billing_enabled]

    @cached_property
    def data_of(self) -> dict[str, AccountData]:
        return {data.account_id: data for _name, data in self.synced}

    @cached_property
    def money(self) -> dict[str, Money]:
        """Currency code -> how that currency is written (the first account in it decides)."""
        out: dict[str, Money] = {}
        for _name, data in self.synced:
            out.setdefault(data.currency_code, data.money)
        return out


def gather(accounts: list[tuple[str, AccountData]]) -> AccountsRows:
    """On a worker: every synced account's rows, tagged with its name and id."""
    services: list[dict] = []
    invoices: list[dict] = []
    transactions: list[dict] = []
    orders: list[dict] = []
    tickets: list[dict] = []
    for name, data in accounts:
        if data.never_synced:
            continue
        if data.billing_enabled:     # without the licence the panel has no billing: what was saved before is hidden
            services += tag(data.services, name, data.account_id)
            invoices += tag(visible_invoices(data.invoices), name, data.account_id)
            transactions += tag(data.credit_transactions, name, data.account_id)
            orders += tag(with_invoices(data.orders, data.invoices), name, data.account_id)
        if data.tickets_enabled:     # a panel that switched tickets off has no Support screen to open one on
            tickets += tag(data.tickets, name, data.account_id)
    return AccountsRows(list(accounts), services, invoices, transactions, orders, tickets)


def account_column() -> Column:
    return Column(ACCOUNT_KEY,
                  translate("Columns", "Account"), sort_key=lambda r: str(r.get(ACCOUNT_KEY) or "").casefold() or None)


def all_accounts_columns(columns_for: ColumnsFor, accounts: Mapping[str, AccountData]) -> list[Column]:
    """The Account column, then `columns_for`'s columns, each cell drawn and sorted as its own account's column
    would draw and sort it (its currency's symbol and places)."""
    fallback = columns_for(str, 2)
    own_columns = {account_id: columns_for(data.money, data.places) for account_id, data in accounts.items()}
    codes = {account_id: data.currency_code for account_id, data in accounts.items()}
    return [account_column()] + [_merged(i, column, own_columns, fallback, codes) for i, column in enumerate(fallback)]


def _merged(i: int, base: Column, own_columns: Mapping[str, list[Column]], fallback: list[Column],
            codes: Mapping[str, str]) -> Column:
    def own(row: dict) -> Column:
        return own_columns.get(str(row.get(ACCOUNT_ID_KEY)), fallback)[i]

    def sort_key(row: dict) -> Any:
        return own(row).sort_value(row)

    def money_sort_key(row: dict) -> Any:
        # Amounts in different currencies cannot be compared (Sett knows no exchange rates), and minor units of
        # a currency with other places would not even be on the same scale: sort by currency, then by amount,
        # so each currency's rows stay together in order of value.
        value = own(row).sort_value(row)
        return None if value is None else (codes.get(str(row.get(ACCOUNT_ID_KEY)), ""), value)

    def delegate(name: str) -> Callable[[dict], Any] | None:
        if getattr(base, name) is None:
            return None
        return lambda row: getattr(own(row), name)(row)

    return Column(base.key, base.title, display=lambda row: own(row).text(row),
                  sort_key=money_sort_key if base.key in MONEY_KEYS else sort_key, alignment=base.alignment,
                  badge=delegate("badge"), foreground=delegate("foreground"), tooltip=delegate("tooltip"),
                  minor=base.minor)


def per_currency(amounts: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Sums per currency code: (code, amount) pairs in, {code: total} out."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    for code, amount in amounts:
        out[code] += amount
    return dict(out)


def amounts_text(amounts: Mapping[str, Decimal], money: Mapping[str, Money]) -> str:
    """"€42.00 + $10.00": one figure per currency, largest first; "0" in a known currency when empty."""
    if not any(amounts.values()):
        fmt = next(iter(money.values()), None)
        return fmt("0") if fmt else "0"
    shown = [(code, value) for code, value in amounts.items() if value]
    return " + ".join(money[code](value) if code in money else local_format.money(value, code)
                      for code, value in sorted(shown, key=lambda item: -item[1]))
