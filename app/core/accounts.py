"""Accounts as people see them: which panel, which login, what the user called it (pure; never a secret)."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.text import translate

# The names of this computer: the only hosts a panel may be reached on over plain http (a password travels).
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    panel_url: str
    email: str
    auth_kind: str  # "password" or "api_key"
    created_at: str


def host_of(url: str) -> str:
    """The panel's host (and port) as people read it: `panel.example.com`."""
    return urlsplit(url).netloc or url


def _is_host(name: str) -> bool:
    """A name a panel can be reached by: an IP address, or labels of letters (any script), digits, hyphens and
    underscores, each 1 to 63 long and not starting or ending with a hyphen (a final dot allowed)."""
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    return len(name) <= 253 and all(
        0 < len(label) <= 63 and not label.startswith("-") and not label.endswith("-")
        and all(ch.isalnum() or ch in "-_" for ch in label) for label in labels)


def _loopback(typed: str) -> bool:
    """Whether an address typed without a scheme names this computer (127.0.0.1, localhost, [::1])."""
    try:
        host = urlsplit("//" + typed).hostname
    except ValueError:
        return False
    return host in _LOOPBACK


def normalise_url(url: str) -> str:
    """The panel's origin: a scheme and a host, no path, no trailing slash; http only for loopback."""
    text = url.strip()
    if "://" not in text:
        # A bare address is taken as https, as a browser now does; one on this computer as http, as a browser
        # does too: a panel on loopback (a developer's, the demo's) rarely has a certificate, and "127.0.0.1:8000"
        # ended in "a secure connection could not be set up" with nothing to say that http:// was wanted.
        text = ("http://" if _loopback(text) else "https://") + text
    wrong = AccountError(translate("Accounts", "Enter the panel's address, for example https://panel.example.com"))
    try:
        parts = urlsplit(text)
        _ = parts.port      # a port that is not a number from 0 to 65535 raises here
    except ValueError:
        raise wrong from None
    # "not a url" became https://not a url above: a host with spaces (or other signs) is no address to try.
    if parts.scheme not in ("http", "https") or not parts.hostname or not _is_host(parts.hostname):
        raise wrong
    if parts.username is not None or parts.password is not None:
        # A login in the address would be kept with the account's address, outside the keyring.
        raise AccountError(translate("Accounts", "Enter the address without a login (nothing before an @), for "
                                                 "example https://panel.example.com: Sett asks for the login next."))
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise AccountError(translate("Accounts", "Use https:// for a panel that is not on this computer: your password "
                                                 "travels to it."))
    # Host names are case-blind: Panel.Example.com is the same panel (and the same account) as panel.example.com.
    return f"{parts.scheme}://{parts.netloc.lower()}".rstrip("/")
