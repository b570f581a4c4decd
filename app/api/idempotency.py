"""Idempotency keys: one per checkout or payment attempt, sent again with every retry of that attempt so the panel
does the work once. A module of its own so the screens' features can make keys without loading the client."""
from __future__ import annotations

import uuid


def new_idempotency_key() -> str:
    """A fresh key for one checkout or payment attempt; reuse it for every retry of that attempt."""
    return uuid.uuid4().hex
