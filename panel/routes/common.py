"""Pieces the billing routes share: the payment body, the request facts every payment needs, list filters."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from fastapi import Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from app.core.money import MAX_ABS_AMOUNT, MoneyError

from ..amounts import NOT_AN_AMOUNT, parse_amount
from ..query_guard import not_empty, refused
from ..state import Panel
from ..urls import check_return_url, panel_origin


def _money_in(value: object) -> Decimal:
    """parse_amount (a JSON number written with an exponent is refused like "1e3"), refused in the panel's words,
    those of the catalogue's prices: a too large amount is named as its value (`1E+30`), never as Python's
    `Decimal('1E+30')`."""
    if isinstance(value, Decimal) and value.is_finite() and abs(value) >= MAX_ABS_AMOUNT:
        amount = value  # too large however it is written (1e30 too): named by its size first
    else:
        try:
            amount = parse_amount(value, bounded=False)
        except MoneyError:
            raise ValueError(NOT_AN_AMOUNT) from None
    if abs(amount) >= MAX_ABS_AMOUNT:
        raise ValueError(f"Must be below {MAX_ABS_AMOUNT} (got {amount}).")
    return amount


# An amount as the contract writes money ("12.99", or a JSON number): no exponents (in strings or numbers), booleans
# or NaN, which pydantic's own Decimal parsing would let through ("1e3" would silently mean 1000). Give it no
# decimal_places/max_digits/gt: the route checks places and range itself, in the panel's words, for a string and a
# number alike (pydantic's "no more than 3 decimal places" named neither the currency nor its places).
MoneyIn = Annotated[Decimal, BeforeValidator(_money_in)]


class PaymentBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    payment_method: Literal["stripe", "paypal", "credits"]
    use_credits: StrictBool = True
    return_url: str | None = Field(None, max_length=2000)
    cancel_url: str | None = Field(None, max_length=2000)


def origin(panel: Panel, request: Request) -> str:
    return panel_origin(panel.options.public_url, request)


def check_urls(panel: Panel, request: Request, body: BaseModel) -> None:
    allowed = [origin(panel, request)]
    for field in ("return_url", "cancel_url"):
        check_return_url(field, getattr(body, field, None), allowed)


def status_filter(value: str | None, allowed: tuple[str, ...]) -> list[str]:
    """`?status=a,b` as a checked list; an unknown status is a validation error, not an empty page, and so is an
    empty one (`?status=`, `?status=paid,`): it used to mean "every status" (or be skipped), which a client that
    built the value from an empty choice did not mean (docs/api.md, "Query parameters")."""
    from ..errors import invalid

    if value is None:
        return []
    choices = ", ".join(allowed)
    not_empty("status", value, f"name one or more of {choices}, separated by commas")
    if any(not v.strip() for v in value.split(",")):
        raise refused("status", f"Must not hold an empty status between commas: name one or more of {choices}, "
                                "separated by commas.")
    wanted = [v.strip() for v in value.split(",")]
    unknown = [v for v in wanted if v not in allowed]
    if unknown:
        raise invalid("status", f"Unknown status {unknown[0]!r}; expected one of {', '.join(allowed)}.")
    return wanted


def own_with_status(user_id: str, status: str | None, allowed: tuple[str, ...]) -> tuple[list[str], list]:
    """WHERE clauses and parameters for a list of the user's own rows, `?status=` filtered (else every allowed)."""
    wanted = status_filter(status, allowed) or list(allowed)
    return ["user_id = ?", f"status IN ({','.join('?' * len(wanted))})"], [user_id, *wanted]
