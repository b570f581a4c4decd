"""From a panel row (its JSON shape) to a cache table row: the row kept whole as `data`, plus the columns
views sort and filter on. Pure functions; no database here."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, localcontext
from typing import Any

from app.core.money import parse_money
from app.core.text import translate
from app.core.whole_numbers import whole

from .errors import InvalidChanges

__all__ = ["TABLES", "TableSpec", "dump_json", "has_row_id", "minor_units", "row_id", "table_row"]

Columns = Callable[[dict, int | None], dict]
_INT64 = 2 ** 63
_MAX_SCALE = 40   # decimals a scale may have at all: 10**40 is already far past SQLite's integers


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: Columns                     # (panel row, currency places or None) -> sort/filter columns
    order_by: str                        # the panel's own order for this list
    id_fields: tuple[str, ...] = ("id",)


def minor_units(amount: Any, places: int | None = None) -> int | None:
    """The amount as an integer of minor units, exactly (Decimal, never float).

    Scaled by the currency's `places` when known, so "12.5" and "12.50" sort alike; an amount with more
    decimals than that is scaled by its own decimals rather than rounded, while that fits SQLite's 64-bit
    integers; past that it is rounded to the currency's places, and None (no sort key) when even that does not
    fit: the column orders and filters, the exact amount stays in the row's JSON.
    """
    if amount is None:
        return None
    value = parse_money(amount)
    decimals = max(0, -value.as_tuple().exponent)
    scale = decimals if places is None else max(places, decimals)
    with localcontext() as ctx:
        ctx.prec = 60
        if scale <= _MAX_SCALE:
            exact = int(value.scaleb(scale))
            if -_INT64 <= exact < _INT64:
                return exact
        if places is None or not 0 <= places <= _MAX_SCALE:
            return None
        rounded = int(value.scaleb(places).to_integral_value())
        return rounded if -_INT64 <= rounded < _INT64 else None


def _json_default(value: Any) -> str:
    if isinstance(value, Decimal):
        # Written out in full below: `1E+999999999` would be a billion zeros (app.api refuses such numbers; a
        # change-set from elsewhere is refused here as well).
        if not value.is_finite() or (value and not -100 <= value.adjusted() <= 100):
            raise ValueError(f"the number {value:.3E} is too large or too small to store")
        # An amount that arrived as a JSON number is kept as the panel's usual decimal string.
        return format(value, "f")
    raise TypeError(f"{type(value).__name__} is not JSON")


def dump_json(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _in_utc(value: Any) -> Any:
    """A time the panel wrote with an offset (`...T12:00:00+02:00`) in the contract's UTC form (`...T10:00:00.000000Z`)
    for a sort column: lists are ordered by the text of these, and the text of times in different offsets is not in
    their time order (the newest credit transaction, whose balance the screens fall back on, was not the first).
    The row's JSON keeps the time as sent; a time in the contract's form, or no time at all, is left as it is."""
    if not isinstance(value, str) or value.endswith("Z") or len(value) > 64:
        return value
    try:
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is None or moment.utcoffset() is None:
            return value
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except (ValueError, OverflowError):
        return value


def _nested(row: dict, key: str, field: str) -> Any:
    inner = row.get(key)
    return inner.get(field) if isinstance(inner, dict) else None


def _category(row: dict, places: int | None) -> dict:
    return {"name": row.get("name"), "slug": row.get("slug"), "sort_order": whole(row.get("sort_order")),
            "updated_at": row.get("updated_at")}


def _product(row: dict, places: int | None) -> dict:
    return {"category_id": _text(_nested(row, "category", "id") or row.get("category_id")),
            "name": row.get("name"), "slug": row.get("slug"), "sort_order": whole(row.get("sort_order")),
            "updated_at": row.get("updated_at")}


def _service(row: dict, places: int | None) -> dict:
    return {"status": row.get("status"), "product_id": _text(_nested(row, "product", "id")),
            "product_name": _nested(row, "product", "name"), "billing_cycle": row.get("billing_cycle"),
            "next_due_date": row.get("next_due_date"), "order_id": _text(row.get("order_id")),
            "created_at": _in_utc(row.get("created_at")), "updated_at": row.get("updated_at")}


def _invoice(row: dict, places: int | None) -> dict:
    return {"invoice_number": row.get("invoice_number"), "status": row.get("status"), "kind": row.get("kind"),
            "issue_date": row.get("issue_date"), "due_date": row.get("due_date"), "paid_at": row.get("paid_at"),
            "currency": row.get("currency"),
            "total": _text(row.get("total")), "total_minor": minor_units(row.get("total"), places),
            "balance_due": _text(row.get("balance_due")),
            "balance_due_minor": minor_units(row.get("balance_due"), places),
            "order_id": _text(row.get("order_id")), "service_id": _text(row.get("service_id")),
            "has_detail": int("lines" in row), "updated_at": row.get("updated_at")}


def _order(row: dict, places: int | None) -> dict:
    return {"order_number": row.get("order_number"), "status": row.get("status"),
            "invoice_id": _text(row.get("invoice_id")), "created_at": _in_utc(row.get("created_at")),
            "updated_at": row.get("updated_at")}


def _credit_transaction(row: dict, places: int | None) -> dict:
    return {"type": row.get("type"), "amount": _text(row.get("amount")), "invoice_id": _text(row.get("invoice_id")),
            "created_at": _in_utc(row.get("created_at")), "updated_at": row.get("updated_at")}


def _notification(row: dict, places: int | None) -> dict:
    return {"type": row.get("type"), "read": int(bool(row.get("read"))), "created_at": _in_utc(row.get("created_at")),
            "updated_at": row.get("updated_at")}


def _ticket(row: dict, places: int | None) -> dict:
    return {"ticket_number": row.get("ticket_number"), "subject": row.get("subject"), "status": row.get("status"),
            "department": row.get("department"), "invoice_id": _text(_nested(row, "related", "invoice_id")),
            "service_id": _text(_nested(row, "related", "service_id")),
            "last_reply_at": _in_utc(row.get("last_reply_at")), "created_at": _in_utc(row.get("created_at")),
            "has_detail": int("messages" in row),
            "updated_at": row.get("updated_at")}


def _cart_item(row: dict, places: int | None) -> dict:
    return {"product_id": _text(row.get("product_id")), "position": whole(row.get("position")),
            "created_at": row.get("created_at")}


def _outbox(row: dict, places: int | None) -> dict:
    return {"position": whole(row.get("position")), "kind": _text(row.get("kind")), "status": _text(row.get("status")),
            "queued_at": _text(row.get("queued_at"))}


def _kept_key(row: dict, places: int | None) -> dict:
    return {"kept_at": _text(row.get("kept_at"))}


TABLES: dict[str, TableSpec] = {spec.name: spec for spec in (
    TableSpec("categories", _category, "sort_order, name, id"),
    TableSpec("products", _product, "sort_order, name, id"),
    TableSpec("services", _service, "created_at DESC, id"),
    TableSpec("invoices", _invoice, "issue_date DESC, invoice_number DESC, id"),
    TableSpec("orders", _order, "created_at DESC, order_number DESC, id"),
    TableSpec("credit_transactions", _credit_transaction, "created_at DESC, id DESC"),
    TableSpec("notifications", _notification, "created_at DESC, id DESC", id_fields=("uuid", "id")),
    TableSpec("cart_items", _cart_item, "position, created_at, id"),
    TableSpec("tickets", _ticket, "updated_at DESC, id DESC"),
    TableSpec("outbox", _outbox, "position, id"),
    TableSpec("kept_keys", _kept_key, "kept_at, id"),
)}


def row_id(spec: TableSpec, row: Any) -> str:
    if not isinstance(row, dict):
        raise InvalidChanges(translate("CacheError", "A {table} row must be a JSON object, got {kind}.").format(
            table=spec.name, kind=type(row).__name__))
    for name in spec.id_fields:
        value = row.get(name)
        if value is not None and value != "":
            return str(value)
    raise InvalidChanges(translate("CacheError", "A {table} row has no {fields}; nothing was written.").format(
        table=spec.name, fields=" / ".join(spec.id_fields)))


def has_row_id(table: str, row: Any) -> bool:
    """Whether `row` is an object the cache can key in `table`, by that table's own identity (a notification by its
    `uuid`, not an `id` it does not have): what writers check before saving, as `row_id` would."""
    spec = TABLES.get(table)
    if spec is None or not isinstance(row, dict):
        return False
    return any(row.get(name) is not None and row.get(name) != "" for name in spec.id_fields)


def _cell(value: Any) -> Any:
    """A sort or filter column's value as SQLite can hold it. The panel's row is kept whole in `data`; a column
    only orders and filters, so what cannot be one is left empty there (an object or a list where a name or a
    status belongs), and a whole number past 64 bits is kept as its text: binding those raised OverflowError or
    an sqlite3 error, which failed the sync as if this computer's cache were at fault."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value if -_INT64 <= value < _INT64 else str(value)
    if isinstance(value, Decimal):
        return _text(value) if value.is_finite() else None
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    return None


def table_row(spec: TableSpec, row: dict, places: int | None) -> dict:
    """The cache row for one live panel row; raises InvalidChanges for what cannot be stored."""
    key = row_id(spec, row)
    try:
        columns = {name: _cell(value) for name, value in spec.columns(row, places).items()}
        data = dump_json(row)
    except (TypeError, ValueError) as exc:
        text = translate("CacheError", "The {table} row {id} cannot be stored: {error}; nothing was written.")
        raise InvalidChanges(text.format(table=spec.name, id=key, error=exc)) from exc
    return {"id": key, **columns, "data": data}
