"""The cart on disk: each account's cart items and cart options in its own cache file (no Qt).

Items go to the `cart_items` table, replaced as a whole in one transaction (a cart is a handful of rows, and a
whole replacement can never leave half an edit behind); the coupon and the use-credits choice go to the config
table under "cart_options". Written only by the cart's operations, on the account's worker.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.cache import CacheChanges
from app.core.cart import Cart

OPTIONS_KEY = "cart_options"
DEFAULT_OPTIONS: dict[str, Any] = {"coupon": None, "use_credits": True}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def rows(cart: Cart) -> list[dict]:
    now = _now()
    return [{**item.to_dict(), "position": i, "created_at": now} for i, item in enumerate(cart)]


def changes(cart: Cart, options: dict | None = None) -> CacheChanges:
    """The cache changes that replace the stored cart (and, when given, its options) in one transaction."""
    out = CacheChanges(upserts={"cart_items": rows(cart)}, replace={"cart_items"})
    if options is not None:
        out.config[OPTIONS_KEY] = {**DEFAULT_OPTIONS, **{k: v for k, v in options.items() if k in DEFAULT_OPTIONS}}
    return out


def emptied(options: dict | None) -> CacheChanges:
    """After an order: no items, and no coupon (the order used it); the credits choice stays."""
    return changes(Cart(), {**DEFAULT_OPTIONS, **(options or {}), "coupon": None})
