"""An invoice's operations: its detail, the cache's at once and then the panel's (kept for offline)."""
from __future__ import annotations

from . import Context, one_asked


def cached_invoice(ctx: Context, invoice_id: str) -> dict | None:
    return ctx.cache.invoice(invoice_id)


def fetch_invoice(ctx: Context, invoice_id: str) -> dict:
    invoice = one_asked("invoice", invoice_id, ctx.client.invoice(invoice_id))
    ctx.save("invoices", [invoice])
    return invoice
