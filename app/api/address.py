"""The panel's address and what is sent to it: the origin from what a person typed (`/api/v1` added by the
transport), and JSON bodies with money as the contract's decimal strings."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app.core.input_text import body_problem, has_lone_surrogate
from app.core.navigation import SUSPECT, origin_of
from app.core.text import translate

from .errors import NotAPanel, ValidationFailed

API_PREFIX = "/api/v1"


def normalise_base_url(base_url: str) -> str:
    """`https://panel.example.com` from what a person typed; a pasted `/api/v1` suffix is dropped.

    Refused in words (`NotAPanel`), before anything is sent: what is not an http(s) address with a host name
    a resolver can take (no spaces, control characters or bidi controls, labels within IDNA's limits, a port
    below 65536; these raised a bare ValueError or UnicodeError, or failed as "could not be sent"), and an
    address holding a user name or password, which Sett would otherwise keep with the account's address and
    show in its words (the password is not repeated back)."""
    text = (base_url or "").strip().rstrip("/")
    if text.endswith(API_PREFIX):
        text = text[: -len(API_PREFIX)].rstrip("/")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        parts = None
    if parts is not None and "@" in parts.netloc:
        raise NotAPanel(translate("Network", "That address holds a user name or password. Type the panel address "
                                             "alone (like https://panel.example.com) and sign in after."))
    if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname
            or origin_of(f"{parts.scheme}://{parts.netloc}") is None or SUSPECT.search(text)
            or has_lone_surrogate(text)):      # a broken character in the path raised UnicodeEncodeError later
        shown = repr(str(base_url or "")[:200])
        raise NotAPanel(translate("Network", "{address} is not a panel address; it should look like "
                                             "https://panel.example.com.").format(address=shown))
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # money goes out as the contract's decimal strings
    raise TypeError(f"{type(value).__name__} cannot be sent to the panel as JSON")


def json_body(value: Any) -> bytes:
    """The body as sent. Text the panel refuses whatever the field (NUL, a lone surrogate: 422 from its JSON guard)
    is refused here, before anything is sent, as the `ValidationFailed` the panel would answer, naming the field:
    the forms check their own fields first in their words; this is the last word for every other road."""
    refused = body_problem(value)
    if refused is not None:
        field, problem = refused
        raise ValidationFailed(problem, status=None, code="validation_error", details={field: [problem]})
    return json.dumps(value, default=_json_default).encode()
