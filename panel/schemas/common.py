"""The contract's envelopes and error shape as OpenAPI models, and the one way a route declares them.

The pattern every route follows (copy it for a new route):

    @router.get("/billing/orders/{order_id}", response_model=One[OrderPublic], responses=errors(401, 403, 404))
    @router.get("/billing/orders", response_model=Page[OrderPublic], responses=listed(), dependencies=[LIST_PARAMS])
    @router.post("/billing/checkout", status_code=201, response_model=One[CheckoutPublic],
                 responses=errors(401, 403, 409, 422))
    @router.delete("/.../{id}", status_code=204, response_class=Response, responses=errors(401, 404))

Every route that needs a login lists 401 and 403 (an API key used from outside its allowlist is 403 anywhere).
`errors(...)` documents each status in the contract's error shape and always adds 429 (the rate limit answers
any path but /health). 422 replaces FastAPI's own `{"detail": [...]}` description, which this panel never sends.
Routes keep returning `lists.one(...)` / `lists.paged(...)` responses: FastAPI does not re-validate a Response
object, so the models cost nothing per request; the Schemathesis run keeps them truthful.
"""
from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field

from ..errors import worded_pattern

T = TypeVar("T")

# Text forms the contract fixes; the patterns make the OpenAPI description checkable.
# Worded (errors.worded_pattern) for a body that uses one: a refusal says what the value must be, never the regex.
Money = Annotated[str, Field(pattern=worded_pattern(r"^-?[0-9]+(\.[0-9]+)?$", 'Must be an amount such as "12.99".'),
                             examples=["12.99"])]
Timestamp = Annotated[str, Field(pattern=worded_pattern(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$",
    'Must be a UTC time such as "2026-11-24T02:55:40.840026Z".'), examples=["2026-11-24T02:55:40.840026Z"])]
Day = Annotated[str, Field(pattern=worded_pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                                  'Must be a date such as "2026-12-01".'), examples=["2026-12-01"])]


class One(BaseModel, Generic[T]):
    """One resource: `{"success": true, "data": {...}}`."""
    success: Literal[True] = True
    data: T


class PageMeta(BaseModel):
    current_page: int
    per_page: int
    total: int
    total_pages: int
    server_time: Timestamp


class Page(BaseModel, Generic[T]):
    """A list: `{"success": true, "data": [...], "meta": {...}}`, with an ETag (If-None-Match -> 304)."""
    success: Literal[True] = True
    data: list[T]
    meta: PageMeta


class ErrorDetail(BaseModel):
    code: str = Field(examples=["validation_error"])
    message: str
    # validation_error: a list of messages per field; other codes may carry facts (`product_ids`, ...).
    details: dict[str, Any]


class ErrorBody(BaseModel):
    """The contract's error: `{"success": false, "error": {"code", "message", "details"}}`."""
    success: Literal[False] = False
    error: ErrorDetail


_MEANING = {
    400: "Bad request (a webhook with a bad signature)",
    401: "Not logged in, or the token or API key is not valid (`unauthorized`)",
    403: "Not allowed: `forbidden`, `billing_disabled`, `tickets_disabled`",
    404: "No such resource, or it belongs to someone else (`not_found`)",
    409: "Conflict with the current state (`conflict`, `out_of_stock`, `insufficient_credits`, ...)",
    410: "Gone",
    413: "The request body is over 1 MB",
    422: "Invalid input: `validation_error` with messages per field in `details` (or `coupon_invalid`)",
    429: "Rate limited (`rate_limited`, with Retry-After)",
    502: "A payment gateway failed (`gateway_error`); nothing was changed",
}


def errors(*statuses: int, not_modified: bool = False, **why: str) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each status in the contract's error shape, plus 429; `not_modified` adds the
    304 that lists (and /sync/state) answer to a matching If-None-Match. `why` says more than the usual meaning
    for one route's status, keyed `e<status>` (`e409="not active or suspended, or a request is open"`)."""
    out: dict[int | str, dict[str, Any]] = {}
    if not_modified:
        out[304] = {"description": "Not modified: the If-None-Match tag is still current (no body)"}
    out.update({status: {"model": ErrorBody, "description": why.get(f"e{status}", _MEANING[status])}
                for status in sorted({*statuses, 429})})
    return out


def listed(*statuses: int, **why: str) -> dict[int | str, dict[str, Any]]:
    """`errors` for a list route: 401, 403 and 422 (bad paging or updated_since) besides those given, and 304."""
    return errors(401, 403, 422, *statuses, not_modified=True, **why)


def _list_params(
    page: int = Query(1, ge=1, le=1_000_000, description="Page number, from 1."),
    per_page: int = Query(25, ge=1, le=100, description="Rows per page."),
    updated_since: str | None = Query(None, description="ISO-8601 timestamp: only rows changed at or after it "
                                                        "(years 1..9999 in UTC)."),
) -> None:
    """Declares the list parameters for the OpenAPI description; lists.list_query reads and checks them."""


LIST_PARAMS = Depends(_list_params)


def filter_param(description: str) -> Any:
    """A list's filter (`status`, `category`, ...) for the OpenAPI description: optional, at most once, never empty
    (the route refuses `?status=` in its own words, query_guard.not_empty, so FastAPI is not asked to check it)."""
    return Query(None, description=f"{description} Given at most once; an empty value is 422.",
                 json_schema_extra={"minLength": 1})


STATUS_PARAM = filter_param("One status, or several separated by commas (`pending,overdue`); an unknown one is 422.")
