"""What a sync fetches: each synced list, where it lives on the panel and which cache table it fills."""
from __future__ import annotations

from dataclasses import dataclass

from app.core.account_data import BILLING_OFF_REASON  # re-exported: the sync reports it


@dataclass(frozen=True)
class ListResource:
    name: str          # the sync_state key, and what a ChangeSet reports as changed
    path: str          # relative to /api/v1
    table: str         # the cache table
    billing: bool = True     # lives under /billing: skipped when the panel has no billing
    catalogue: bool = False  # archived rows arrive flagged and must be dropped from the cache
    key: str = "id"          # the row's identity in the panel's JSON (notifications say `uuid`)


LISTS: tuple[ListResource, ...] = (
    ListResource("categories", "/billing/categories", "categories", catalogue=True),
    ListResource("products", "/billing/products", "products", catalogue=True),
    ListResource("services", "/billing/services", "services"),
    ListResource("invoices", "/billing/invoices", "invoices"),
    ListResource("orders", "/billing/orders", "orders"),
    ListResource("credit_transactions", "/billing/credits/transactions", "credit_transactions"),
    ListResource("notifications", "/notifications", "notifications", billing=False, key="uuid"),
)

# Single objects kept in the cache's config table: (config key, path).
BILLING_OBJECTS: tuple[tuple[str, str], ...] = (
    ("billing_config", "/billing/config"),
    ("dashboard", "/billing/dashboard"),
    ("credits", "/billing/credits"),
)

__all__ = ["BILLING_OBJECTS", "BILLING_OFF_REASON", "LISTS", "ListResource"]
