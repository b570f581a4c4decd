"""What a sync fetches: each synced list, by the name `PanelClient.synced_list` knows it by (its path lives in
`app.api.paths`), and which cache table it fills."""
from __future__ import annotations

from dataclasses import dataclass

from app.core.account_data import BILLING_OFF_REASON  # re-exported: the sync reports it


@dataclass(frozen=True)
class ListResource:
    name: str          # the sync_state key, what a ChangeSet reports as changed, and the list's name in app.api
    table: str         # the cache table
    billing: bool = True     # lives under /billing: skipped when the panel has no billing
    catalogue: bool = False  # archived rows arrive flagged and must be dropped from the cache
    key: str = "id"          # the row's identity in the panel's JSON (notifications say `uuid`)
    tickets: bool = False    # lives under /support: skipped while the panel has tickets off (`tickets_enabled`)
    detail: str | None = None   # the PanelClient call that reads one row whole: fetched for each row that changed


LISTS: tuple[ListResource, ...] = (
    ListResource("categories", "categories", catalogue=True),
    ListResource("products", "products", catalogue=True),
    ListResource("services", "services"),
    # An invoice's lines, payments and parties come with its detail only: read for each invoice that changed, so an
    # invoice the buyer never opened still shows them offline (and Save as PDF and the payment exports have them).
    ListResource("invoices", "invoices", detail="invoice"),
    ListResource("orders", "orders"),
    ListResource("credit_transactions", "credit_transactions"),
    ListResource("notifications", "notifications", billing=False, key="uuid"),
    ListResource("tickets", "tickets", billing=False, tickets=True, detail="ticket"),
)

# At most this many changed rows of a list have their detail read in one sync (tickets are few; a first sync of an
# account with hundreds of tickets or invoices reads the newest, and the rest are read when opened).
MAX_DETAILS = 50

# Single objects kept in the cache's config table: each config key is also the `PanelClient` method that reads it.
BILLING_OBJECTS: tuple[str, ...] = ("billing_config", "dashboard", "credits")

__all__ = ["BILLING_OBJECTS", "BILLING_OFF_REASON", "LISTS", "MAX_DETAILS", "ListResource"]
