"""The services table: the panel's service rows with their product, price per cycle and server."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.formatting import NO_VALUE, cycle_suffix, format_date
from app.core.status_words import service_status, status_word
from app.core.text import translate

from .row_filter import RowFilterProxy
from .row_money import row_money
from .table import RIGHT, Column, RowTableModel, minor_units, status_tone

Money = Callable[[Any], str]

SEARCH_KEYS = ("product", "status", "server", "server_status")
# Ended services will not be billed again, whatever next_due_date the panel still holds.
_ENDED = frozenset({"terminated", "cancelled"})


def _product_name(row: dict) -> str:
    product = row.get("product") or {}
    return str(product.get("name") or NO_VALUE)


def _server(row: dict) -> dict:
    return row.get("server") or {}


def _next_due(row: dict) -> str | None:
    if row.get("status") in _ENDED or row.get("billing_cycle") == "one_time":
        return None
    return row.get("next_due_date") or None


def _status_tip(row: dict) -> str | None:
    request = row.get("cancellation") or {}
    if request.get("status") in ("pending", "approved"):
        end = request.get("type") == "end_of_period"
        if request.get("status") == "approved":
            return (translate("Columns", "Cancellation approved (at the end of the period)") if end
                    else translate("Columns", "Cancellation approved (immediately)"))
        return (translate("Columns", "Cancellation pending (at the end of the period)") if end
                else translate("Columns", "Cancellation pending (immediately)"))
    return None


def _price(money: Money, row: dict) -> str:
    amount = row.get("recurring_amount")
    if amount is None:
        return NO_VALUE
    suffix = cycle_suffix(row.get("billing_cycle"))
    return f"{row_money(money)(row, 'recurring_amount')} {suffix}".strip()


def service_columns(money: Money, places: int = 2) -> list[Column]:
    return [
        Column("product",
               translate("Columns", "Product"), display=_product_name, sort_key=lambda r: _product_name(r).casefold()),
        Column("status", translate("Columns", "Status"), display=lambda r: service_status(r, compact=True),
               badge=lambda r: status_tone(r.get("status")), tooltip=_status_tip),
        Column("next_due_date",
               translate("Columns", "Next due"), display=lambda r: format_date(_next_due(r)), sort_key=_next_due),
        Column("recurring_amount", translate("Columns", "Price"), display=lambda r: _price(money, r),
               sort_key=lambda r: minor_units(r.get("recurring_amount"), places), alignment=RIGHT),
        Column("server", translate("Columns", "Server"),
               display=lambda r: _server(r).get("name") or translate("Columns", "Not provisioned"),
               sort_key=lambda r: str(_server(r).get("name") or "").casefold() or None,
               minor=True),       # named after its product: the Product column keeps the whole name
        Column("server_status",
               translate("Columns", "Server status"), display=lambda r: status_word(_server(r).get("status")),
               sort_key=lambda r: _server(r).get("status"), badge=lambda r: status_tone(_server(r).get("status"))),
    ]


class ServiceTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(service_columns(str), parent)

    def set_services(self, rows: list[dict], money: Money, places: int = 2) -> None:
        self.feed(rows, service_columns(money, places))


def service_proxy(parent=None) -> RowFilterProxy:
    return RowFilterProxy(parent, status_key="status", search_keys=SEARCH_KEYS)
