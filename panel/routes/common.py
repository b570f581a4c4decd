"""Pieces the billing routes share: the payment body, the request facts every payment needs, list filters."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from fastapi import Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from app.core.money import MoneyError, parse_money

from ..state import Panel
from ..urls import check_return_url, panel_origin


def _money_in(value: object) -> Decimal:
    """parse_money, its refusal naming a JSON number as it was written (the JSON guard reads numbers as Decimal,
    whose repr, `Decimal('1E+30')`, is Python's and not the client's)."""
    try:
        return parse_money(value)
    except MoneyError as exc:
        if isinstance(value, Decimal):
            raise ValueError(str(exc).replace(repr(value), str(value))) from None
        raise


# An amount as the contract writes money ("12.99", or a JSON number): no exponents in strings, booleans or NaN,
# which pydantic's own Decimal parsing would let through ("1e3" would silently mean 1000).
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
    """`?status=a,b` as a checked list; an unknown status is a validation error, not an empty page."""
    from ..errors import invalid

    if not value:
        return []
    wanted = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in wanted if v not in allowed]
    if unknown:
        raise invalid("status", f"Unknown status {unknown[0]!r}; expected one of {', '.join(allowed)}.")
    return wanted


def own_with_status(user_id: str, status: str | None, allowed: tuple[str, ...]) -> tuple[list[str], list]:
    """WHERE clauses and parameters for a list of the user's own rows, `?status=` filtered (else every allowed)."""
    wanted = status_filter(status, allowed) or list(allowed)
    return ["user_id = ?", f"status IN ({','.join('?' * len(wanted))})"], [user_id, *wanted]
