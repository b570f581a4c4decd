"""Pricing a cart against the live catalogue, and turning it into an order, an invoice and services at once.

The whole checkout is one write transaction: stock, coupon uses, the credit balance and the idempotency key are
read and written under one lock, so concurrent buyers cannot oversell, overspend or order twice.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.core import pricing
from app.core.pricing import Line, Quote, TaxRule

from ..db import dumps, new_id, next_number
from ..errors import ApiError, conflict, invalid
from ..settings import PanelSettings
from . import catalogue, coupons, credits, invoices, shown


@dataclass
class PricedCart:
    quote: Quote
    products: dict[str, dict]
    coupon: sqlite3.Row | None
    item_lines: list[list[Line]]  # the lines each cart item produced, in cart order


def tax_rule(s: PanelSettings) -> TaxRule:
    return TaxRule(enabled=s.tax_enabled, rate=s.tax_rate, inclusive=s.tax_inclusive)


def _api_message(product: dict, item: dict, exc: Exception) -> str:
    """The API's words name the wire's values: app.core.pricing words a cycle by its label for the app's users
    ("a Annual billing cycle"), where an API client needs the `billing_cycle` it sent and the ones it may send."""
    if getattr(exc, "field", None) == "billing_cycle":
        sold = ", ".join(row["billing_cycle"] for row in product.get("pricing") or ())
        return (f"{product['name']} is not sold with the billing cycle {str(item['billing_cycle'])!r}; "
                f"it is sold with: {sold}.")
    return exc.message


def price_cart(conn: sqlite3.Connection, s: PanelSettings, user_id: str, items: list[dict], *,
               coupon_code: str | None, use_credits: bool, now: str) -> PricedCart:
    """The authoritative quote; unknown products and off-step configs are validation errors on their item."""
    places = s.currency_places
    products = catalogue.load_products(conn, [i["product_id"] for i in items], places)
    item_lines: list[list[Line]] = []
    for index, item in enumerate(items):
        product = products.get(item["product_id"])
        if product is None:
            raise invalid(f"items.{index}.product_id", "This product does not exist or is no longer sold.")
        try:
            item_lines.append(pricing.price_item(product, item["billing_cycle"], item.get("config"),
                                                 item.get("quantity", 1), places))
        except pricing.PricingError as exc:
            raise invalid(f"items.{index}.{exc.field}", _api_message(product, item, exc)) from None
    lines = [line for group in item_lines for line in group]
    coupon = coupons.check(conn, coupon_code, user_id, lines, now) if coupon_code else None
    balance = credits.spendable(conn, user_id) if s.credits_enabled else Decimal(0)
    quote = pricing.quote_lines(lines, places=places, tax=tax_rule(s),
                                coupon=coupons.to_rule(coupon) if coupon else None,
                                credit_balance=balance, use_credits=use_credits and s.credits_enabled)
    return PricedCart(quote, products, coupon, item_lines)


def quote_out(s: PanelSettings, quote: Quote, out_of_stock: list[str] | None = None) -> dict[str, Any]:
    m = s.money
    return {
        "lines": [{"kind": line.kind, "product_id": line.product_id, "description": line.description,
                   "billing_cycle": line.billing_cycle, "quantity": line.quantity,
                   "unit_price": m(line.unit_price), "amount": m(line.amount), "config": line.config}
                  for line in quote.lines],
        "subtotal": m(quote.subtotal), "discount": m(quote.discount), "tax_rate": str(quote.tax_rate),
        "tax_amount": m(quote.tax_amount), "tax_inclusive": quote.tax_inclusive, "total": m(quote.total),
        "credits_applied": m(quote.credits_applied), "due_now": m(quote.due_now), "currency": s.currency_code,
        "out_of_stock": out_of_stock or [],
    }


def short_stock(cart: PricedCart, items: list[dict]) -> list[str]:
    """Products whose limited stock cannot cover the cart (quantities of one product summed)."""
    wanted: dict[str, int] = {}
    for item in items:
        wanted[item["product_id"]] = wanted.get(item["product_id"], 0) + item.get("quantity", 1)
    return [pid for pid, n in wanted.items()
            if cart.products[pid]["stock"] is not None and cart.products[pid]["stock"] < n]


def check_method(s: PanelSettings, method: str) -> None:
    enabled = {"credits": s.credits_enabled, "stripe": s.stripe_enabled, "paypal": s.paypal_enabled}
    if not enabled.get(method, False):
        names = {"credits": "Paying with credits", "stripe": "Stripe", "paypal": "PayPal"}
        raise invalid("payment_method", f"{names.get(method, method)} is not available on this panel.")


def place_order(conn: sqlite3.Connection, s: PanelSettings, user: dict, body: dict, *, today: date, now: str,
                origin: str) -> dict:
    """Create order, invoice, services and payment for a validated checkout body; returns the 201 body."""
    method = body["payment_method"]
    check_method(s, method)
    use_credits = body.get("use_credits", True) or method == "credits"
    cart = price_cart(conn, s, user["id"], body["items"], coupon_code=body.get("coupon_code"),
                      use_credits=use_credits, now=now)
    quote = cart.quote
    # Stock before money: a cart that cannot be had at all says so, rather than sending the buyer to top up first.
    short = short_stock(cart, body["items"])
    if short:
        names = ", ".join(cart.products[p]["name"] for p in short)
        raise conflict("out_of_stock", f"Not enough stock left for: {names}.", {"product_ids": short})
    if method == "credits" and quote.due_now > 0:
        raise conflict("insufficient_credits",
                       f"Your credit balance covers {s.money(quote.credits_applied)} of {s.money(quote.total)}.")
    for item in body["items"]:
        if not catalogue.take_stock(conn, item["product_id"], item.get("quantity", 1), now):
            raise conflict("out_of_stock", "Not enough stock left.", {"product_ids": [item["product_id"]]})

    order_id = new_id()
    m = s.money
    conn.execute(
        "INSERT INTO orders (id, order_number, user_id, status, coupon_id, coupon_code, currency, subtotal, "
        "discount, tax_amount, total, payment_method, created_at, updated_at) "
        "VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (order_id, next_number(conn, "order_number", "ORD"), user["id"], cart.coupon["id"] if cart.coupon else None,
         cart.coupon["code"] if cart.coupon else None, s.currency_code, m(quote.subtotal), m(quote.discount),
         m(quote.tax_amount), m(quote.total), method, now, now))
    if cart.coupon:
        coupons.redeem(conn, cart.coupon, user["id"], order_id, now)

    line_services: list[str | None] = []
    for position, (item, lines) in enumerate(zip(body["items"], cart.item_lines, strict=True)):
        recurring, setup = lines[0], (lines[1] if len(lines) > 1 else None)
        product = cart.products[item["product_id"]]
        conn.execute(
            "INSERT INTO order_items (id, order_id, position, product_id, product_name, billing_cycle, config, "
            "quantity, unit_price, setup_fee, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), order_id, position, product["id"], product["name"], recurring.billing_cycle,
             dumps(recurring.config), recurring.quantity, m(recurring.unit_price),
             m(setup.unit_price if setup else Decimal(0)), m(sum((ln.amount for ln in lines), Decimal(0)))))
        keeps_coupon = bool(cart.coupon and cart.coupon["recurring"]
                            and coupons.to_rule(cart.coupon).applies_to(product["id"]))
        made = [_create_service(conn, s, user["id"], order_id, product, recurring, now,
                                cart.coupon["id"] if keeps_coupon else None)
                for _ in range(recurring.quantity)]
        line_services += [made[0] if len(made) == 1 else None] * len(lines)

    invoice = invoices.create_invoice(conn, s, user_id=user["id"], kind="order", quote=quote, issue_date=today,
                                      due_date=today, now=now, order_id=order_id, coupon=cart.coupon,
                                      line_services=line_services)
    payment = take_payment(conn, s, invoice, method, quote.credits_applied, today=today, now=now, origin=origin,
                           return_url=body.get("return_url"), cancel_url=body.get("cancel_url"))
    return {"order": order_out(conn, order_id),
            "invoice": invoices.invoice_out(invoices.get(conn, invoice["id"]), conn),
            "payment": payment}


def _create_service(conn, s: PanelSettings, user_id: str, order_id: str, product: dict, line: Line, now: str,
                    coupon_id: str | None) -> str:
    service_id = new_id()
    conn.execute(
        "INSERT INTO services (id, user_id, order_id, product_id, product_name, billing_cycle, recurring_amount, "
        "currency, config, status, next_due_date, coupon_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL, ?, ?, ?)",
        (service_id, user_id, order_id, product["id"], product["name"], line.billing_cycle,
         s.money(line.unit_price), s.currency_code, dumps(line.config), coupon_id, now, now))
    return service_id


def take_payment(conn: sqlite3.Connection, s: PanelSettings, invoice: dict, method: str, credit_amount: Decimal,
                 *, today: date, now: str, origin: str, return_url: str | None, cancel_url: str | None) -> dict:
    """Apply credits, then either settle the invoice or open a gateway payment for what is left."""
    credit_payment = invoices.pay_with_credits(conn, s, invoice, credit_amount, now)
    fresh = invoices.get(conn, invoice["id"])
    rest = invoices.balance_due(fresh)
    if rest <= 0:
        if credit_payment is None:  # nothing to pay at all (a 100% coupon): still a payment to point at
            credit_payment = invoices.add_payment(conn, fresh, method="credits", amount=Decimal(0),
                                                  status="succeeded", now=now, places=s.currency_places,
                                                  reference="nothing due")
        invoices.settle(conn, s, invoice["id"], today=today, now=now)
        return {"id": credit_payment["id"], "method": credit_payment["method"], "status": "paid",
                "amount": credit_payment["amount"], "checkout_url": None, "invoice_ids": [invoice["id"]]}
    if method == "credits":
        raise conflict("insufficient_credits", "Your credit balance does not cover this invoice.")
    if not return_url or not cancel_url:
        raise invalid("return_url", "return_url and cancel_url are needed to pay through a gateway.")
    # An older unfinished attempt at the same invoice is superseded, so only the newest pay page can pay it.
    invoices.supersede_pending(conn, invoice["id"], now)
    token = secrets.token_urlsafe(24)
    payment = invoices.add_payment(conn, fresh, method=method, amount=rest, status="pending", now=now,
                                   places=s.currency_places, checkout_token=token, return_url=return_url,
                                   cancel_url=cancel_url)
    return {"id": payment["id"], "method": method, "status": "requires_action", "amount": payment["amount"],
            "checkout_url": f"{origin}/pay/{payment['id']}?token={token}", "invoice_ids": [invoice["id"]]}


def order_out(conn: sqlite3.Connection, order_id: str) -> dict:
    order = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    if order is None:
        raise ApiError(404, "not_found", "Order not found.")
    items = conn.execute("SELECT * FROM order_items WHERE order_id = ? ORDER BY position", (order_id,))
    invoice = conn.execute("SELECT id FROM invoices WHERE order_id = ? AND kind = 'order'", (order_id,)).fetchone()
    services = conn.execute("SELECT id FROM services WHERE order_id = ? ORDER BY rowid", (order_id,))
    # An order waiting for its invoice is open: its amounts are written with the currency's places now, as its
    # invoice's are (billing/shown.py); a paid or cancelled one keeps them as written.
    now = shown.current(conn)

    def m(text: str) -> str:
        return shown.written(text, order["currency"], now) if order["status"] in shown.OPEN_ORDERS else text

    return {
        "id": order["id"], "order_number": order["order_number"], "status": order["status"],
        "items": [{"product_id": i["product_id"], "product_name": i["product_name"],
                   "billing_cycle": i["billing_cycle"], "config": json.loads(i["config"]),
                   "quantity": i["quantity"], "unit_price": m(i["unit_price"]), "setup_fee": m(i["setup_fee"]),
                   "amount": m(i["amount"])} for i in items],
        "coupon": {"code": order["coupon_code"]} if order["coupon_code"] else None,
        "invoice_id": invoice["id"] if invoice else None, "service_ids": [r["id"] for r in services],
        "subtotal": m(order["subtotal"]), "discount": m(order["discount"]), "tax_amount": m(order["tax_amount"]),
        "total": m(order["total"]), "currency": order["currency"], "payment_method": order["payment_method"],
        "created_at": order["created_at"], "updated_at": order["updated_at"],
    }
