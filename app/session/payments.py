"""Paying, in words and choices (no Qt): which methods to offer, what the panel says happened, why a payment
could not start. The steps themselves are operations (app.session.operations.payments).

The return and cancel URLs are loopback addresses where nothing listens: the web view stops at them before
loading, and the panel accepts loopback URLs (no open redirect).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from app.api import ApiError, Conflict, NetworkError, ServerError, ValidationFailed

RETURN_URL = "http://127.0.0.1:9/sett-checkout/return"
CANCEL_URL = "http://127.0.0.1:9/sett-checkout/cancel"
GATEWAYS = ("stripe", "paypal")

__all__ = ["CANCEL_URL", "GATEWAYS", "RETURN_URL", "Outcome", "available_methods", "describe", "error_text"]


@dataclass
class Outcome:
    """What the panel says after the web view closed (or when no web view was needed)."""

    payment: dict
    order: dict | None = None
    invoice: dict | None = None
    invoices: list[dict] = field(default_factory=list)     # every invoice the payment covers
    services: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.payment.get("status") or "pending")


def available_methods(billing_config: dict, credits: dict, due: Any = None) -> list[str]:
    """The payment methods to offer: the gateways the panel enabled, then credits when they are on and the
    balance covers `due` (when `due` is None the balance is not checked)."""
    gateways = billing_config.get("gateways") or {}
    methods = [name for name in GATEWAYS if (gateways.get(name) or {}).get("enabled")]
    if billing_config.get("credits_enabled") and credits.get("enabled", True):
        try:
            covers = due is None or Decimal(str(credits.get("balance") or "0")) >= Decimal(str(due))
        except InvalidOperation:
            covers = False
        if covers:
            methods.append("credits")
    return methods


# -- in words -------------------------------------------------------------------------------------------------------
def error_text(error: BaseException, names: Callable[[list], str]) -> str:
    """A refusal or failure as a sentence; `names(product_ids)` names products for out-of-stock refusals."""
    if isinstance(error, Conflict) and error.code == "out_of_stock":
        return (f"Sorry, {names(error.details.get('product_ids') or [])} is out of stock, so nothing was ordered "
                "and nothing was charged.")
    if isinstance(error, Conflict) and error.code == "insufficient_credits":
        return "Your credits do not cover this. Choose another payment method or turn off paying by credits."
    if isinstance(error, NetworkError):
        return (f"The panel could not be reached ({error}). Nothing was charged twice: press Try again and the "
                "panel will answer this same attempt.")
    if isinstance(error, ServerError):
        return f"The panel ran into a problem ({error}). Try again in a moment."
    if isinstance(error, ValidationFailed):
        fields = "; ".join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                           for k, v in error.details.items())
        return f"{error}" + (f" ({fields})" if fields else "")
    if isinstance(error, ApiError):
        return str(error)
    return f"Something went wrong: {error}"


def _server_words(services: list[dict]) -> str:
    parts = []
    for service in services:
        server = service.get("server") or {}
        name = server.get("name") or (service.get("product") or {}).get("name") or "your server"
        state = "active and running" if service.get("status") == "active" else "being set up"
        parts.append(f"your server {name} is {state}")
    return "; ".join(parts)


def describe(kind: str, how: str, outcome: Outcome, money: Callable[[Any], str]) -> tuple[str, str]:
    """A title and a sentence for what the panel says happened."""
    invoice = outcome.invoice or {}
    invoice_name = invoice.get("invoice_number") or "the invoice"
    status = outcome.status
    if status == "succeeded":
        if kind == "order" and outcome.order:
            order = outcome.order
            number = order.get("order_number") or "your order"
            if order.get("status") == "awaiting_approval":
                return "Awaiting approval", (f"Payment received for order {number} ({invoice_name} is paid). "
                                             "The order is awaiting approval by the panel's staff.")
            servers = _server_words(outcome.services)
            return "Payment received", (f"Payment received: order {number}, invoice {invoice_name} paid. "
                                        + (servers[0].upper() + servers[1:] + "." if servers
                                           else "Your services are being set up."))
        if kind == "top_up":
            added = money(outcome.payment.get("amount"))
            return "Payment received", f"Payment received: {added} added to your credits."
        return "Payment received", f"Payment received: {invoice_name} is paid."
    if status == "cancelled" or how == "cancelled":
        return "Payment cancelled", (f"Payment cancelled: {invoice_name} stays payable from Invoices."
                                     + (" The order stays unpaid." if outcome.order else ""))
    if status == "failed":
        return "Payment failed", f"The payment failed: {invoice_name} stays payable from Invoices."
    if how == "left":
        return "Payment left open.", (f"{invoice_name} stays payable from Invoices; nothing more was charged.")
    return "Payment pending", (f"The gateway has not confirmed the payment yet. {invoice_name} shows as paid under "
                               "Invoices once the panel hears from the gateway.")
