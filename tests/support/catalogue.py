"""Building catalogue and users over the admin API, with unique names so tests sharing a panel never collide."""
from __future__ import annotations

import uuid
from decimal import Decimal

from .panel import USER_PASSWORD, Api, unique_email

# A product sold by the month only, at a round price: one cycle to choose, and totals easy to check.
MONTHLY_10 = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]


def _slug(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class Shop:
    """Admin-side helpers; every method goes through the real HTTP API."""

    def __init__(self, admin: Api) -> None:
        self.admin = admin

    def category(self, **fields) -> dict:
        body = {"name": "Test category", "slug": _slug("cat"), "description": "", "sort_order": 0, **fields}
        return self.admin.data("POST", "/admin/billing/categories", body, expect=201)

    def product(self, category_id: str | None = None, **fields) -> dict:
        if category_id is None:
            category_id = self.category()["id"]
        body = {
            "category_id": category_id,
            "name": "Test VPS",
            "slug": _slug("prod"),
            "description": "A product made by a test.",
            "resources": {"memory": 2048, "disk": 20480, "cpu": 100, "swap": 0, "io_weight": 500,
                          "database_limit": 1, "backup_limit": 1, "allocation_limit": 1},
            "pricing_type": "fixed",
            "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"},
                        {"billing_cycle": "annual", "price": "100.00", "setup_fee": "0.00"}],
            "config_ranges": None,
            "stock": None,
            **fields,
        }
        return self.admin.data("POST", "/admin/billing/products", body, expect=201)

    def coupon(self, **fields) -> dict:
        body = {"code": _slug("SAVE").upper(), "type": "percent", "value": "10", "product_ids": [],
                "recurring": False, "expires_at": None, "max_uses": None, "max_uses_per_user": None, **fields}
        return self.admin.data("POST", "/admin/billing/coupons", body, expect=201)

    def settings(self, **changes) -> dict:
        return self.admin.data("PUT", "/admin/billing/settings", changes)

    def user(self, credits: Decimal | str | None = None, **fields) -> Api:
        body = {"email": unique_email(), "password": USER_PASSWORD, "first_name": "Test", "last_name": "User",
                **fields}
        created = self.admin.data("POST", "/admin/users", body, expect=201)
        if credits is not None:
            self.admin.data("POST", f"/admin/users/{created['id']}/credits",
                            {"amount": str(credits), "note": "test credit"}, expect=201)
        return Api(self.admin.panel).login(body["email"], body["password"])


def buy(user: Api, product_id: str, cycle: str = "monthly", *, coupon: str | None = None,
        config: dict | None = None) -> dict:
    """`user` buys one `cycle` of the product with credits, through the panel's API; the checkout's answer."""
    item: dict = {"product_id": product_id, "billing_cycle": cycle}
    if config:
        item["config"] = config
    body: dict = {"items": [item], "payment_method": "credits"}
    if coupon:
        body["coupon_code"] = coupon
    return user.data("POST", "/billing/checkout", body, expect=201)


def buy_service(user: Api, product: dict, cycle: str = "monthly", *, coupon: str | None = None,
                config: dict | None = None) -> dict:
    """`user` buys the product, paid in full with credits; the service it made, as the panel shows it to them."""
    placed = buy(user, product["id"], cycle, coupon=coupon, config=config)
    assert placed["payment"]["status"] == "paid", placed["payment"]
    (service_id,) = placed["order"]["service_ids"]
    return user.data("GET", f"/billing/services/{service_id}")
