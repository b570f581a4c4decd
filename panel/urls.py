"""Where the panel may send a buyer's browser after a gateway: its own origin or loopback, nowhere else.

Refusing other hosts keeps return_url/cancel_url from becoming an open redirect.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .errors import invalid

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def check_return_url(field: str, url: str | None, panel_origins: list[str]) -> None:
    if url is None:
        return
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
