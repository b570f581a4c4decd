"""A service's operations: its invoices (the cache's at once, then the panel's), asking to cancel it and
withdrawing that request."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.api import ApiError

from . import Context, one_asked

if TYPE_CHECKING:
    from app.cache import AccountCache


def cached_invoices(ctx: Context, service: dict) -> list[dict]:
    """Its renewal invoices and the order invoice that bought it, as the cache holds them."""
    return invoices_in(ctx.cache, service)


def invoices_in(cache: AccountCache, service: dict) -> list[dict]:
    rows = {str(r["id"]): r for r in cache.invoices(service_id=str(service.get("id")))}
    order_id = service.get("order_id")
    order = cache.order(str(order_id)) if order_id else None
    invoice_id = (order or {}).get("invoice_id")
    if invoice_id and str(invoice_id) not in rows:
        invoice = cache.invoice(str(invoice_id))
        if invoice:
            rows[str(invoice_id)] = invoice
    return [r for r in rows.values() if r.get("status") != "draft"]


def fetch_invoices(ctx: Context, service: dict) -> list[dict]:
    """The panel's list of the service's invoices, kept in the cache; the service's invoices as the cache now
    holds them (with the order invoice the panel's list may leave out)."""
    ctx.save("invoices", ctx.client.service_invoices(str(service["id"])))
    return invoices_in(ctx.cache, service)


def request_cancellation(ctx: Context, service_id: str, kind: str, reason: str, key: str | None = None) -> dict:
    request = ctx.client.request_cancellation(service_id, type=kind, reason=reason, key=key)
    return _reread(ctx, service_id, request)


def withdraw_cancellation(ctx: Context, service_id: str) -> dict:
    ctx.client.withdraw_cancellation(service_id)
    return _reread(ctx, service_id, None)


def _reread(ctx: Context, service_id: str, cancellation: dict | None) -> dict:
    """The service as the panel has it after the request, saved. The request is made by then: a service the panel
    then does not give (a 404, an answer Sett cannot read) is not the request's failure, and the page shows the
    cached service with the panel's answer to the request (`cancellation`) until the sync brings the service."""
    try:
        service = one_asked("service", service_id, ctx.client.service(service_id))
    except ApiError:
        ctx.touched("services")
        return {**(ctx.cache.service(service_id) or {"id": service_id}), "cancellation": cancellation}
    ctx.save("services", [service])
    return service
