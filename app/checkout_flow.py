"""The steps of paying, against the panel's API (no Qt): start an order, an invoice payment or a top-up, then read
what really happened. Each runs on a worker through `Application.call`.

The caller makes one Idempotency-Key per attempt (`new_idempotency_key()`) and sends the same key again when it
retries that attempt, so a retry after a dropped connection returns the first answer instead of a second order.
The return and cancel URLs are loopback addresses where nothing listens: the web view stops at them before
loading, and the panel accepts loopback URLs (no open redirect).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from app.api import ApiError, Conflict, NetworkError, PanelClient, ServerError, ValidationFailed

RETURN_URL = "http://127.0.0.1:9/sett-checkout/return"
CANCEL_URL = "http://127.0.0.1:9/sett-checkout/cancel"
GATEWAYS = ("stripe", "paypal")

__all__ = ["CANCEL_URL", "GATEWAYS", "RETURN_URL", "Outcome", "available_methods", "describe", "error_text",
           "read_outcome", "read_payment", "start_invoice_payment", "start_order", "start_top_up"]


def _urls(method: str, return_url: str, cancel_url: str) -> dict:
    return {} if method == "credits" else {"return_url": return_url, "cancel_url": cancel_url}


def start_order(client: PanelClient, items: list[dict], coupon_code: str | None, use_credits: bool, method: str,
                return_url: str = RETURN_URL, cancel_url: str = CANCEL_URL, *, key: str) -> dict:
    """POST /billing/checkout -> {order, invoice, payment}."""
    body: dict[str, Any] = {"items": items, "use_credits": bool(use_credits), "payment_method": method,
                            **_urls(method, return_url, cancel_url)}
    if coupon_code:
        body["coupon_code"] = coupon_code
    return client.post("/billing/checkout", body, idempotency_key=key)


def start_invoice_payment(client: PanelClient, invoice_id: str, method: str, use_credits: bool = True,
                          return_url: str = RETURN_URL, cancel_url: str = CANCEL_URL, *, key: str) -> dict:
    """POST /billing/invoices/{id}/pay -> {invoice, payment}."""
    body = {"payment_method": method, "use_credits": bool(use_credits), **_urls(method, return_url, cancel_url)}
    return client.post(f"/billing/invoices/{invoice_id}/pay", body, idempotency_key=key)


def start_top_up(client: PanelClient, amount: str, method: str, return_url: str = RETURN_URL,
                 cancel_url: str = CANCEL_URL, *, key: str) -> dict:
    """POST /billing/credits/top-up -> {invoice, payment}; top-ups always go through a gateway."""
    body = {"amount": str(amount), "payment_method": method, "return_url": return_url, "cancel_url": cancel_url}
    return client.post("/billing/credits/top-up", body, idempotency_key=key)


def read_payment(client: PanelClient, payment_id: str) -> dict:
    return client.get(f"/billing/payments/{payment_id}")


@dataclass
class Outcome:
    """What the panel says after the web view closed (or when no web view was needed)."""

    payment: dict
    order: dict | None = None
    invoice: dict | None = None
    services: list[dict] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.payment.get("status") or "pending")


def read_outcome(client: PanelClient, payment_id: str) -> Outcome:
    """The payment, and the order, invoice and services it paid for, read from the panel (never the web view)."""
    payment = read_payment(client, payment_id)
    outcome = Outcome(payment)
    if payment.get("invoice_id"):
        outcome.invoice = client.get(f"/billing/invoices/{payment['invoice_id']}")
    if payment.get("order_id"):
        outcome.order = client.get(f"/billing/orders/{payment['order_id']}")
        for service_id in outcome.order.get("service_ids") or []:
            outcome.services.append(client.get(f"/billing/services/{service_id}"))
    return outcome


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
