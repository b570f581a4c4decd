"""Cart pricing, coupon checks and checkout (POST /billing/checkout/preview, /coupons/validate, /checkout)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from ..billing import checkout, coupons, idempotency
from ..deps import billing_settings, billing_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one
from ..schemas.billing import CheckoutPublic, CouponCheckPublic, QuotePublic
from ..schemas.common import One, errors
from ..state import Panel
from ..timefmt import iso
from .common import check_urls, origin

router = APIRouter(route_class=JsonRoute)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemConfig(Strict):
    memory: StrictInt | None = Field(None, ge=0, le=10**9)
    disk: StrictInt | None = Field(None, ge=0, le=10**9)
    cpu: StrictInt | None = Field(None, ge=0, le=10**6)


class Item(Strict):
    product_id: str = Field(min_length=1, max_length=100)
    billing_cycle: Literal["one_time", "monthly", "quarterly", "semi_annual", "annual", "biennial"]
    config: ItemConfig | None = None
    quantity: StrictInt = Field(1, ge=1, le=100)
    # Clients may send the prices they showed (the contract says they are ignored): accepted, never read.
    price: Any = Field(None, exclude=True)
    unit_price: Any = Field(None, exclude=True)
    setup_fee: Any = Field(None, exclude=True)
    amount: Any = Field(None, exclude=True)

    def plain(self) -> dict:
        config = {k: v for k, v in (self.config.model_dump() if self.config else {}).items() if v is not None}
        return {"product_id": self.product_id, "billing_cycle": self.billing_cycle, "config": config,
                "quantity": self.quantity}


class PreviewBody(Strict):
    items: list[Item] = Field(min_length=1, max_length=20)
    coupon_code: str | None = Field(None, max_length=64)
    use_credits: StrictBool = True
    # The totals a client showed (a preview sent back whole): accepted and never read, like an item's prices, since
    # the contract says client-sent prices are ignored. They are left out of the Idempotency-Key's body too.
    subtotal: Any = Field(None, exclude=True)
    discount: Any = Field(None, exclude=True)
    tax_rate: Any = Field(None, exclude=True)
    tax_amount: Any = Field(None, exclude=True)
    total: Any = Field(None, exclude=True)
    credits_applied: Any = Field(None, exclude=True)
    due_now: Any = Field(None, exclude=True)


class ValidateBody(Strict):
    code: str = Field(min_length=1, max_length=64)
    items: list[Item] = Field(min_length=1, max_length=20)


class CheckoutBody(PreviewBody):
    payment_method: Literal["stripe", "paypal", "credits"]
    return_url: str | None = Field(None, max_length=2000)
    cancel_url: str | None = Field(None, max_length=2000)


@router.post("/billing/checkout/preview", response_model=One[QuotePublic], responses=errors(401, 403, 404, 422))
def preview(body: PreviewBody, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    s = billing_settings(panel)
    items = [i.plain() for i in body.items]
    with panel.db.read() as conn:
        cart = checkout.price_cart(conn, s, user["id"], items, coupon_code=body.coupon_code,
                                   use_credits=body.use_credits, now=iso(panel.clock.now()))
        return one(checkout.quote_out(s, cart.quote, checkout.short_stock(cart, items)))


@router.post("/billing/coupons/validate", response_model=One[CouponCheckPublic], responses=errors(401, 403, 404, 422))
def validate_coupon(body: ValidateBody, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    s = billing_settings(panel)
    items = [i.plain() for i in body.items]
    with panel.db.read() as conn:
        try:
            cart = checkout.price_cart(conn, s, user["id"], items, coupon_code=body.code, use_credits=False,
                                       now=iso(panel.clock.now()))
        except coupons.CouponInvalid as exc:
            # Every field the contract lists is there, valid or not: an invalid code discounts nothing.
            return one({"valid": False, "code": body.code, "type": None, "value": None, "recurring": None,
                        "discount": s.money(Decimal(0)), "reason": exc.reason})
        coupon = cart.coupon
        return one({"valid": True, "code": coupon["code"], "type": coupon["type"], "value": coupon["value"],
                    "recurring": bool(coupon["recurring"]), "discount": s.money(cart.quote.discount)})


@router.post("/billing/checkout", status_code=201, response_model=One[CheckoutPublic],
             responses=errors(401, 403, 404, 409, 422))
def place_order(body: CheckoutBody, request: Request, panel: Panel = Depends(get_panel),
                user: dict = Depends(billing_user),
                idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    s = billing_settings(panel)
    key = idempotency.validate_key(idempotency_key)
    check_urls(panel, request, body)
    raw = body.model_dump(mode="json")
    digest = idempotency.request_hash("checkout", raw)
    with panel.db.write() as conn:
        now = panel.clock.now()  # read under the write lock: timestamps follow commit order
        if key and (earlier := idempotency.replay(conn, user["id"], key, "checkout", digest, iso(now))):
            return JSONResponse(earlier[1], status_code=earlier[0])
        data = {**raw, "items": [i.plain() for i in body.items]}
        result = checkout.place_order(conn, s, user, data, today=now.date(), now=iso(now),
                                      origin=origin(panel, request))
        response = {"success": True, "data": result}
        if key:
            idempotency.remember(conn, user["id"], key, "checkout", digest, 201, response, iso(now))
    return JSONResponse(response, status_code=201)

