"""The contract's envelopes and error shape, and the `responses=` a route declares for its error statuses."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any]


class ErrorBody(BaseModel):
    success: bool = False
    error: ErrorDetail


class One(BaseModel, Generic[T]):
    success: bool = True
    data: T


class Meta(BaseModel):
    current_page: int
    per_page: int
    total: int
    total_pages: int
    server_time: str


class Many(BaseModel, Generic[T]):
    success: bool = True
    data: list[T]
    meta: Meta


_WHY = {
    400: "Bad request.",
    401: "Not logged in (`unauthorized`).",
    403: "Not allowed (`forbidden`, `billing_disabled`, `tickets_disabled`).",
    404: "Not found, or another user's (`not_found`).",
    409: "Conflict with the current state (the code says which).",
    422: "The body, a parameter or the Idempotency-Key is invalid (`validation_error`, per-field details).",
    429: "Rate limited (`rate_limited`, with Retry-After).",
    502: "The payment gateway failed (`gateway_error`); nothing changed.",
}


def errors(*statuses: int, **why: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status in the error shape; `why` overrides a description (`e409="..."`)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in (401, 429, *statuses):
        out[status] = {"model": ErrorBody, "description": why.get(f"e{status}", _WHY.get(status, "Error."))}
    return out
