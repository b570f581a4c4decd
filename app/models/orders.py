"""The orders table and what the order screens say of an order: its invoice and whether it still waits for payment.

Orders are few (one per checkout), so rows are the panel's order objects as the cache keeps them; the order's
invoice is looked up among the account's invoice rows once per feed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from app.core.formatting import NO_VALUE, format_date
from app.core.invoice_facts import UNPAID_STATUSES
from app.core.status_words import status_word
from app.core.text import translate

from .row_filter import RowFilterProxy
from .row_money import row_money
from .table import RIGHT, Column, RowTableModel, minor_units, status_tone

Money = Callable[[Any], str]
SEARCH_KEYS = ("order_number", "products", "status", "invoice_number", "total")
PRODUCTS_NAMED = 3     # an order's first products named in its row; "+ 2 more" for the rest (its page lists all)


def invoice_of(order: dict, invoices: Iterable[dict]) -> dict | None:
    """The invoice row the order was billed on, if the account has it."""
    invoice_id = str(order.get("invoice_id") or "")
    if not invoice_id:
        return None
    return next((row for row in invoices if str(row.get("id")) == invoice_id), None)


def awaiting_payment(order: dict, invoice: dict | None) -> bool:
    """A pending order whose invoice is still unpaid (or not known yet): it can be paid or cancelled."""
    if order.get("status") != "pending":
        return False
    return invoice is None or invoice.get("status") in UNPAID_STATUSES


def products_text(order: dict) -> str:
    """"Cloud VPS S, Minecraft Flex × 2 + 1 more": what the order bought, as its row names it."""
    items = [item for item in order.get("items") or [] if isinstance(item, dict)]
    names = []
    for item in items[:PRODUCTS_NAMED]:
        name = str(item.get("product_name") or NO_VALUE)
        quantity = str(item.get("quantity") or "1")
        names.append(name if quantity == "1" else translate("Columns", "{product} × {quantity}").format(
            product=name, quantity=quantity))
    text = ", ".join(names)
    more = len(items) - PRODUCTS_NAMED
    if more > 0:
        text = translate("Columns", "{products} + %n more", None, more).format(products=text)
    return text


def with_invoices(orders: list[dict], invoices: list[dict]) -> list[dict]:
    """Each order with its invoice's number and status beside it (`invoice_number`, `invoice_status`) and what it
    bought (`products`)."""
    by_id = {str(row.get("id")): row for row in invoices}
    rows = []
    for order in orders:
        invoice = by_id.get(str(order.get("invoice_id") or "")) or {}
        rows.append({**order, "invoice_number": invoice.get("invoice_number"),
                     "invoice_status": invoice.get("status"), "products": products_text(order)})
    return rows


def order_status_text(order: dict, invoice: dict | None) -> str:
    """The word an order's status shows as, on the Orders list and the dashboard's recent orders alike."""
    if awaiting_payment(order, invoice):
        return translate("Columns", "Awaiting payment")
    return status_word(order.get("status"))


def _status_text(row: dict) -> str:
    return order_status_text(row, {"status": row.get("invoice_status")} if row.get("invoice_status") else None)


def order_columns(money: Money, places: int = 2) -> list[Column]:
    amount = row_money(money)       # an order in another currency than the account's is written in its own
    return [
        Column("order_number", translate("Columns", "Order"), display=lambda r: r.get("order_number") or NO_VALUE),
        Column("created_at", translate("Columns", "Date"), display=lambda r: format_date(r.get("created_at"))),
        Column("status", translate("Columns", "Status"),
                         display=_status_text, badge=lambda r: status_tone(r.get("status"))),
        Column("total", translate("Columns", "Total"),
               display=lambda r: amount(r, "total") if r.get("total") is not None else NO_VALUE,
               sort_key=lambda r: minor_units(r.get("total"), places), alignment=RIGHT),
        Column("invoice_number",
               translate("Columns", "Invoice"), display=lambda r: r.get("invoice_number") or NO_VALUE),
        # Last: the one long text, which takes the width the others leave (the earlier columns keep their places)
        Column("products", translate("Columns", "Products"), display=lambda r: r.get("products") or NO_VALUE),
    ]


class OrderTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(order_columns(str), parent)

    def set_orders(self, orders: list[dict], invoices: list[dict], money: Money, places: int = 2) -> None:
        self.feed(with_invoices(orders, invoices), order_columns(money, places))


def order_proxy(parent=None) -> RowFilterProxy:
    return RowFilterProxy(parent, status_key="status", search_keys=SEARCH_KEYS)
