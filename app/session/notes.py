"""Notes: one sentence about something that matters now (offline, signed out, a failed sync, a payment left
open), kept per account by its session (GLOBAL for none) and shown by the shell as banners."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

GLOBAL = ""   # notes that belong to no account


@dataclass
class Note:
    level: str          # info, success, warning, error
    text: str
    action: tuple[str, Callable[[], None]] | None = None
