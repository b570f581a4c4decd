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
from app.core.status_words import status_word
from app.core.text import translate

from .operations.keeping import NotSent
from .wording import action_failed, field_problems

RETURN_URL = "http://127.0.0.1:9/sett-checkout/return"
CANCEL_URL = "http://127.0.0.1:9/sett-checkout/cancel"
GATEWAYS = ("stripe", "paypal")

__all__ = ["CANCEL_URL", "GATEWAYS", "RETURN_URL", "Outcome", "available_methods", "describe", "error_text",
           "in_one_line", "not_due_text", "settled_text", "unreadable_text"]


@dataclass
class Outcome:
    """What the panel says after the web view closed (or when no web view was needed)."""

    payment: dict
    order: dict | None = None
    invoice: dict | None = None
    invoices: list[dict] = field(default_factory=list)     # every invoice the payment covers
    services: list[dict] = field(default_factory=list)
    # What the panel did not give when read back ("invoices", "orders", "services"): left out (or shown as the
    # cache last had it), named in words by `describe`, brought by the next sync.
    missing: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.payment.get("status") or "pending")


def available_methods(billing_config: dict, credits: dict, due: Any = None) -> list[str]:
    """The payment methods to offer: the gateways the panel enabled, then credits when they are on and the
    balance covers `due` (when `due` is None the balance is not checked)."""
    # (A config saved before answers were checked may hold another kind of value where an object belongs.)
    gateways = billing_config.get("gateways") if isinstance(billing_config, dict) else None
    gateways = gateways if isinstance(gateways, dict) else {}
    methods = [name for name in GATEWAYS if isinstance(gateways.get(name), dict) and gateways[name].get("enabled")]
    if not isinstance(billing_config, dict) or not isinstance(credits, dict):
        return methods
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
    if isinstance(error, NotSent):
        return action_failed(error)      # nothing was sent: neither ordered nor charged
    if isinstance(error, Conflict) and error.code == "out_of_stock":
        return translate("Payments", "Sorry, {products} is out of stock, so nothing was ordered and nothing was "
                                     "charged.").format(products=names(error.details.get("product_ids") or []))
    if isinstance(error, Conflict) and error.code == "insufficient_credits":
        return translate("Payments", "Your credits do not cover this. Choose another payment method or turn off "
                                     "paying by credits.")
    if isinstance(error, NetworkError):
        return translate("Payments", "The panel could not be reached ({error}). Nothing was charged twice: press Try "
                                     "again and the panel will answer this same attempt.").format(error=error)
    if isinstance(error, ServerError):
        return translate("Payments", "The panel ran into a problem ({error}). Try again in a moment.").format(
            error=error)
    if isinstance(error, ValidationFailed):
        fields = field_problems(error)
        return f"{error}" + (f" ({fields})" if fields else "")
    if isinstance(error, ApiError):
        # A coded refusal (invoice_not_payable, idempotency_conflict, ...) leads with Sett's words for its code, the
        # panel's own message (often English) after it; an answer Sett cannot read says so.
        return action_failed(error)
    return translate("Payments", "Something went wrong: {error}").format(error=error)


def unreadable_text(unreadable: list[dict]) -> str:
    """The invoices a review of several could not read from the panel, each by number with why, and what follows:
    they are left out of this payment and stay payable."""
    count = len(unreadable)        # a plain variable: pyside6-lupdate reads a plural's count only as a name
    if not count:
        return ""
    named = "; ".join(translate("Payments", "{invoice}: {reason}").format(
        invoice=item.get("invoice_number") or translate("Payments", "invoice {id}").format(id=item.get("id")),
        reason=item.get("reason") or "") for item in unreadable)
    return translate("Payments", "Left out of this payment: %n invoice(s) the panel could not give just now "
                                 "({invoices}). Each stays payable from Invoices.", None, count).format(invoices=named)


def not_due_text(invoice: dict) -> str:
    """One invoice the panel says is no longer due (paid or cancelled since it was listed): nothing to pay."""
    return translate("Payments", "{invoice} is no longer due at the panel ({status}): there is nothing to pay.").format(
        invoice=invoice.get("invoice_number") or translate("Payments", "the invoice"),
        status=status_word(invoice.get("status")).lower())


def settled_text(settled: list[dict]) -> str:
    """The invoices a review of several found no longer due at the panel (paid or cancelled since the list was
    synced), each by number with its status now: left out of this payment."""
    count = len(settled)           # a plain variable: pyside6-lupdate reads a plural's count only as a name
    if not count:
        return ""
    named = ", ".join(translate("Payments", "{invoice} ({status})").format(
        invoice=item.get("invoice_number") or translate("Payments", "invoice {id}").format(id=item.get("id")),
        status=status_word(item.get("status")).lower()) for item in settled)
    return translate("Payments", "Left out of this payment: %n invoice(s) no longer due at the panel "
                                 "({invoices}).", None, count).format(invoices=named)


def _server_words(services: list[dict]) -> str:
    parts = []
    for service in services:
        server = service.get("server") or {}
        name = server.get("name") or (service.get("product") or {}).get("name")
        if service.get("status") == "active":
            parts.append(translate("Payments", "your server {name} is active and running").format(name=name) if name
                         else translate("Payments", "your server is active and running"))
        else:
            parts.append(translate("Payments", "your server {name} is being set up").format(name=name) if name
                         else translate("Payments", "your server is being set up"))
    return "; ".join(parts)


def describe(kind: str, how: str, outcome: Outcome, money: Callable[[Any], str]) -> tuple[str, str]:
    """A title and a sentence for what the panel says happened (and what of it could not be read back)."""
    title, text, _lead = _what_happened(kind, how, outcome, money)
    unread = _missing_words(outcome.missing)
    return title, (f"{text} {unread}" if unread else text)


def in_one_line(kind: str, how: str, outcome: Outcome, money: Callable[[Any], str]) -> str:
    """What `describe` says as one line, for a note once the dialog has gone: the sentence alone where it already
    says what the title does ("Payment received: INV-000001 is paid."), else after the title as a sentence of its
    own ("Payment left open. INV-000001 stays payable…"). Title and text glued read "Payment received Payment
    received: …"."""
    _title, text, lead = _what_happened(kind, how, outcome, money)
    unread = _missing_words(outcome.missing)
    return " ".join(part for part in (lead, text, unread) if part)


def _missing_words(missing: list[str]) -> str:
    """A sentence per kind of record the panel did not give when the outcome was read back."""
    sentences = {
        "orders": translate("Payments", "The order could not be read from the panel just now; Orders shows what "
                                        "the panel has after the next sync."),
        "invoices": translate("Payments", "An invoice this payment covers could not be read from the panel just now; "
                                          "Invoices shows what the panel has after the next sync."),
        "services": translate("Payments", "A service this payment covers could not be read from the panel just now; "
                                          "Services shows what the panel has after the next sync."),
    }
    return " ".join(sentences[name] for name in ("orders", "invoices", "services") if name in missing)


def _what_happened(kind: str, how: str, outcome: Outcome,
                   money: Callable[[Any], str]) -> tuple[str, str, str]:
    """(title, sentence, lead): `lead` is the title as a sentence, to put before the sentence on one line, or ""
    where the sentence says it already."""
    invoice = outcome.invoice or {}
    name = invoice.get("invoice_number") or translate("Payments", "the invoice")
    status = outcome.status
    received = translate("Payments", "Payment received")
    if status == "succeeded":
        if kind == "order" and outcome.order:
            order = outcome.order
            number = order.get("order_number") or ""
            if order.get("status") == "awaiting_approval":
                return translate("Payments", "Awaiting approval"), translate(
                    "Payments", "Payment received for order {order} ({invoice} is paid). The order is awaiting "
                    "approval by the panel's staff.").format(order=number, invoice=name), ""
            servers = _server_words(outcome.services)
            then = (servers[0].upper() + servers[1:] + "." if servers
                    else translate("Payments", "Your services are being set up."))
            return received, translate("Payments", "Payment received: order {order}, invoice {invoice} paid. "
                                                   "{then}").format(order=number, invoice=name, then=then), ""
        if kind == "top_up":
            added = money(outcome.payment.get("amount"))
            return received, translate("Payments", "Payment received: {amount} added to your credits.").format(
                amount=added), ""
        numbers = [str(i["invoice_number"]) for i in outcome.invoices if i.get("invoice_number")]
        count = len(numbers)        # a plain variable: pyside6-lupdate reads a plural's count only as a name
        if count > 1:               # Pay all due / Pay selected settled each of them, not only the first
            return received, translate("Payments", "Payment received: %n invoice(s) paid ({invoices}).", None,
                                       count).format(invoices=", ".join(numbers)), ""
        return received, translate("Payments", "Payment received: {invoice} is paid.").format(invoice=name), ""
    if status == "cancelled" or how == "cancelled":
        title = translate("Payments", "Payment cancelled")
        if outcome.order:
            return title, translate("Payments", "Payment cancelled: {invoice} stays payable from Invoices. The "
                                                "order stays unpaid.").format(invoice=name), ""
        return title, translate("Payments", "Payment cancelled: {invoice} stays payable from Invoices.").format(
            invoice=name), ""
    if status == "failed":
        return translate("Payments", "Payment failed"), translate(
            "Payments", "The payment failed: {invoice} stays payable from Invoices.").format(invoice=name), ""
    if how == "left":
        left = translate("Payments", "Payment left open.")       # a sentence already, as the note's lead too
        if kind == "top_up":      # a top-up never becomes overdue: it stays due until paid or cancelled
            return left, translate(
                "Payments", "{invoice} stays payable from Invoices, where Cancel top-up takes it back; nothing was "
                            "charged.").format(invoice=name), left
        return left, translate(
            "Payments", "{invoice} stays payable from Invoices; nothing more was charged.").format(invoice=name), left
    return translate("Payments", "Payment pending"), translate(
        "Payments", "The gateway has not confirmed the payment yet. {invoice} shows as paid under Invoices once the "
        "panel hears from the gateway.").format(invoice=name), translate("Payments", "Payment pending.")
