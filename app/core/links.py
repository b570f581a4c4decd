"""`sett://` links: what a browser, a notification or a second start hands to the running Sett.

`sett://invoice/<id>`, `sett://service/<id>` and `sett://account/<id>` are the whole vocabulary; anything else is
refused with a sentence that says why, so a link from a web page can never make Sett do something unexpected.
Pure: parsing only, no Qt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .text import translate

SCHEME = "sett"
KINDS = ("invoice", "service", "account")
MAX_LENGTH = 300
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class LinkError(ValueError):
    """A link Sett will not open; str() says why, in words a user can act on."""


@dataclass(frozen=True)
class Link:
    kind: str       # one of KINDS
    target: str     # the invoice's, service's or account's id

    def __str__(self) -> str:
        return f"{SCHEME}://{self.kind}/{self.target}"


def is_link(text: str) -> bool:
    """Whether an argument looks meant as a Sett link (then parse_link decides whether it is a good one)."""
    return text.strip().lower().startswith(f"{SCHEME}:")


def parse_link(text: str) -> Link:
    """`sett://invoice/42` -> Link("invoice", "42"); LinkError for anything else."""
    raw = text.strip()
    shown = raw if len(raw) <= 80 else raw[:77] + "..."
    if len(raw) > MAX_LENGTH:
        raise LinkError(translate("Links", "The link {link} is too long to be a Sett link.").format(link=shown))
    try:
        parts = urlsplit(raw)
    except ValueError:
        raise LinkError(translate("Links", "{link} is not a link Sett understands.").format(link=shown)) from None
    if parts.scheme.lower() != SCHEME:
        raise LinkError(translate("Links", "{link} is not a Sett link (those start with {scheme}://).").format(
            link=shown, scheme=SCHEME))
    kind = parts.netloc.lower()
    if kind not in KINDS:
        raise LinkError(translate("Links", "Sett links open an invoice, a service or an account; {link} asks for "
                                           "{kind}.").format(link=shown, kind=repr(kind)))
    if parts.query or parts.fragment:
        raise LinkError(translate("Links", "The link {link} carries more than Sett links do.").format(link=shown))
    target = unquote(parts.path.strip("/"))
    if not _ID.fullmatch(target):
        raise LinkError(translate("Links", "The link {link} does not name one {kind} (expected {example}).").format(
            link=shown, kind=kind, example=f"{SCHEME}://{kind}/<id>"))
    return Link(kind, target)
