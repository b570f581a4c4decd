"""The contract's error shape, and the handlers that make every failure take it.

`{"success": false, "error": {"code", "message", "details"}}`; `validation_error` details map a field to a list of
messages. No handler ever returns a traceback: an unexpected exception is logged here and answered as a 500 with a
generic message.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import compile_path

log = logging.getLogger("panel")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: dict | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


class PageError(Exception):
    """A browser page's refusal (the pay pages'), answered with the HTML page it carries rather than the API's JSON
    error shape: raised from a dependency, which cannot return a response itself."""

    def __init__(self, response: Response) -> None:
        super().__init__(getattr(response, "status_code", 400))
        self.response = response


def not_found(what: str = "Resource") -> ApiError:
    return ApiError(404, "not_found", f"{what} not found.")


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "validation_error", message, {field: [message]})


def conflict(code: str, message: str, details: dict | None = None) -> ApiError:
    return ApiError(409, code, message, details)


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    return {"success": False, "error": {"code": code, "message": message, "details": details or {}}}


def error_response(status: int, code: str, message: str, details: dict | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


# Set on the scope of a HEAD request, which the panel routes as GET (app._HeadAsGet).
HEAD_SCOPE_KEY = "sett.head"


def request_method(request: Request) -> str:
    """The method the client sent: HEAD for a HEAD request, although it is routed as GET."""
    return "HEAD" if request.scope.get(HEAD_SCOPE_KEY) else request.method


_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 429: "rate_limited"}


NOT_JSON = "The request body must be JSON, sent with Content-Type: application/json."

# What FastAPI answers (400) when reading the JSON body fails other than by a JSON syntax error.
FASTAPI_BODY_PARSE_ERROR = "There was an error parsing the body"


# What a value checked by a pattern must be, in words a person can act on, keyed by the pattern itself (pydantic's
# error names only the pattern). Every pattern a request is checked against is worded here (worded_pattern registers
# it where the field is declared; tests/panel/test_plain_refusals.py checks none is missing); a regex is never shown.
PATTERN_MESSAGES: dict[str, str] = {}
UNWORDED_PATTERN = "Is not in the form this field takes."


def worded_pattern(pattern: str, message: str) -> str:
    """`pattern`, for a field's `pattern=`, with the message a value that does not match it gets."""
    PATTERN_MESSAGES[pattern] = message
    return pattern


def _items(n: object) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def panel_message(err: dict) -> str:
    """A pydantic error in the panel's own words (those of panel/billing/catalogue_rules.py: "This field is
    required.", "Unknown field.", "Must be ..."), not pydantic's ("Field required", "Input should be a valid
    integer"); a message the panel wrote itself (a validator's ValueError) is kept as written."""
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    whole = tuple(err.get("loc", ())) == ("body",)
    words = {
        "missing": "A JSON body is required." if whole else "This field is required.",
        "extra_forbidden": "Unknown field.",
        "string_type": "Must be text.",
        "int_type": "Must be a whole number.", "int_parsing": "Must be a whole number.",
        "int_from_float": "Must be a whole number.",
        "bool_type": "Must be true or false.", "bool_parsing": "Must be true or false.",
        "list_type": "Must be a list.",
        "dict_type": "The request body must be a JSON object." if whole else "Must be a JSON object.",
        "model_type": "The request body must be a JSON object." if whole else "Must be a JSON object.",
        "model_attributes_type": "The request body must be a JSON object." if whole else "Must be a JSON object.",
        "decimal_type": 'Must be a decimal number such as "12.5".',
        "decimal_parsing": 'Must be a decimal number such as "12.5".',
    }
    if kind in words:
        return words[kind]
    if kind == "literal_error" and "expected" in ctx:
        return f"Must be one of {ctx['expected']}."
    if kind == "string_too_short" and "min_length" in ctx:
        return "Must not be empty." if ctx["min_length"] == 1 else f"Must have at least {ctx['min_length']} characters."
    if kind == "string_too_long" and "max_length" in ctx:
        return f"Must have at most {ctx['max_length']} characters."
    if kind == "string_pattern_mismatch" and "pattern" in ctx:
        return PATTERN_MESSAGES.get(str(ctx["pattern"]), UNWORDED_PATTERN)
    if kind == "too_short" and "min_length" in ctx:
        return f"Must have at least {_items(ctx['min_length'])}."
    if kind == "too_long" and "max_length" in ctx:
        return f"Must have at most {_items(ctx['max_length'])}."
    bounds = {"greater_than": ("gt", "Must be greater than {}."), "greater_than_equal": ("ge", "Must be at least {}."),
              "less_than": ("lt", "Must be below {}."), "less_than_equal": ("le", "Must be at most {}."),
              "decimal_max_places": ("decimal_places", "Must have at most {} decimal places."),
              "decimal_max_digits": ("max_digits", "Must have at most {} digits."),
              "decimal_whole_digits": ("whole_digits", "Must have at most {} digits before the decimal point.")}
    if kind in bounds and bounds[kind][0] in ctx:
        key, text = bounds[kind]
        return text.format(ctx[key])
    return str(err.get("msg", "Invalid value.")).removeprefix("Value error, ")


def _field_name(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _validation_details(exc: RequestValidationError) -> dict[str, list[str]]:
    details: dict[str, list[str]] = {}
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            details.setdefault("body", []).append("The request body is not valid JSON.")
            continue
        if tuple(err.get("loc", ())) == ("body",) and isinstance(err.get("input"), bytes | bytearray):
            # A body FastAPI did not read as JSON: it came under another Content-Type (text/plain, a form).
            details.setdefault("body", []).append(NOT_JSON)
            continue
        message = panel_message(err)
        details.setdefault(_field_name(tuple(err.get("loc", ()))), []).append(message)
    return details


def allowed_methods(request: Request, fallback: str, path: str | None = None) -> str:
    """Every method of every documented operation whose path matches `path` (default: the request's), worked out
    once from the OpenAPI paths: public data, unlike the router's internals, which change between FastAPI
    versions."""
    table = getattr(request.app.state, "methods_by_path", None)
    if table is None:
        table = [(compile_path(route)[0], {m.upper() for m in operations})
                 for route, operations in request.app.openapi()["paths"].items()]
        request.app.state.methods_by_path = table
    target = request.url.path if path is None else path
    methods = set().union(*(m for regex, m in table if regex.match(target)))
    return ", ".join(sorted(methods)) if methods else fallback


def method_not_allowed_message(method: str, allow: str) -> str:
    """A 405 in the panel's words, naming the methods `allow` (an Allow header's value) lists: "POST is not allowed
    here; use GET.", "PATCH is not allowed here; use GET or POST."."""
    methods = [m.strip() for m in allow.split(",") if m.strip()]
    if not methods:
        return f"{method} is not allowed here."
    listed = methods[0] if len(methods) == 1 else f"{', '.join(methods[:-1])} or {methods[-1]}"
    return f"{method} is not allowed here; use {listed}."


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(PageError)
    async def _page_error(_: Request, exc: PageError) -> Response:
        return exc.response

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        first = next(iter(details.items()), ("body", ["Invalid request."]))
        message = f"{first[0]}: {first[1][0]}" if first[0] != "body" else first[1][0]
        return error_response(422, "validation_error", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == FASTAPI_BODY_PARSE_ERROR:
            # A body that is not UTF-8 (FastAPI's 400 for anything json.loads raises besides JSONDecodeError) is
            # malformed JSON like any other: 422 on `body`, as docs/api.md promises.
            message = "The request body is not valid JSON."
            return error_response(422, "validation_error", message, {"body": [message]})
        headers = getattr(exc, "headers", None)
        message = "Not found." if exc.status_code == 404 else str(exc.detail)
        if exc.status_code == 405:
            # Starlette names only the methods of the first route whose path matched; a path served by several
            # routes (GET and POST of a list) must list them all.
            allow = allowed_methods(request, (headers or {}).get("Allow", ""))
            headers = {**(headers or {}), "Allow": allow}
            message = method_not_allowed_message(request_method(request), allow)
        code = _STATUS_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, message, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error(request, exc)


def internal_error(request: Request, exc: Exception) -> JSONResponse:
    """The 500 for an exception nothing else handled, logged with its traceback."""
    log.error("unhandled error on %s %s", request_method(request), request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "The panel hit an internal error; nothing was changed.")
