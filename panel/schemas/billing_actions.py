"""Answers of the exactly-once billing actions of the contract's second version: paying several invoices with
one payment. (Cancelling an order answers `One[OrderPublic]`, asking to cancel a service `One[CancellationPublic]`.)"""
from __future__ import annotations

from .billing import InvoicePublic, PaymentStartPublic
from .common import Money


class PaymentTogetherPublic(PaymentStartPublic):
    # Credits held for the invoices until the gateway part succeeds ("0.00" when credits alone paid: applied).
    credits_held: Money


class PaidTogether(PaymentTogetherPublic):
    """POST /billing/invoices/pay: the one payment's fields, and beside them the invoices in the order asked (list
    shape) and the payment again."""
    invoices: list[InvoicePublic]
    payment: PaymentTogetherPublic
