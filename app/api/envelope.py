"""Reading the panel's envelopes: `{"data": ...}` and `{"error": {code, message, details}}`, each with or without
the top-level `"success"` flag that BadgerPanel's own front end reads.

JSON numbers with a fraction become `Decimal`, never `float`, so money that arrives as a number (the BadgerPanel
front end sends numbers) is exact from the first byte.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from http import HTTPStatus
from typing import Any

from app.core.error_words import code_words
from app.core.text import translate

from .errors import (
    ApiError,
    AuthRequired,
    BadAnswer,
    BillingDisabled,
    Conflict,
    CouponInvalid,
    Forbidden,
    NotAPanel,
    NotFound,
    RateLimited,
    ServerError,
    TicketsDisabled,
    ValidationFailed,
)
from .limits import (
    MAX_ERROR_DETAIL_TEXT,
    MAX_ERROR_DETAILS,
    MAX_ERROR_MESSAGE,
    MAX_JSON_DEPTH,
    MAX_JSON_VALUES,
)
from .retry import parse_retry_after

_CODE_ERRORS: dict[str, type[ApiError]] = {
    "unauthorized": AuthRequired,
    "forbidden": Forbidden,
    "billing_disabled": BillingDisabled,
    "tickets_disabled": TicketsDisabled,
    "not_found": NotFound,
    "validation_error": ValidationFailed,
    "coupon_invalid": CouponInvalid,
    "rate_limited": RateLimited,
    "out_of_stock": Conflict,
    "insufficient_credits": Conflict,
    "invoice_not_payable": Conflict,
    "idempotency_conflict": Conflict,
}
_STATUS_ERRORS: dict[int, type[ApiError]] = {
    401: AuthRequired, 403: Forbidden, 404: NotFound, 409: Conflict, 422: ValidationFailed, 429: RateLimited,
}


def _where(url: str | None) -> str:
    return url or translate("Network", "The panel address")


# A JSON number this long, or this far from 1, is no amount, count or id a panel sends; read as a Decimal it
# would be formatted back out (`1e999999999` as a billion zeros) when the cache stores the row.
MAX_NUMBER_TEXT = 100
MAX_NUMBER_EXPONENT = 100
# A whole number Python refuses to read (more than `sys.get_int_max_str_digits()`, 4,300 digits): JSON sets no
# length, so it is JSON, only no panel's. Found in the body only once the reader has refused it.
_LONG_WHOLE = re.compile(rb"-?[0-9]{4301,}")


class _AbsurdNumber(ValueError):
    pass


def _number(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_TEXT:
        raise _AbsurdNumber(text)
    value = Decimal(text)
    if not -MAX_NUMBER_EXPONENT <= value.adjusted() <= MAX_NUMBER_EXPONENT and value:
        raise _AbsurdNumber(text)
    return value


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON and would arrive as floats.
    raise ValueError(f"{name} is not a number a panel sends")


def _shape_over(value: Any, depth_limit: int, values_limit: int) -> str | None:
    """"depth" when containers nest deeper than `depth_limit` in `value`, "values" when it holds more than
    `values_limit` values (walked without recursion, stopping as soon as either is past); None otherwise."""
    stack = [(value, 1)]
    values = 1
    while stack:
        item, depth = stack.pop()
        if depth > depth_limit:
            return "depth"
        values += len(item)
        if values > values_limit:
            return "values"
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return None


# A UTF-16 surrogate, escaped (`\ud800`) or as raw bytes (json reads those with "surrogatepass"): one alone is no
# character, and writing it to the cache (UTF-8) or handing it to Qt raised UnicodeEncodeError, failing every sync.
# The pattern only finds candidates (a proper pair, an emoji, also matches); the walk decides.
_SURROGATE_HINT = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\xed[\xa0-\xbf]")


def _lone_surrogate(value: Any) -> bool:
    """Whether any text in `value` (keys too) holds a surrogate that is not part of a pair."""
    stack = [value]
    while stack:
        item = stack.pop()
        texts = [item] if isinstance(item, str) else list(item.keys()) if isinstance(item, dict) else []
        for text in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _loads(text: bytes) -> Any:
    try:
        return json.loads(text, parse_float=_number, parse_constant=_reject_constant)
    except ValueError as exc:
        # Read as "not JSON" (so "not a billing panel"), a count of 5,000 digits; as 1e400 is, it is a number no
        # panel sends. Checked after the refusal: a callback per whole number doubled the reading of every page.
        long_whole = _LONG_WHOLE.search(text) if "integer string conversion" in str(exc) else None
        if long_whole is not None:
            raise _AbsurdNumber(long_whole[0].decode("ascii")) from None
        raise


def parse_body(body: bytes, *, url: str | None = None) -> dict:
    """The JSON object in `body`, numbers with a fraction as Decimal; `NotAPanel` for anything else."""
    where = _where(url)
    text = body.strip() if body else b""
    if not text:
        raise NotAPanel(translate("Network", "{address} answered with an empty body where a billing panel sends "
                                             "data.").format(address=where))
    if text[:1] == b"<":
        raise NotAPanel(translate("Network", "{address} answered with a web page, not with a billing panel's API; "
                                             "check the panel address.").format(address=where))
    try:
        parsed = _loads(text)
    except _AbsurdNumber as exc:
        shown = str(exc)[:24] + ("..." if len(str(exc)) > 24 else "")
        raise BadAnswer(translate("Network", "{address} sent the number {number}, which no billing panel sends; Sett "
                                             "kept what it had.").format(address=where, number=shown),
                        resource=where) from None
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise NotAPanel(translate("Network", "{address} answered with something that is not JSON; it does not look "
                                             "like a billing panel.").format(address=where)) from None
    if not isinstance(parsed, dict):
        raise NotAPanel(translate("Network", "{address} answered with JSON that is not an object; it does not look "
                                             "like a billing panel.").format(address=where))
    if _SURROGATE_HINT.search(text) and _lone_surrogate(parsed):
        raise BadAnswer(translate("Network", "{address} sent text that is not valid Unicode (a lone surrogate), "
                                             "which no billing panel sends; Sett kept what it had.").format(
            address=where), resource=where)
    over = _shape_over(parsed, MAX_JSON_DEPTH, MAX_JSON_VALUES)
    if over == "depth":
        raise BadAnswer(translate("Network", "{address} sent JSON nested more than {limit} levels deep, which no "
                                             "billing panel sends; Sett kept what it had.").format(
            address=where, limit=MAX_JSON_DEPTH), resource=where)
    if over == "values":
        raise BadAnswer(translate("Network", "{address} sent an answer of more than {limit} values, which no billing "
                                             "panel sends; Sett kept what it had.").format(
            address=where, limit=MAX_JSON_VALUES), resource=where)
    return parsed


def is_error(body: Mapping[str, Any]) -> bool:
    """Whether a parsed body is the error envelope (with `"success": false` or an `error` and no `data`)."""
    return body.get("success") is False or ("error" in body and "data" not in body)


def data_of(body: Mapping[str, Any], *, url: str | None = None) -> Any:
    """The `data` of a success envelope; `NotAPanel` when there is none."""
    if "data" not in body:
        raise NotAPanel(translate("Network", "{address} answered with JSON but without the panel's \"data\" "
                                             "envelope; it does not look like a billing panel.").format(
            address=_where(url)))
    return body["data"]


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    if not headers:
        return None
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


def clipped(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _detail(value: Any) -> Any:
    if isinstance(value, str):
        return clipped(value, MAX_ERROR_DETAIL_TEXT)
    if isinstance(value, list):
        return [_detail(item) for item in value[:MAX_ERROR_DETAILS] if not isinstance(item, dict | list)]
    if value is None or isinstance(value, bool | int | Decimal):
        return value
    return None     # an object inside details: nothing Sett reads, and no bound on what it holds


# Details Sett reads as lists of ids (an out-of-stock refusal names its products): anything else is left out, as
# a number there made naming the products raise TypeError on the UI thread.
_ID_LISTS = ("product_ids", "invoice_ids")


def _bounded_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """The panel's details with at most MAX_ERROR_DETAILS fields (and problems per field), each text clipped."""
    bounded = {clipped(str(name), MAX_ERROR_DETAIL_TEXT): _detail(value)
               for name, value in list(details.items())[:MAX_ERROR_DETAILS]}
    for name in _ID_LISTS:
        if name in bounded and not isinstance(bounded[name], list):
            del bounded[name]
        elif name in bounded:
            # Ids are text: a product named as 12 is the cart's "12" (its line is marked out of stock); what is
            # no id (true/false, a fraction, null) names nothing and is left out.
            bounded[name] = [str(v) for v in bounded[name]
                             if isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool))]
    return bounded


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _coupon_reason(message: str, details: Mapping[str, Any]) -> str:
    reason = details.get("reason")
    if isinstance(reason, str) and reason:
        return reason
    listed = details.get("coupon_code") or details.get("code")
    if isinstance(listed, list) and listed and isinstance(listed[0], str):
        return listed[0]
    return message


def error_from(status: int, body: bytes | Mapping[str, Any] | None, headers: Mapping[str, str] | None = None,
               *, url: str | None = None) -> ApiError:
    """The typed error for an error response: by the panel's code first, then by status.

    An error status without the panel's error shape is a proxy's page (5xx, 429) or not a panel at all.
    """
    parsed: Mapping[str, Any] | None
    if isinstance(body, bytes | bytearray):
        try:
            parsed = parse_body(bytes(body), url=url)
        except NotAPanel:
            parsed = None
    else:
        parsed = body
    retry_after = parse_retry_after(_header(headers, "Retry-After"))
    error = parsed.get("error") if parsed is not None else None
    if isinstance(error, str) and error:
        error = {"message": error}
    if error is None and parsed is not None and parsed.get("success") is False and status < 500 and status != 429:
        # The panel's own envelope, `"success": false`, without its error (the shape allows leaving it out): the
        # panel says it failed, only not why. Not "no billing panel" (what it said before, of the panel itself).
        if status < 400:
            # A failure under a success status: nothing says it was a refusal, so the panel may have acted.
            return BadAnswer(translate("Network", '{address} answered that the request failed ("success": false) '
                                                  "without saying why.").format(address=_where(url)),
                             resource=_where(url), field="success", status=status)
        error = {}
    if not isinstance(error, Mapping):
        if status == 429:
            return RateLimited(translate("Network", "The panel is receiving too many requests; try again shortly."),
                               retry_after=retry_after, status=status)
        if status >= 500:
            return ServerError(translate("Network", "{address} failed with {status}; try again later.").format(
                address=_where(url), status=_status_text(status)), status=status)
        return NotAPanel(translate("Network", "{address} answered {status} without the panel's error shape; it does "
                                   "not look like a billing panel.").format(address=_where(url),
                                                                            status=_status_text(status)),
                         status=status)

    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message") if isinstance(error.get("message"), str) and error.get("message") else None
    message = clipped(message, MAX_ERROR_MESSAGE) if message else None
    said_by_panel = message is not None
    code = clipped(code, MAX_ERROR_DETAIL_TEXT) if code else None
    details = _bounded_details(error.get("details")) if isinstance(error.get("details"), Mapping) else {}
    # Without the panel's own words: the code's, in the user's language; a code Sett does not know is not shown
    # raw ("The panel refused the request (refund_in_progress)."), the status number says what little there is.
    message = message or code_words(code) or translate("Network", "The panel refused the request (HTTP {status}).")\
        .format(status=status)
    # 429 is always a rate limit (its Retry-After matters); otherwise the panel's code says most.
    cls = RateLimited if status == 429 else _CODE_ERRORS.get(code or "") or _STATUS_ERRORS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else ApiError
    if cls is RateLimited:
        made = RateLimited(message, retry_after=retry_after, status=status, code=code, details=dict(details))
    elif cls is CouponInvalid:
        made = CouponInvalid(message, reason=_coupon_reason(message, details), status=status, code=code,
                             details=dict(details))
    else:
        made = cls(message, status=status, code=code, details=dict(details))
    made.said_by_panel = said_by_panel
    return made
