"""Records to a table: one row per invoice, payment or credit transaction, in the order given, each cell typed
(text, Decimal, ISO date), and the sums of the amount columns per currency. Different currencies are never added
together (Sett knows no exchange rates)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import Any

from app.core.formatting import parse_when
from app.core.money import currency_code, parse_money

from .columns import ACCOUNT, ACCOUNT_ID, CURRENCY, DATE, MONEY, ExportColumn, columns_for, total_label
from .records import CREDITS, HIDDEN_INVOICE_STATUSES, INVOICES, PAYMENTS, AccountRecords, Period, wanted

Cell = str | Decimal | None


@dataclass(frozen=True)
class ExportTable:
    kind: str
    columns: list[ExportColumn]
    rows: list[list[Cell]] = field(default_factory=list)
    totals: dict[str, dict[str, Decimal]] = field(default_factory=dict)   # currency -> column key -> sum
    places: dict[str, int] = field(default_factory=dict)                  # currency -> its decimal places
    skipped: int = 0     # invoices left out of a payments export: their payment history was never cached
    total_title: str = ""    # the totals' label, in the language the column titles were made in (total_label())

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


def _cell(column: ExportColumn, value: Any) -> Cell:
    if value is None or value == "":
        return None
    if column.kind == MONEY:
        try:
            return parse_money(value)
        except ValueError:
            return str(value)         # not an amount: kept as the panel sent it, never counted
    if column.kind == DATE:
        day = parse_when(str(value))
        return day.isoformat() if day else str(value)
    return str(value)


def _currency(row: dict, account: AccountRecords) -> str:
    """The currency a row's amounts are in: the one it names, else its account's; in one spelling ("usd" is "USD"),
    so one currency is one total, never two."""
    named = row.get("currency")
    return currency_code(named) if isinstance(named, str) and named.strip() else currency_code(account.currency)


def _flat_rows(kind: str, accounts: Sequence[AccountRecords], period: Period,
               statuses: frozenset[str] | None) -> tuple[list[dict], int]:
    out: list[dict] = []
    skipped = 0
    for account in accounts:
        lead = {ACCOUNT: account.name, ACCOUNT_ID: account.account_id}
        if kind == CREDITS:
            for row in account.transactions:
                if period.holds(row.get("created_at")) and (statuses is None or row.get("type") in statuses):
                    out.append({**row, **lead, CURRENCY: _currency(row, account)})
            continue
        for invoice in account.invoices:
            if invoice.get("status") in HIDDEN_INVOICE_STATUSES:
                continue
            currency = _currency(invoice, account)
            if kind == INVOICES:
                if period.holds(invoice.get("issue_date")) and (statuses is None or invoice.get("status") in statuses):
                    out.append({**invoice, **lead, CURRENCY: currency})
                continue
            if "payments" not in invoice:
                skipped += 1
                continue
            # A cache written before answers were checked may hold something else than a list of payments: what is
            # not a payment is left out rather than failing the whole export.
            payments = invoice.get("payments")
            for payment in payments if isinstance(payments, list) else []:
                if not isinstance(payment, dict):
                    continue
                if period.holds(payment.get("created_at")) and (statuses is None or payment.get("status") in statuses):
                    out.append({**payment, **lead, CURRENCY: currency, "invoice_id": invoice.get("id"),
                                "invoice_number": invoice.get("invoice_number")})
    return out, skipped


def _places_written(rows: list[list[Cell]], currency_at: int, currency: str) -> int:
    """The most decimals the amounts in `currency` are written with (0..4), zeros aside ("0.00" tax beside a total
    of JPY 500) unless there is nothing else."""
    amounts = [c for row in rows if str(row[currency_at] or "") == currency for c in row
               if isinstance(c, Decimal) and c.is_finite()]
    counted = [c for c in amounts if c] or amounts
    return min(4, max((max(0, -int(c.as_tuple().exponent)) for c in counted), default=2))


def build_table(kind: str, accounts: Sequence[AccountRecords], *, period: Period | None = None,
                statuses: Iterable[str] | None = None) -> ExportTable:
    """The table of `kind` (invoices, payments, credits) over `accounts`' rows, in their order. Invoices and
    payments are filtered by their own status and date (issued, paid); credit transactions by type and date."""
    columns = columns_for(kind)
    currency_at = next(i for i, c in enumerate(columns) if c.key == CURRENCY)
    rows, skipped = _flat_rows(kind, accounts, period or Period(), wanted(statuses))
    table_rows: list[list[Cell]] = []
    totals: dict[str, dict[str, Decimal]] = {}
    for row in rows:
        cells = [_cell(c, row.get(c.key)) for c in columns]
        table_rows.append(cells)
        sums = totals.setdefault(str(row[CURRENCY] or ""), {})
        with localcontext() as ctx:
            ctx.prec = 80      # sums stay exact: amounts below 10^12 with up to 24 decimals, many of them
            for column, cell in zip(columns, cells, strict=True):
                if column.summed and isinstance(cell, Decimal):    # a column no row fills has no total
                    sums[column.key] = sums.get(column.key, Decimal(0)) + cell
    # Each currency's places: an account's own from its panel; one only some rows name (an invoice from before the
    # operator changed currency) has no places from any panel, so those its amounts are written with (JPY 500 was
    # formatted as "500.00 JPY" with the account's two).
    places = {currency: _places_written(table_rows, currency_at, currency) for currency in totals}
    places.update({currency_code(a.currency): a.places for a in accounts})
    return ExportTable(kind, columns, table_rows, dict(sorted(totals.items())), places, skipped, total_label())


def total_rows(table: ExportTable, label: str) -> list[list[Cell]]:
    """One row per currency under the table: `label` in the account column, the currency, and the sums."""
    out = []
    for currency, sums in table.totals.items():
        row: list[Cell] = []
        for column in table.columns:
            row.append(label if column.key == ACCOUNT else currency if column.key == CURRENCY
                       else sums.get(column.key) if column.summed else None)
        out.append(row)
    return out


__all__ = ["PAYMENTS", "Cell", "ExportTable", "build_table", "total_rows"]
