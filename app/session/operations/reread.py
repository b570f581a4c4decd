"""What an action moved at the panel besides its own record, read back and saved by the operation itself.

A payment, a cancelled order or a cancelled top-up moves more than the record it names: the credit balance and its
history, the dashboard's figures (active services, the next renewal), the order an invoice belongs to. Noting
those as `touched` left every screen that shows them on the old figures until the sync that follows ended, and for
good when that sync failed: the Credits screen still said $100.00 after an order paid $10.00 of it, the dashboard
still said "No renewals scheduled" beside a service that had just been bought. Reading them here puts them in the
operation's own change-set.

The action itself has happened at the panel by the time these run: a failed read is not the action's failure, so
it only leaves the resource `touched` for the sync to bring.
"""
from __future__ import annotations

from collections.abc import Iterable

from app.api import ApiError
from app.cache import CacheChanges

from . import Context, one_asked

# The newest rows of a list read back after an action (a payment of several invoices writes a credit transaction
# and a notification per invoice).
NEWEST = 25


def money_moved(ctx: Context) -> None:
    """After money moved (paid, refunded to credits): the credit balance, the dashboard's figures, the newest credit
    transactions and the newest notifications (the panel's "Payment received"), as the panel has them now."""
    config = ctx.cache.config("billing_config") or {}
    credits_kept = not (isinstance(config, dict) and config.get("credits_enabled") is False)
    for key in ("credits", "dashboard") if credits_kept else ("dashboard",):
        _config(ctx, key)
    if credits_kept:
        _newest(ctx, "credit_transactions")
    _newest(ctx, "notifications", key="uuid")


def stock_of(ctx: Context, order: dict | None) -> None:
    """After an order took stock or gave it back: the products the store shows with a limited stock, as the panel
    has them now (the catalogue rows changed since the last sync, as the sync itself asks for them)."""
    ids = {str(item.get("product_id")) for item in (order or {}).get("items") or [] if isinstance(item, dict)}
    if not any(p.get("stock") is not None for p in ctx.cache.products() if str(p.get("id")) in ids):
        return       # unlimited (or not in the store): nothing on screen counts it
    from app.sync.engine import OVERLAP, changed_rows, usable_cursor  # as a sync asks (on the worker, not at start)

    cursor = usable_cursor((ctx.cache.sync_state("products") or {}).get("server_time"))
    if cursor is None:
        ctx.touched("products")
        return
    since = (cursor - OVERLAP).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    try:
        page = ctx.client.synced_list("products", page=1, per_page=NEWEST, params={"updated_since": since})
    except ApiError:
        ctx.touched("products")
        return
    rows = [row for row in page.data if isinstance(row, dict) and row.get("id") is not None]
    live, gone = changed_rows(rows, ctx.cache.versions("products", [str(row["id"]) for row in rows]))
    ctx.save("products", live)
    if gone:
        ctx.write(CacheChanges(deletes={"products": gone}), "products")
    if (page.total_pages or 1) > 1:
        ctx.touched("products")       # more of the catalogue changed than one page: the sync brings the rest


def dashboard(ctx: Context) -> None:
    _config(ctx, "dashboard")


def orders_of(ctx: Context, invoices: Iterable[dict], known: Iterable[str] = ()) -> list[dict]:
    """The orders the invoices were raised for (an order's invoice paid from Invoices, or with Pay all due), read
    and saved: the order's status moves with its invoice. `known`: order ids already read."""
    skip = {str(i) for i in known}
    return records(ctx, "orders", ctx.client.order,
                   [str(i["order_id"]) for i in invoices if i.get("order_id") and str(i["order_id"]) not in skip])


def records(ctx: Context, table: str, read, ids: Iterable) -> list[dict]:
    """Each record of `table` by id (`read(id)`: the typed call), saved; one that could not be read is left to the
    sync."""
    rows, seen = [], set()
    for record_id in ids:
        if record_id in (None, "") or str(record_id) in seen:
            continue
        seen.add(str(record_id))
        try:
            rows.append(one_asked(table, record_id, read(str(record_id))))
        except ApiError:
            ctx.touched(table)
    ctx.save(table, rows)
    return rows


def newest(ctx: Context, name: str, key: str = "id") -> list[dict]:
    """The first page of a synced list (newest first), saved as `_newest` saves it; the rows that were new or had
    changed."""
    return _newest(ctx, name, key)


def _newest(ctx: Context, name: str, key: str = "id") -> list[dict]:
    """The first page of a synced list (newest first): the rows the cache does not hold as they are, saved. As in a
    sync, a row the panel sends unchanged (same `updated_at`) is left as the cache holds it: a notification marked
    read while offline stays read until its queued marking reaches the panel."""
    try:
        page = ctx.client.synced_list(name, page=1, per_page=NEWEST)
    except ApiError:
        ctx.touched(name)
        return []
    from app.sync.engine import changed_rows  # on the worker, not at start-up

    rows = [{**row, "id": row.get(key)} for row in page.data if isinstance(row, dict) and row.get(key) is not None]
    live, _gone = changed_rows(rows, ctx.cache.versions(name, [str(row["id"]) for row in rows]))
    ctx.save(name, live)
    return live


def _config(ctx: Context, key: str) -> None:
    """A config object (`credits`, `dashboard`) read again; written, and named in the change-set, when it moved."""
    try:
        value = getattr(ctx.client, key)()
    except ApiError:
        ctx.touched(key)
        return
    if ctx.cache.config(key) != value:
        ctx.write(CacheChanges(config={key: value}), key)
