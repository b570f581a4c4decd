"""Accounts as people see them: which panel, which login, what the user called it (pure; never a secret)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.text import translate


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


def normalise_url(url: str) -> str:
    """The panel's origin: a scheme and a host, no path, no trailing slash; http only for loopback."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AccountError(translate("Accounts", "Enter the panel's address, for example https://panel.example.com"))
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise AccountError(translate("Accounts", "Use https:// for a panel that is not on this computer: your password "
                                                 "travels to it."))
    return f"{parts.scheme}://{parts.netloc}".rstrip("/")
