"""One schema per resource the client reads, checked at the API boundary so a panel's wrong shape is a `BadAnswer`
naming the resource and the field, before anything reaches the cache or a screen.

The schemas check, they do not rewrite: a valid answer is handed on exactly as the panel sent it (the cache keeps
the panel's JSON), so each checks only what Sett relies on and lets every other field through. Money is a
Decimal-able amount (a decimal string or a JSON number) inside `MAX_ABS_AMOUNT` with at most
`MAX_MONEY_DECIMALS` decimals; ids are strings or integers, never objects; a currency's places lie in
0..`MAX_PLACES`; `server_time` is an ISO time with a zone.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from app.core.money import MAX_ABS_AMOUNT, parse_money

MAX_PLACES = 8              # no currency has more than 3; 8 covers crypto-style units, and scaling stays cheap
MAX_MONEY_DECIMALS = 24     # more than any currency or tax rate needs, few enough that minor units stay small ints
MAX_TEXT = 64 * 1024        # one field's text (a notification message is the longest the contract has)
_MAX_NUMBER_TEXT = 64       # characters of one amount: longer is never money, and parsing it would cost CPU
_MAX_ID = 200
_MAX_WHOLE_DIGITS = len(str(MAX_ABS_AMOUNT)) - 1   # 12: below app.core.money.MAX_ABS_AMOUNT (10**12)
_MONEY_TEXT = re.compile(r"[+-]?([0-9]*)(?:\.([0-9]*))?")   # plain notation, as app.core.money reads it


def _id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"an id must be a string or a whole number, not {type(value).__name__}")
    text = str(value)
    if not text or len(text) > _MAX_ID:
        raise ValueError("an id must be 1 to 200 characters")
    return text


def _money(value: Any) -> Any:
    """The amount as sent, once it is one: a decimal string (checked by its digits alone, which is what a page of
    thousands of rows can afford) or a JSON number (a Decimal or an int)."""
    if isinstance(value, str):
        found = _MONEY_TEXT.fullmatch(value.strip()) if len(value) <= _MAX_NUMBER_TEXT else None
        if found is None or not (found[1] or found[2]):
            raise ValueError("not a decimal amount of money")
        whole, fraction = found[1].lstrip("0"), found[2] or ""
    elif isinstance(value, Decimal | int) and not isinstance(value, bool):
        amount = parse_money(value)   # finite, below app.core.money.MAX_ABS_AMOUNT
        if -amount.as_tuple().exponent > MAX_MONEY_DECIMALS:
            raise ValueError(f"an amount of money with more than {MAX_MONEY_DECIMALS} decimals")
        return value
    else:
        raise ValueError(f"not an amount of money: {type(value).__name__}")
    if len(whole) > _MAX_WHOLE_DIGITS:
        raise ValueError("an amount of money of a trillion or more")
    if len(fraction) > MAX_MONEY_DECIMALS:
        raise ValueError(f"an amount of money with more than {MAX_MONEY_DECIMALS} decimals")
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError(f"expected text, not {type(value).__name__}")
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_TEXT:
        raise ValueError(f"text longer than {MAX_TEXT} characters")
    return text


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise ValueError(f"expected a whole number, not {type(value).__name__}")
    if isinstance(value, str) and (len(value) > 12 or not value.strip().isdigit()):
        raise ValueError("expected a whole number")
    number = Decimal(value)
    if number != number.to_integral_value() or not -10**12 < number < 10**12:
        raise ValueError("expected a whole number of sensible size")
    return int(number)


def aware_time(value: Any) -> datetime:
    """An ISO 8601 time with a zone, as UTC; a time without a zone is refused, never read as local."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("expected an ISO 8601 time as text")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("not an ISO 8601 time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without a zone (Sett will not guess which one)")
    return moment.astimezone(UTC)


Id = Annotated[str, BeforeValidator(_id)]
Money = Annotated[Any, BeforeValidator(_money)]   # checked, left as sent (string or Decimal)
Text = Annotated[str, BeforeValidator(_text)]   # a number where text belongs is tolerated; an object is not
Count = Annotated[int, BeforeValidator(_count)]
Moment = Annotated[datetime, BeforeValidator(aware_time)]


class Loose(BaseModel):
    """Extra fields pass; only the named ones are checked."""

    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)


class Ref(Loose):
    id: Id | None = None
    name: Text | None = None


class PublicSettings(Loose):
    panel_name: Text | None = None
    billing_enabled: bool | None = None


class Me(Loose):
    id: Id | None = None
    email: Text | None = None


class Currency(Loose):
    code: Text | None = None
    symbol: Text | None = None
    places: Annotated[Count, Field(ge=0, le=MAX_PLACES)] | None = None


class Tax(Loose):
    enabled: bool | None = None
    rate: Money | None = None
    inclusive: bool | None = None


class BillingConfig(Loose):
    enabled: bool | None = None
    currency: Currency | None = None
    tax: Tax | None = None
    credits_enabled: bool | None = None
    gateways: dict[str, Any] | None = None


class Dashboard(Loose):
    active_services: Count | None = None
    pending_invoices: Count | None = None
    total_due: Money | None = None
    next_due_amount: Money | None = None
    credit_balance: Money | None = None


class Credits(Loose):
    enabled: bool | None = None
    balance: Money | None = None
    currency: Text | None = None


class Row(Loose):
    id: Id
    updated_at: Text | None = None
    archived: bool | None = None


class Category(Row):
    name: Text | None = None
    sort_order: Count | None = None


class Product(Row):
    name: Text | None = None
    category: Ref | None = None
    category_id: Id | None = None
    sort_order: Count | None = None


class Service(Row):
    status: Text | None = None
    product: Ref | None = None
    recurring_amount: Money | None = None
    order_id: Id | None = None
    server: dict[str, Any] | None = None


class InvoiceLine(Loose):
    service_id: Id | None = None
    quantity: Count | None = None
    unit_price: Money | None = None
    amount: Money | None = None


class Payment(Loose):
    id: Id
    status: Text | None = None
    amount: Money | None = None
    invoice_id: Id | None = None
    order_id: Id | None = None
    checkout_url: Text | None = None


class Invoice(Row):
    invoice_number: Text | None = None
    status: Text | None = None
    currency: Text | None = None
    subtotal: Money | None = None
    tax_amount: Money | None = None
    total: Money | None = None
    balance_due: Money | None = None
    discount: Money | None = None
    credits_applied: Money | None = None
    amount_paid: Money | None = None
    order_id: Id | None = None
    service_id: Id | None = None
    lines: list[InvoiceLine] | None = None
    payments: list[Loose] | None = None


class Order(Row):
    order_number: Text | None = None
    status: Text | None = None
    invoice_id: Id | None = None
    service_ids: list[Id] | None = None


class CreditTransaction(Row):
    amount: Money | None = None
    balance_after: Money | None = None
    invoice_id: Id | None = None


class Notification(Loose):
    uuid: Id
    title: Text | None = None
    message: Text | None = None
    read: bool | None = None
    created_at: Text | None = None


class Preview(Loose):
    subtotal: Money | None = None
    discount: Money | None = None
    tax_amount: Money | None = None
    total: Money | None = None
    credits_applied: Money | None = None
    due_now: Money | None = None


class CouponCheck(Loose):
    valid: bool | None = None
    discount: Money | None = None


class PaymentStarted(Loose):
    """What checkout, paying invoices and topping up answer: a payment, and what it is for."""

    payment: Payment
    order: Order | None = None
    invoice: Invoice | None = None


class Cancellation(Loose):
    id: Id | None = None
    status: Text | None = None


class SyncState(Loose):
    version: Text
    server_time: Moment


class PageMeta(Loose):
    current_page: Annotated[Count, Field(ge=1)] | None = None
    total_pages: Annotated[Count, Field(ge=0)] | None = None
    server_time: Moment | None = None


# The synced lists' row schemas, by the list's name in `paths.LIST_PATHS`.
LIST_ROWS: dict[str, type[BaseModel]] = {
    "categories": Category, "products": Product, "services": Service, "invoices": Invoice, "orders": Order,
    "credit_transactions": CreditTransaction, "notifications": Notification,
}
