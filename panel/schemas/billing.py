"""The buyer's billing answers: quotes, orders, invoices, payments, services, credits, dashboard, notifications."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from .catalogue import Cycle
from .common import Day, Money, Timestamp
from .parties import BuyerPublic, SellerPublic
from .servers import Server

PaymentMethod = Literal["credits", "stripe", "paypal"]
InvoiceStatus = Literal["pending", "paid", "overdue", "cancelled", "refunded"]


class QuoteLinePublic(BaseModel):
    kind: Literal["recurring", "setup"]
    product_id: str
    description: str
    billing_cycle: Cycle
    quantity: int
    unit_price: Money
    amount: Money
    config: dict[str, Any]


class QuotePublic(BaseModel):
    lines: list[QuoteLinePublic]
    subtotal: Money
    discount: Money
    tax_rate: Money
    tax_amount: Money
    tax_inclusive: bool
    total: Money
    credits_applied: Money
    due_now: Money
    currency: str
    out_of_stock: list[str]


class CouponCheckPublic(BaseModel):
    valid: bool
    code: str
    reason: str | None = None  # only when not valid
    type: Literal["percent", "fixed"] | None = None  # null when not valid
    value: Money | None = None
    recurring: bool | None = None
    discount: Money | None = None  # "0.00" when not valid


class OrderItemPublic(BaseModel):
    product_id: str
    product_name: str
    billing_cycle: Cycle
    config: dict[str, Any]
    quantity: int
    unit_price: Money
    setup_fee: Money
    amount: Money


class CouponRef(BaseModel):
    code: str


class OrderPublic(BaseModel):
    id: str
    order_number: str
    status: Literal["pending", "awaiting_approval", "processing", "active", "cancelled", "refunded", "failed"]
    items: list[OrderItemPublic]
    coupon: CouponRef | None
    invoice_id: str | None
    service_ids: list[str]
    subtotal: Money
    discount: Money
    tax_amount: Money
    total: Money
    currency: str
    payment_method: str | None
    created_at: Timestamp
    updated_at: Timestamp


class PaymentRowPublic(BaseModel):
    id: str
    method: PaymentMethod
    amount: Money
    status: Literal["pending", "succeeded", "failed", "cancelled", "refunded"]
    reference: str | None
    invoice_id: str
    created_at: Timestamp


class PaymentPublic(PaymentRowPublic):
    """GET /billing/payments/{id}."""
    order_id: str | None
    # Every invoice the user action it belongs to pays: one for an ordinary payment; for any payment a Pay all
    # made (its gateway payment or a credits payment of one invoice) all of them, in the order asked.
    invoice_ids: list[str]
    updated_at: Timestamp


class PaymentStartPublic(BaseModel):
    """The payment in a checkout or pay answer: what the client does next."""
    id: str
    method: PaymentMethod
    status: Literal["paid", "requires_action", "pending"]
    amount: Money
    checkout_url: str | None
    invoice_ids: list[str]  # every invoice this action pays: its one invoice here, several for a Pay all


class InvoicePublic(BaseModel):
    id: str
    invoice_number: str
    status: InvoiceStatus
    kind: Literal["order", "renewal", "top_up"]
    issue_date: Day
    due_date: Day
    paid_at: Timestamp | None
    subtotal: Money
    discount: Money
    tax_amount: Money
    total: Money
    amount_paid: Money
    credits_applied: Money
    balance_due: Money
    currency: str
    order_id: str | None
    service_id: str | None
    updated_at: Timestamp


class InvoiceLinePublic(BaseModel):
    description: str
    kind: str
    product_id: str | None
    service_id: str | None
    billing_cycle: Cycle | None
    quantity: int
    unit_price: Money
    amount: Money


class InvoiceDetailPublic(InvoicePublic):
    lines: list[InvoiceLinePublic]
    coupon_code: str | None
    tax_rate: Money
    tax_inclusive: bool
    payments: list[PaymentRowPublic]
    # As they were when the invoice was issued; null on invoices issued before the panel kept them.
    seller: SellerPublic | None
    buyer: BuyerPublic | None


class CheckoutPublic(BaseModel):
    order: OrderPublic
    invoice: InvoiceDetailPublic
    payment: PaymentStartPublic


class PayPublic(PaymentStartPublic):
    """Paying an invoice, or a top-up: the payment's fields, and the invoice and the payment again beside them (the
    contract's "-> `payment`" read either way, see docs/api.md)."""
    invoice: InvoiceDetailPublic
    payment: PaymentStartPublic


class ProductRef(BaseModel):
    id: str
    name: str


class CancellationRef(BaseModel):
    id: str
    type: Literal["immediate", "end_of_period"]
    reason: str
    status: Literal["pending", "approved", "rejected"]
    created_at: Timestamp


class ServicePublic(BaseModel):
    id: str
    product: ProductRef
    status: Literal["pending", "active", "suspended", "terminated", "cancelled"]
    billing_cycle: Cycle
    recurring_amount: Money
    currency: str
    next_due_date: Day | None
    server: Server | None
    config: dict[str, Any]
    cancellation: CancellationRef | None
    order_id: str | None
    created_at: Timestamp
    updated_at: Timestamp


class CancellationPublic(BaseModel):
    id: str
    service_id: str
    type: Literal["immediate", "end_of_period"]
    reason: str
    status: Literal["pending", "approved", "rejected", "withdrawn"]
    created_at: Timestamp
    updated_at: Timestamp


class CreditsPublic(BaseModel):
    enabled: bool
    balance: Money
    currency: str


class CreditTransactionPublic(BaseModel):
    id: str
    amount: Money
    type: Literal["adjustment", "payment", "top_up", "refund"]
    note: str
    invoice_id: str | None
    balance_after: Money
    created_at: Timestamp
    updated_at: Timestamp


class DueInCurrencyPublic(BaseModel):
    currency: str
    total_due: Money
    invoices: int


class DashboardPublic(BaseModel):
    active_services: int
    pending_invoices: int
    overdue_invoices: int
    total_due: Money
    # How many of pending_invoices total_due sums (those in `currency`); the rest are in other_currencies_due.
    total_due_invoices: int
    next_due_date: Day | None
    next_due_amount: Money | None
    credit_balance: Money
    currency: str
    # Open invoices in other currencies than `currency` (raised before it changed): never added to total_due.
    other_currencies_due: list[DueInCurrencyPublic]


class NotificationPublic(BaseModel):
    uuid: str
    type: str
    title: str
    message: str
    action_url: str | None
    read: bool
    created_at: Timestamp
    updated_at: Timestamp


class WebhookReceivedPublic(BaseModel):
    success: Literal[True]
    received: Literal[True]
