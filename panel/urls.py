"""The panel's own origin, and where the panel may send a buyer's browser after a gateway: that origin or
loopback, nowhere else.

Refusing other hosts keeps return_url/cancel_url from becoming an open redirect. The origin is the operator's
`--public-url` when given. Without it, the Host header a client sent is believed only when it names loopback or
the address the connection really arrived on; any other name (which the client may have made up) gives way to
that address, so a forged Host cannot put a foreign origin into checkout_url or past the return-URL check.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request

from .errors import invalid

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def parse_public_url(text: str) -> str:
    """An operator's --public-url as a bare origin (scheme://host[:port]); ValueError if it is not one."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not an http(s) URL")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"{text!r} must be an origin only, like https://panel.example.com (the panel serves at /)")
    _ = parts.port  # raises ValueError for a port that is not a number in range
    return f"{parts.scheme}://{parts.netloc.lower()}"


def panel_origin(public_url: str, request: Request) -> str:
    """The origin to put in absolute URLs made for this request (checkout_url, the gateways' return pages)."""
    if public_url:
        return public_url
    named = (request.url.hostname or "").lower()
    local = request.scope.get("server")  # the socket's own address: the kernel's word, not the client's
    if not local:  # no socket address (a unix socket): only a local proxy can be speaking
        return str(request.base_url).rstrip("/")
    address = str(local[0]).lower().removeprefix("::ffff:")  # an IPv4 client of a dual-stack socket
    if named in LOOPBACK_HOSTS or named == address:
        return str(request.base_url).rstrip("/")
    host = f"[{address}]" if ":" in address else address
    return f"{request.url.scheme}://{host}:{local[1]}"


def check_return_url(field: str, url: str | None, panel_origins: list[str]) -> None:
    if url is None:
        return
    if any(c == "\\" or c.isspace() or ord(c) < 0x20 or ord(c) == 0x7f for c in url):
        # Browsers read a backslash as "/" in http(s) URLs and drop tabs and newlines, while urlsplit takes the host
        # from after the last "@": `http://evil.example\@127.0.0.1/` would pass the checks below yet send the buyer
        # to evil.example. A URL the two could read differently is refused, as is one that would break the Location
        # header it ends up in.
        raise invalid(field, f"{field} must not contain spaces, backslashes or control characters.")
    try:
        scheme, host, port = _origin(url)
    except ValueError:
        raise invalid(field, f"{field} is not a valid URL.") from None
    if scheme not in ("http", "https") or not host:
        raise invalid(field, f"{field} must be an http or https URL.")
    if host in LOOPBACK_HOSTS:
        return
    if (scheme, host, port) in {_origin(o) for o in panel_origins if o}:
        return
    raise invalid(field, f"{field} must point to this panel or to a loopback address.")


# The panel's own page a payment ends on when its client gave no return or cancel URL (a top-up may omit them).
FINISHED_PATH = "/pay/finished"


def default_return_urls(origin: str) -> tuple[str, str]:
    """The return and cancel URLs of a payment started without them: the panel's own finished page."""
    return f"{origin}{FINISHED_PATH}", f"{origin}{FINISHED_PATH}?cancelled=1"
