"""The credit transactions table: signed amounts and the balance after each one, newest first as listed."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.formatting import format_date
from app.core.money import parse_money
from app.core.status_words import status_word
from app.core.text import translate

from .table import RIGHT, Column, RowTableModel, minor_units

Money = Callable[[Any], str]


def _sign(row: dict) -> int:
    try:
        value = parse_money(row.get("amount"))
    except ValueError:
        return 0
    return (value > 0) - (value < 0)


def _signed(money: Money, row: dict) -> str:
    """"+$10.00" for credit in, "-$4.00" for credit spent (money() already writes the minus)."""
    text = money(row.get("amount"))
    return f"+{text}" if _sign(row) > 0 else text


def _amount_tone(row: dict) -> str | None:
    return {1: "success", -1: "danger"}.get(_sign(row))


def transaction_columns(money: Money, places: int = 2) -> list[Column]:
    return [
        Column("created_at", translate("Columns", "Date"), display=lambda r: format_date(r.get("created_at"))),
        Column("type", translate("Columns", "Type"), display=lambda r: status_word(r.get("type"))),
        Column("note", translate("Columns", "Note"), display=lambda r: r.get("note") or "",
               tooltip=lambda r: r.get("note") or None,
               sort_key=lambda r: str(r.get("note") or "").casefold() or None),   # a number passes as text
        Column("amount", translate("Columns", "Amount"), display=lambda r: _signed(money, r),
               sort_key=lambda r: minor_units(r.get("amount"), places), alignment=RIGHT, foreground=_amount_tone),
        Column("balance_after", translate("Columns", "Balance"), display=lambda r: money(r.get("balance_after")),
               sort_key=lambda r: minor_units(r.get("balance_after"), places), alignment=RIGHT),
    ]


class TransactionTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(transaction_columns(str), parent)

    def set_transactions(self, rows: list[dict], money: Money, places: int = 2) -> None:
        self.set_rows(rows, transaction_columns(money, places))
