"""The invoices table: compact cache rows (AccountCache.invoice_rows), overdue rows tinted."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.formatting import NO_VALUE, format_date
from app.core.invoice_facts import HIDDEN_STATUSES
from app.core.status_words import status_word
from app.core.text import QT_TRANSLATE_NOOP, translate

from .row_filter import RowFilterProxy
from .row_money import row_money
from .table import RIGHT, Column, RowTableModel, minor_units, status_tone

Money = Callable[[Any], str]

SEARCH_KEYS = ("invoice_number", "status", "kind", "total")

_KIND_TIPS = {"order": QT_TRANSLATE_NOOP("Columns", "Order invoice"),
              "renewal": QT_TRANSLATE_NOOP("Columns", "Renewal invoice"),
              "top_up": QT_TRANSLATE_NOOP("Columns", "Credit top-up invoice")}


def _kind_tip(kind: str | None) -> str | None:
    tip = _KIND_TIPS.get(kind or "")
    return translate("Columns", tip) if tip else None


def _overdue(row: dict) -> str | None:
    return "danger" if row.get("status") == "overdue" else None


def _balance_tone(row: dict) -> str | None:
    if row.get("status") == "overdue":
        return "danger"
    return "warning" if row.get("status") == "pending" and (row.get("balance_due_minor") or 0) > 0 else None


def _minor(row: dict, key: str, places: int) -> int | None:
    """The cache's `<key>_minor` column; computed here only for rows that did not come through the cache."""
    value = row.get(f"{key}_minor")
    return value if value is not None else minor_units(row.get(key), places)


def invoice_columns(money: Money, places: int = 2) -> list[Column]:
    amount = row_money(money)       # an invoice in another currency than the account's is written in its own
    return [
        Column("invoice_number", translate("Columns", "Invoice"), display=lambda r: r.get("invoice_number") or NO_VALUE,
               tooltip=lambda r: _kind_tip(r.get("kind"))),
        Column("status", translate("Columns", "Status"), display=lambda r: status_word(r.get("status")),
               badge=lambda r: status_tone(r.get("status"))),
        Column("issue_date", translate("Columns", "Issued"), display=lambda r: format_date(r.get("issue_date"))),
        Column("due_date",
               translate("Columns", "Due"), display=lambda r: format_date(r.get("due_date")), foreground=_overdue),
        Column("total", translate("Columns", "Total"), display=lambda r: amount(r, "total"),
               sort_key=lambda r: _minor(r, "total", places), alignment=RIGHT),
        Column("balance_due", translate("Columns", "Balance due"), display=lambda r: amount(r, "balance_due"),
               sort_key=lambda r: _minor(r, "balance_due", places), alignment=RIGHT, foreground=_balance_tone),
    ]


def visible_invoices(rows: list[dict], shown: int | None = None) -> list[dict]:
    """The rows a user sees (no drafts). `shown`: how many those are, when already counted (InvoiceFacts.shown, on
    the worker): all of them spares the window a pass over 50,000 rows."""
    if shown == len(rows) or not any(r.get("status") in HIDDEN_STATUSES for r in rows):
        return rows
    return [r for r in rows if r.get("status") not in HIDDEN_STATUSES]


class InvoiceTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(invoice_columns(str), parent, row_tone=_overdue)

    def set_invoices(self, rows: list[dict], money: Money, places: int = 2, shown: int | None = None) -> None:
        """The rows of AccountCache.invoice_rows(), amounts through the account's money(); `shown` as in
        visible_invoices."""
        self.feed(visible_invoices(rows, shown), invoice_columns(money, places))


def invoice_proxy(parent=None) -> RowFilterProxy:
    return RowFilterProxy(parent, status_key="status", search_keys=SEARCH_KEYS)
