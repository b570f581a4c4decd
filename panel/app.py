"""Builds the FastAPI application: error shape, rate limits, routers."""
from __future__ import annotations

import ipaddress
import re

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import HEAD_SCOPE_KEY, error_response, install_handlers, internal_error
from .json_guard import JsonGuard
from .ratelimit import RateLimiter, credential_key
from .routes import ALL_ROUTERS, WEBHOOK_ROUTERS
from .schemas.openapi import install as install_openapi
from .state import Panel

API_PREFIX = "/api/v1"
DESCRIPTION = ("The Sett billing panel (see docs/api.md). Every answer is `{success, data}` or the error shape "
               "`{success: false, error: {code, message, details}}`; lists add `meta`. Authenticate with "
               "`Authorization: Bearer <access token or API key>`.")
MAX_BODY_BYTES = 1_000_000
# C0 control characters and DEL, which no path the panel serves holds (sent percent-encoded: %0A, %0D, %00).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Paths that must keep answering even when a client floods the panel: the liveness check.
UNLIMITED_PATHS = {f"{API_PREFIX}/health"}


def _address_key(host: str) -> str:
    """The address a client is limited by: an IPv6 address by its /64, which one host or home line holds whole (a
    client limited per single IPv6 address had 2^64 fresh allowances to move through, and each a row in the
    limiter's table); an IPv4 address (also one mapped into IPv6) or anything else as it is."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _client_key(request: Request, limiter: RateLimiter) -> str:
    """Limit per credential once the panel has accepted it (many users share 127.0.0.1 in the demo), else per
    address: an unknown or made-up token counts against the address, as no token does."""
    auth = request.headers.get("authorization")
    if auth and limiter.vouched(key := credential_key(auth)):
        return key
    return "ip:" + (_address_key(request.client.host) if request.client else "?")


class _CountedBody:
    """Answers 413 once a body grows past MAX_BODY_BYTES as it is read. `limits` checks the Content-Length up front,
    but a chunked body has none and was read whole into memory however big it was."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > MAX_BODY_BYTES:
                    # An HTTPException passes FastAPI's body reading untouched and gets the error shape (errors.py).
                    raise StarletteHTTPException(413, "The request body is too large.")
            return message

        await self.app(scope, counted, send)


class _HeadAsGet:
    """HEAD is GET without the body (RFC 9110 9.3.2): the same status and headers (Content-Length, ETag, the
    rate-limit headers), the same login, gates and If-None-Match/304. FastAPI's routes answer only the methods
    they name, so HEAD was a 405 on every path. Done once, here, for every route: the request is routed as the
    GET it stands for and this drops what would be sent as the body. A path that serves no GET answers as it
    would a GET (404, a gate, or a 405 naming its methods, worded for HEAD: errors.request_method). Outermost, so
    the rate limit counts it once, as the request it is. The server keeps its own scope, which still says HEAD."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return              # nothing of the body goes out; the last message ends the response
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", HEAD_SCOPE_KEY: True}, receive, headers_only)


def create_app(panel: Panel) -> FastAPI:
    # strict_content_type=False: a body sent with no Content-Type at all is read as the JSON it must be (a bare
    # `requests.post(url, data=json.dumps(...))` or `curl --data-binary` without -H); one sent under another type is
    # still not read as JSON (errors.py says so in words). Browsers always send a type, so this opens no CSRF path,
    # and the API authenticates with a bearer header anyway.
    app = FastAPI(title="Sett panel", version="1", docs_url=f"{API_PREFIX}/docs", description=DESCRIPTION,
                  openapi_url=f"{API_PREFIX}/openapi.json", redoc_url=None, strict_content_type=False)
    app.state.panel = panel
    app.router.redirect_slashes = False     # the `limits` middleware redirects, without the Host header (below)
    install_handlers(app)
    install_openapi(app, API_PREFIX)
    # Added first, innermost: JsonGuard reads bodies through _CountedBody, both inside `limits`, so their 413 and
    # 422 get the rate-limit headers too.
    app.add_middleware(JsonGuard, prefix=API_PREFIX, also=("/pay/",))
    app.add_middleware(_CountedBody)

    @app.middleware("http")
    async def limits(request: Request, call_next) -> Response:
        client = _client_key(request, panel.limiter)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return error_response(413, "payload_too_large", "The request body is too large.",
                                  headers=panel.limiter.peek(client))
        if request.scope["path"] in UNLIMITED_PATHS:
            headers = panel.limiter.peek(client)  # shown, not counted
        else:
            allowed, headers = panel.limiter.hit(client)
            if not allowed:
                return error_response(429, "rate_limited", "Too many requests; try again shortly.", headers=headers)
        # The path as sent, decoded: request.url.path has had tabs and line breaks removed (urllib's URL parsing),
        # so "/account/api-keys/%0D" looked like "/account/api-keys/" and was redirected to the list.
        path = request.scope["path"]
        if _CONTROL.search(path):
            # No route or id holds a control character, and a route's pattern ends in `$`, which lets a trailing
            # line break through ("/settings/public%0A" was served as /settings/public): nothing is here.
            return error_response(404, "not_found", "Not found.", headers=headers)
        if path.endswith("/") and path.strip("/"):
            # What Starlette's own slash redirect did, but to a relative Location: it wrote the request's Host
            # header into it, and the panel never trusts Host (a forged one came back in the redirect). Built
            # from the path as it was sent (still percent-encoded), so the header holds nothing it cannot.
            sent = request.scope.get("raw_path") or path.encode()
            target = sent.decode("latin-1").rstrip("/") + (f"?{request.url.query}" if request.url.query else "")
            response = Response(status_code=307, headers={"Location": target})
            response.headers.update(headers)
            return response
        try:
            response = await call_next(request)
        except Exception as exc:
            # Left alone, an unexpected exception is answered by Starlette's outermost middleware, past this one,
            # and its 500 would lack the headers the contract puts on every response.
            response = internal_error(request, exc)
        response.headers.update(headers)
        return response

    for router in ALL_ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    for router in WEBHOOK_ROUTERS:
        app.include_router(router)
    # Last added, outermost: HEAD becomes GET before anything else sees the request.
    app.add_middleware(_HeadAsGet)
    return app
