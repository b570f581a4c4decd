"""The panel's address and what is sent to it: the origin from what a person typed (`/api/v1` added by the
transport), and JSON bodies with money as the contract's decimal strings."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app.core.text import translate

from .errors import NotAPanel

API_PREFIX = "/api/v1"


def normalise_base_url(base_url: str) -> str:
    """`https://panel.example.com` from what a person typed; a pasted `/api/v1` suffix is dropped."""
    text = (base_url or "").strip().rstrip("/")
    if text.endswith(API_PREFIX):
        text = text[: -len(API_PREFIX)].rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NotAPanel(translate("Network", "{address} is not a panel address; it should look like "
                                             "https://panel.example.com.").format(address=repr(base_url)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # money goes out as the contract's decimal strings
    raise TypeError(f"{type(value).__name__} cannot be sent to the panel as JSON")


def json_body(value: Any) -> bytes:
    return json.dumps(value, default=_json_default).encode()
