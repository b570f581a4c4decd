"""What an export is made of: each account's cached rows with its name and currency, and the filters a file
follows (a period, statuses). Pure: the caller reads the rows (saved.py from the caches, the window from its
screens) and hands them in."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from app.core.formatting import format_date, parse_when
from app.core.text import translate

INVOICES, PAYMENTS, CREDITS = "invoices", "payments", "credits"
KINDS = (INVOICES, PAYMENTS, CREDITS)
HIDDEN_INVOICE_STATUSES = frozenset({"draft"})     # never shown to users, so never exported either


@dataclass(frozen=True)
class AccountRecords:
    """One account's rows as its cache holds them (the panel's JSON shapes, money as decimal strings).

    `invoices` are whole cached invoices (the detail shape, with `payments`, once it was fetched); `currency`
    is the account's currency code, used where a row does not name its own.
    """

    account_id: str
    name: str
    currency: str
    places: int = 2
    invoices: list[dict] = field(default_factory=list)
    transactions: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Period:
    """From and to dates, both included; None leaves that side open."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(translate("Exports", "The period starts ({start}) after it ends ({end}).").format(
                start=format_date(self.start), end=format_date(self.end)))

    def holds(self, when: str | None) -> bool:
        """Whether a panel date or timestamp falls in the period (timestamps on the user's local day, as the
        screens show them); a row without a date is only in an open period."""
        if self.start is None and self.end is None:
            return True
        day = parse_when(when)
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def wanted(statuses: Iterable[str] | None) -> frozenset[str] | None:
    return None if statuses is None else frozenset(s.strip().lower() for s in statuses if s.strip())


def in_order(accounts: Iterable[AccountRecords], keys: Iterable[tuple[str, str]], *,
             credits: bool = False) -> list[AccountRecords]:
    """Only the rows named by `keys` ((account id, row id) pairs, as a screen lists them), in that order: a run
    of one account's rows becomes one AccountRecords. Keys whose row is not cached are left out."""
    by_account = {a.account_id: a for a in accounts}
    index: dict[tuple[str, str], dict] = {}
    for account in by_account.values():
        for row in account.transactions if credits else account.invoices:
            index[(account.account_id, str(row.get("id")))] = row
    out: list[AccountRecords] = []
    run: list[dict] = []
    current: AccountRecords | None = None

    def close() -> None:
        if current is not None and run:
            rows = list(run)
            out.append(AccountRecords(current.account_id, current.name, current.currency, current.places,
                                      [] if credits else rows, rows if credits else []))

    for account_id, row_id in keys:
        row = index.get((account_id, str(row_id)))
        if row is None:
            continue
        if current is None or current.account_id != account_id:
            close()
            current, run = by_account[account_id], []
        run.append(row)
    close()
    return out
