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
# Kept only while set: the Idempotency-Key of the last order attempt from this cart, what it was for and when it was
# first kept (see CartModel.checkout_key), so an attempt whose answer was lost is repeated with its key, and the panel
# answers the order it may have made instead of making another; only within the panel's window for keys
# (operations.keeping.KEY_WINDOW, the same as kept_keys'), past which the next attempt has a new key.
CHECKOUT = "checkout"


def kept(options: dict) -> dict:
    """The options as stored: the known ones, defaults filled in, and the attempt's key while there is one."""
    out = {**DEFAULT_OPTIONS, **{k: v for k, v in options.items() if k in DEFAULT_OPTIONS}}
    if options.get(CHECKOUT):
        out[CHECKOUT] = options[CHECKOUT]
    return out


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def rows(cart: Cart) -> list[dict]:
    now = _now()
    return [{**item.to_dict(), "position": i, "created_at": now} for i, item in enumerate(cart)]


def changes(cart: Cart, options: dict | None = None) -> CacheChanges:
    """The cache changes that replace the stored cart (and, when given, its options) in one transaction."""
    out = CacheChanges(upserts={"cart_items": rows(cart)}, replace={"cart_items"})
    if options is not None:
        out.config[OPTIONS_KEY] = kept(options)
    return out


def emptied(options: dict | None) -> CacheChanges:
    """After an order: no items, no coupon (the order used it) and no attempt left to repeat; the credits choice
    stays."""
    return changes(Cart(), {**DEFAULT_OPTIONS, **(options or {}), "coupon": None, CHECKOUT: None})
