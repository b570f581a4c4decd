"""Answers of the exactly-once billing actions: cancelling an order, paying several invoices, asking to cancel a
service (the contract's shapes; money as decimal strings)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class OrderItem(BaseModel):
    product_id: str
    product_name: str
    billing_cycle: str
    config: dict[str, int]
    quantity: int
    unit_price: str
    setup_fee: str
    amount: str


class Order(BaseModel):
    id: str
    order_number: str
    status: Literal["pending", "awaiting_approval", "processing", "active", "cancelled", "refunded", "failed"]
    items: list[OrderItem]
    coupon: dict[str, str] | None
    invoice_id: str | None
    service_ids: list[str]
    subtotal: str
    discount: str
    tax_amount: str
    total: str
    currency: str
    payment_method: str
    created_at: str
    updated_at: str


class PaymentStarted(BaseModel):
    id: str
    method: Literal["stripe", "paypal", "credits"]
    status: Literal["paid", "requires_action", "pending"]
    amount: str
    checkout_url: str | None
    invoice_ids: list[str]


class InvoiceRow(BaseModel):
    id: str
    invoice_number: str
    status: str
    total: str
    balance_due: str
    currency: str
    updated_at: str
    model_config = {"extra": "allow"}


class PaidTogether(BaseModel):
    invoices: list[InvoiceRow]
    payment: PaymentStarted


class CancellationRequest(BaseModel):
    id: str
    service_id: str
    type: Literal["immediate", "end_of_period"]
    reason: str
    status: Literal["pending", "approved", "rejected", "withdrawn"]
    created_at: str
    updated_at: str
