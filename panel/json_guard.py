"""JSON bodies the panel refuses before any route reads them, each a 422 `validation_error` that changes nothing:

- a key named twice in one object (`{"amount": "1", "amount": "900"}`): a JSON parser keeps one of them, and which
  one differs between parsers, so a proxy or log and the panel could read different requests;
- nesting deeper than MAX_DEPTH levels (no body of this API needs more than a few), which would otherwise reach
  Python's recursion limit;
- more than MAX_KEYS object keys in all (the largest body has about forty): each unknown key is a refusal of its
  own, so a body of tens of thousands cost seconds and answered megabytes;
- `NaN`, `Infinity` and `-Infinity`, which Python's parser accepts but are not JSON;
- a body in UTF-16 or UTF-32, which Python's parser reads but JSON on the wire is not (UTF-8, with or without a
  byte order mark, is read);
- a string holding NUL (U+0000) or a lone surrogate (`"\\ud800"`): neither is text a user means, NUL cuts strings
  in C tools, and a lone surrogate cannot be stored as UTF-8 (SQLite refused it with a 500).

Only `/api/v1` bodies read as JSON are checked (no Content-Type or a JSON one, as FastAPI reads them); malformed JSON
passes through to FastAPI's own 422. The webhooks, whose bodies are signed bytes, are left alone.

A body is parsed once: the guard leaves what it parsed in the request's scope (PARSED), and the routes' JsonRoute
hands FastAPI a request whose `json()` answers it (FastAPI's documented way to customise how a route reads a
request). The guard reads a JSON number with a fraction or an exponent as the Decimal it writes, never as a binary
float: money is exact (`0.1` is 0.1, and `10.0000000000000000001` has more places than a currency, not 10.00),
whole numbers stay ints, and every money check (panel.amounts.parse_amount) takes a Decimal as it takes a string. A
number written with an exponent (`1E1`, `1.5e1`) is an ExponentNumber, a Decimal that remembers its text, so the money
checks refuse it as they refuse the string "1e3". A route of another class, or a body the guard did not parse, is read
by FastAPI as before.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import query_guard
from .amounts import json_number
from .errors import error_response

MAX_DEPTH = 32
# Object keys in a whole body. The largest body here (PUT /admin/billing/settings, every setting at once) has about
# forty; a body of tens of thousands of unknown keys made tens of thousands of refusals, seconds of work and an
# answer twice the size of the request.
MAX_KEYS = 1000
CHECKED_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PARSED = "sett.json_body"  # scope key: the body as the guard parsed it


class _Refused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _Refused("body", f"The JSON body names the key {json.dumps(key)[:60]} twice in one object.")
        seen[key] = value
    return seen


def _no_constant(name: str) -> float:
    raise _Refused("body", f"{name} is not a JSON number.")


def _bad_text(text: str) -> str | None:
    if "\x00" in text:
        return "NUL characters are not allowed."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "The text holds a lone surrogate, which is not a character."
    return None


def check(value: object) -> None:
    """Walk a parsed body without recursion; raise _Refused at the first problem, naming its field path."""
    stack: list[tuple[object, str, int]] = [(value, "", 1)]
    keys = 0
    while stack:
        node, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Refused("body", f"The JSON body is nested too deeply (at most {MAX_DEPTH} levels).")
        if isinstance(node, str):
            if problem := _bad_text(node):
                raise _Refused(path or "body", problem)
        elif isinstance(node, dict):
            keys += len(node)
            if keys > MAX_KEYS:
                raise _Refused("body", f"The JSON body has more than {MAX_KEYS} keys; no request here needs that "
                                       "many.")
            for key, item in node.items():
                if problem := _bad_text(key):
                    raise _Refused(path or "body", f"A key of this object is not allowed: {problem}")
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, f"{path}.{n}" if path else str(n), depth + 1) for n, item in enumerate(node))


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media = value.decode("latin-1").split(";", 1)[0].strip().lower()
            return media == "application/json" or media.endswith("+json")
    return True  # no Content-Type: read as JSON (app.py, strict_content_type=False)


class JsonGuard:
    """ASGI middleware: reads a checked body whole (app.py's _CountedBody, outside it, stops it past 1 MB), refuses
    it as above, or hands it on unchanged."""

    def __init__(self, app: ASGIApp, prefix: str, also: tuple[str, ...] = ()) -> None:
        # `also`: other path prefixes whose JSON bodies are checked the same way (the pay pages' card-form call,
        # POST /pay/{id}/stripe/confirm, read `{"token": <right>, "token": <wrong>}` as its last token).
        self.app, self.prefixes = app, (prefix + "/", *also)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in CHECKED_METHODS
                or not scope["path"].startswith(self.prefixes) or not _is_json(scope)):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        try:
            while True:
                message = await receive()
                if message["type"] != "http.request":  # the client left: nothing to answer
                    return
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
        except StarletteHTTPException as exc:  # 413 from _CountedBody while the body was read
            await error_response(exc.status_code, "payload_too_large", str(exc.detail))(scope, receive, send)
            return
        body = b"".join(chunks)
        refusal, parsed = _read(body)
        if refusal is not None:
            await error_response(422, "validation_error", refusal.message,
                                 {refusal.field: [refusal.message]})(scope, receive, send)
            return
        if parsed is not _UNPARSED:
            scope[PARSED] = parsed
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


_UNPARSED = object()


def _read(body: bytes) -> tuple[_Refused | None, object]:
    """(the refusal or None, the parsed body or _UNPARSED when there was nothing the guard could parse)."""
    if not body.strip():
        return None, _UNPARSED
    if json.detect_encoding(body) not in ("utf-8", "utf-8-sig"):
        # json.loads (the guard's and FastAPI's) reads UTF-16 and UTF-32 too, which JSON on the wire is not (RFC 8259
        # 8.1: UTF-8), and which a proxy or a log reading UTF-8 sees as other bytes than the panel does.
        return _Refused("body", "The request body is not valid JSON: JSON is sent as UTF-8."), _UNPARSED
    try:
        parsed = json.loads(body, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                            parse_float=json_number)
    except _Refused as refused:
        return refused, _UNPARSED
    except RecursionError:
        return _Refused("body", f"The JSON body is nested too deeply (at most {MAX_DEPTH} levels)."), _UNPARSED
    except ValueError:
        return None, _UNPARSED  # malformed JSON or not UTF-8: FastAPI answers it (errors.py)
    try:
        check(parsed)
    except _Refused as refused:
        return refused, _UNPARSED
    return None, parsed


class _GuardedRequest(Request):
    """A request whose JSON body is the one JsonGuard parsed, when it parsed one."""

    async def json(self) -> Any:
        if PARSED in self.scope:
            return self.scope[PARSED]
        return await super().json()


class JsonRoute(APIRoute):
    """The route class of every /api/v1 router: FastAPI reads the body JsonGuard already parsed, not again, and the
    query parameters the operation takes are each refused when given twice (query_guard)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        check = query_guard.OnceEach()
        super().__init__(path, query_guard.guarded(endpoint, check), **kwargs)
        check.names = query_guard.declared(self.dependant)
        check.headers = query_guard.declared_headers(self.dependant)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            return await handler(_GuardedRequest(request.scope, request.receive))

        return guarded
