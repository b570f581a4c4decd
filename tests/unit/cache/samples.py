"""Rows in the panel's JSON shapes (docs/api-*.md), for the cache tests."""
from __future__ import annotations

from typing import Any

BILLING_CONFIG = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2},
                  "tax": {"enabled": True, "rate": "20", "inclusive": False}, "credits_enabled": True,
                  "gateways": {"stripe": {"enabled": True, "publishable_key": None}, "paypal": {"enabled": False}},
                  "billing_cycles": ["one_time", "monthly", "quarterly", "semi_annual", "annual", "biennial"],
                  "auto_activate": True}


def category(n: int, **extra: Any) -> dict:
    row = {"id": f"cat-{n}", "name": f"Category {n}", "slug": f"category-{n}", "description": "",
           "sort_order": n, "updated_at": "2026-01-01T00:00:00.000000Z"}
    return {**row, **extra}


def product(n: int, category_id: str = "cat-1", **extra: Any) -> dict:
    row = {"id": f"prod-{n}", "name": f"Product {n}", "slug": f"product-{n}", "description": "A server",
           "category": {"id": category_id, "name": "Category", "slug": "category"},
           "resources": {"memory": 2048, "disk": 10240, "cpu": 100, "swap": 0, "io_weight": 500,
                         "database_limit": 1, "backup_limit": 1, "allocation_limit": 1},
           "pricing_type": "fixed", "pricing": [{"billing_cycle": "monthly", "price": "9.99", "setup_fee": "0.00"}],
           "config_ranges": None, "stock": None, "in_stock": True, "sort_order": 0,
           "updated_at": "2026-01-01T00:00:00.000000Z"}
    return {**row, **extra}


def service(n: int, status: str = "active", **extra: Any) -> dict:
    row = {"id": f"svc-{n}", "product": {"id": "prod-1", "name": f"Product {n}"}, "status": status,
           "billing_cycle": "monthly", "recurring_amount": "9.99", "currency": "USD",
           "next_due_date": f"2026-02-{n % 28 + 1:02d}",
           "server": {"id": f"srv-{n}", "name": "mc", "status": "running"},
           "config": {}, "cancellation": None, "order_id": f"ord-{n}",
           "created_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z", "updated_at": "2026-01-01T00:00:00.000000Z"}
    return {**row, **extra}


def invoice(n: int, status: str = "pending", total: str = "12.00", **extra: Any) -> dict:
    row = {"id": f"inv-{n}", "invoice_number": f"INV-{n:06d}", "status": status, "kind": "order",
           "issue_date": f"2026-01-{n % 28 + 1:02d}", "due_date": f"2026-01-{n % 28 + 1:02d}", "paid_at": None,
           "subtotal": total, "discount": "0.00", "tax_amount": "0.00", "total": total,
           "amount_paid": "0.00", "credits_applied": "0.00", "balance_due": total if status in ("pending", "overdue")
           else "0.00", "currency": "USD", "order_id": f"ord-{n}", "service_id": None,
           "updated_at": "2026-01-01T00:00:00.000000Z"}
    return {**row, **extra}


def invoice_detail(n: int, **extra: Any) -> dict:
    row = invoice(n, **extra)
    row.update(lines=[{"kind": "recurring", "description": "Product 1 (monthly)", "service_id": "svc-1",
                       "product_id": "prod-1", "billing_cycle": "monthly", "quantity": 1, "unit_price": row["total"],
                       "amount": row["total"]}],
               coupon_code=None, tax_rate="0", tax_inclusive=False,
               payments=[{"id": "pay-1", "method": "stripe", "amount": "0.00", "status": "pending",
                          "reference": None, "created_at": "2026-01-01T00:00:00.000000Z"}])
    return row


def order(n: int, status: str = "active", **extra: Any) -> dict:
    row = {"id": f"ord-{n}", "order_number": f"ORD-{n:06d}", "status": status, "items": [], "coupon": None,
           "invoice_id": f"inv-{n}", "service_ids": [f"svc-{n}"], "subtotal": "9.99", "discount": "0.00",
           "tax_amount": "0.00", "total": "9.99", "currency": "USD", "payment_method": "stripe",
           "created_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z", "updated_at": "2026-01-01T00:00:00.000000Z"}
    return {**row, **extra}


def credit_transaction(n: int, **extra: Any) -> dict:
    row = {"id": f"ctx-{n}", "amount": "5.00", "type": "top_up", "note": None, "invoice_id": None,
           "balance_after": f"{5 * n}.00", "created_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z",
           "updated_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z"}
    return {**row, **extra}


def notification(n: int, read: bool = False, **extra: Any) -> dict:
    row = {"uuid": f"note-{n}", "type": "billing", "title": f"Invoice {n}", "message": "An invoice was raised.",
           "action_url": None, "read": read, "created_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z",
           "updated_at": f"2026-01-{n % 28 + 1:02d}T00:00:00.000000Z"}
    return {**row, **extra}
