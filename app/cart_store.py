"""The cart on disk: each account's cart items and cart options in its own cache file (no Qt).

Items go to the `cart_items` table, replaced as a whole in one transaction (a cart is a handful of rows, and a
whole replacement can never leave half an edit behind); the coupon and the use-credits choice go to the
config table under "cart_options". Call these on a worker: they open the account's SQLite file.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.cache import AccountCache
from app.cache.changes import CacheChanges
from app.core.cart import Cart

OPTIONS_KEY = "cart_options"
DEFAULT_OPTIONS: dict[str, Any] = {"coupon": None, "use_credits": True}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def load(cache: AccountCache) -> tuple[Cart, dict]:
    return Cart.from_dicts(cache.cart_items()), load_options(cache)


def load_options(cache: AccountCache) -> dict:
    stored = cache.config(OPTIONS_KEY) or {}
    return {**DEFAULT_OPTIONS, **(stored if isinstance(stored, dict) else {})}


def rows(cart: Cart) -> list[dict]:
    now = _now()
    return [{**item.to_dict(), "position": i, "created_at": now} for i, item in enumerate(cart)]


def save(cache: AccountCache, cart: Cart, options: dict | None = None) -> None:
    """Replace the stored cart (and, when given, its options) in one transaction."""
    changes = CacheChanges(upserts={"cart_items": rows(cart)}, replace={"cart_items"})
    if options is not None:
        changes.config[OPTIONS_KEY] = {**DEFAULT_OPTIONS, **options}
    cache.apply(changes)
