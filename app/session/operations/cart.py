"""The cart's operations: saving it, and asking the panel about coupons and totals."""
from __future__ import annotations

from app.core.cart import Cart
from app.core.changes import CART

from .. import cart_store
from . import Context
from .payments import check_places


def save_cart(ctx: Context, items: list[dict], options: dict) -> None:
    """The whole cart replaces the cached one in one transaction (a cart is a handful of rows); the data on screen
    takes the same rows without a read of the whole cache."""
    changes = cart_store.changes(Cart.from_dicts(items), options)
    ctx.cache.apply(changes)
    ctx.patch(CART, cart=changes.upserts["cart_items"], cart_options=changes.config[cart_store.OPTIONS_KEY])


def validate_coupon(ctx: Context, code: str, items: list[dict]) -> dict:
    return ctx.client.validate_coupon(code, items)


def preview(ctx: Context, body: dict) -> dict:
    answer = ctx.client.preview_checkout(body["items"], coupon_code=body.get("coupon_code") or None,
                                         use_credits=bool(body.get("use_credits", True)))
    # Totals with more places than the account's currency are none the panel can charge (see payments.review).
    check_places(ctx.cache.config("billing_config") or {}, {"preview": answer})
    return answer
