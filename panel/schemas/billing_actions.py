"""Answers of the exactly-once billing actions of the contract's second version: paying several invoices with
one payment. (Cancelling an order answers `One[OrderPublic]`, asking to cancel a service `One[CancellationPublic]`.)"""
from __future__ import annotations

from pydantic import BaseModel

from .billing import InvoicePublic, PaymentStartPublic
from .common import Money


class PaymentTogetherPublic(PaymentStartPublic):
    # Credits held for the invoices until the gateway part succeeds ("0.00" when credits alone paid: applied).
    credits_held: Money


class PaidTogether(BaseModel):
    """POST /billing/invoices/pay: the invoices in the order asked (list shape) and the one payment."""
    invoices: list[InvoicePublic]
    payment: PaymentTogetherPublic
