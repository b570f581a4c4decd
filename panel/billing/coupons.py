"""Coupon checks with the reason a buyer can act on, against usage counted inside the caller's transaction."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from decimal import Decimal

from app.core.pricing import Coupon, Line, coupon_matches

from ..db import new_id
from ..errors import ApiError
from ..timefmt import parse_iso


class CouponInvalid(ApiError):
    def __init__(self, reason: str) -> None:
        super().__init__(422, "coupon_invalid", reason, {"coupon_code": [reason]})
        self.reason = reason


def to_rule(row: sqlite3.Row) -> Coupon:
    return Coupon(code=row["code"], type=row["type"], value=Decimal(row["value"]),
                  product_ids=frozenset(json.loads(row["product_ids"])), recurring=bool(row["recurring"]))


def check(conn: sqlite3.Connection, code: str, user_id: str, lines: Sequence[Line], now: str) -> sqlite3.Row:
    """The usable coupon row for this buyer and cart, or CouponInvalid saying why not."""
    code = (code or "").strip()
    row = conn.execute("SELECT * FROM coupons WHERE code = ? AND active = 1", (code,)).fetchone() if code else None
    if row is None:
        raise CouponInvalid("This coupon code does not exist.")
    if row["expires_at"] and row["expires_at"] <= now:
        raise CouponInvalid(f"This coupon expired on {parse_iso(row['expires_at']).date().isoformat()}.")
    if row["max_uses"] is not None:
        used = conn.execute("SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_id = ?", (row["id"],)).fetchone()[0]
        if used >= row["max_uses"]:
            raise CouponInvalid("This coupon has been used up.")
    if row["max_uses_per_user"] is not None:
        mine = conn.execute("SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_id = ? AND user_id = ?",
                            (row["id"], user_id)).fetchone()[0]
        if mine >= row["max_uses_per_user"]:
            raise CouponInvalid("You have already used this coupon as often as it allows.")
    if not coupon_matches(lines, to_rule(row)):
        raise CouponInvalid("This coupon does not apply to the products in your cart.")
    return row


def redeem(conn: sqlite3.Connection, coupon: sqlite3.Row, user_id: str, order_id: str, now: str) -> None:
    conn.execute("INSERT INTO coupon_redemptions (id, coupon_id, user_id, order_id, created_at) VALUES (?, ?, ?, ?, ?)",
                 (new_id(), coupon["id"], user_id, order_id, now))
