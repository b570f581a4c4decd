"""The panel's codes (statuses, kinds, payment methods, ticket departments) as words in the user's language.

The panel sends codes ("awaiting_approval", "top_up"); screens show words. Every code the panel's schemas know is
written out here for Qt's translation tools; an unknown code falls back to formatting.humanise (English words).
"""
from __future__ import annotations

from app.core import text
from app.core.formatting import humanise
from app.core.text import translate


def _words() -> dict[str, str]:
    return {
        # invoices, orders, payments, services, servers, cancellation requests
        "pending": translate("Status", "Pending"),
        "paid": translate("Status", "Paid"),
        "overdue": translate("Status", "Overdue"),
        "cancelled": translate("Status", "Cancelled"),
        "refunded": translate("Status", "Refunded"),
        "awaiting_approval": translate("Status", "Awaiting approval"),
        "processing": translate("Status", "Processing"),
        "active": translate("Status", "Active"),
        "failed": translate("Status", "Failed"),
        "succeeded": translate("Status", "Succeeded"),
        "requires_action": translate("Status", "Requires action"),
        "suspended": translate("Status", "Suspended"),
        "terminated": translate("Status", "Terminated"),
        "installing": translate("Status", "Installing"),
        "running": translate("Status", "Running"),
        "offline": translate("Status", "Offline"),
        "approved": translate("Status", "Approved"),
        "rejected": translate("Status", "Rejected"),
        "withdrawn": translate("Status", "Withdrawn"),
        "draft": translate("Status", "Draft"),
        # support tickets and their departments
        "open": translate("Status", "Open"),
        "answered": translate("Status", "Answered"),
        "customer_reply": translate("Status", "Awaiting reply"),
        "closed": translate("Status", "Closed"),
        "billing": translate("Status", "Billing"),
        "technical": translate("Status", "Technical"),
        "sales": translate("Status", "Sales"),
        # invoice kinds, credit transactions, payment methods, cancellation types
        "order": translate("Status", "Order"),
        "renewal": translate("Status", "Renewal"),
        "top_up": translate("Status", "Top-up"),
        "adjustment": translate("Status", "Adjustment"),
        "payment": translate("Status", "Payment"),
        "refund": translate("Status", "Refund"),
        "credits": translate("Status", "Credits"),
        "stripe": translate("Status", "Card (Stripe)"),
        "paypal": "PayPal",
        "immediate": translate("Status", "Immediately"),
        "end_of_period": translate("Status", "End of period"),
    }


_cache: tuple[int, dict[str, str]] = (-1, {})


def status_word(code: str | None) -> str:
    """"awaiting_approval" -> "Awaiting approval" (or its translation); a dash for no code. The words are looked up
    once per installed translator: a table calls this for every row it shows."""
    global _cache
    if not code:
        return humanise(code)
    if _cache[0] != text.generation():
        _cache = (text.generation(), _words())
    return _cache[1].get(str(code)) or humanise(code)


# A cancellation request only changes what a running service's status reads; an ended one says so itself.
_RUNNING = frozenset({"active", "suspended"})


def service_status(service: dict, *, compact: bool = False) -> str:
    """"Active", or "Active · cancellation pending" while a cancellation request is open or approved: the status alone
    would hide that the service is about to end. The service page shows this; the Services list (and its
    All-accounts scope) shows the `compact` "Active · cancelling", short enough that the product's name keeps its
    room (the list's tooltip says whether the request is pending or approved)."""
    status = service.get("status")
    request = service.get("cancellation") or {}
    if request.get("status") in ("pending", "approved") and status in _RUNNING:
        if compact:
            return translate("ServicesList", "{status} · cancelling").format(status=status_word(status))
        return translate("ServicePage", "{status} · cancellation {request}").format(
            status=status_word(status), request=status_word(request["status"]).lower())
    return status_word(status)
