"""Where each resource lives on the panel, relative to `/api/v1`: the only place outside `PanelClient` that spells
an endpoint path. The synced lists are named here so the sync engine asks for them by name, never by path.
"""
from __future__ import annotations

import re
from urllib.parse import quote

# The lists a sync pages through, by the name the cache's sync_state (and a ChangeSet) knows them by.
LIST_PATHS: dict[str, str] = {
    "categories": "/billing/categories",
    "products": "/billing/products",
    "services": "/billing/services",
    "invoices": "/billing/invoices",
    "orders": "/billing/orders",
    "credit_transactions": "/billing/credits/transactions",
    "notifications": "/notifications",
    "tickets": "/support/tickets",
}

# The schema (in `schemas`) of one row of each of those lists.
LIST_ROWS: dict[str, str] = {
    "categories": "Category", "products": "Product", "services": "Service", "invoices": "Invoice",
    "orders": "Order", "credit_transactions": "CreditTransaction", "notifications": "Notification",
    "tickets": "Ticket",
}

# The caller's billing profile (contract addition "Seller and buyer on invoices"): GET and PUT.
BILLING_PROFILE_PATH = "/account/billing-profile"


def segment(value: object) -> str:
    """One path segment from an id: quoted, so an id can never reach another path (`../`, `?`, `#`)."""
    text = str(value)
    if text in ("", ".", ".."):
        raise ValueError(f"{text!r} cannot name a resource on the panel")
    return quote(text, safe="")


# A notification's action_url names the record it is about by the record's path (absolute or not).
_INVOICE_URL = re.compile(r"/billing/invoices/([^/?#]+)")
_SERVICE_URL = re.compile(r"/billing/services/([^/?#]+)")
_TICKET_URL = re.compile(r"/support/tickets/([^/?#]+)")


def _named(pattern: re.Pattern[str], action_url: object) -> str | None:
    found = pattern.search(action_url) if isinstance(action_url, str) else None
    # "." and ".." name no record (a request for one would climb the path); nothing else is refused here: the id
    # is quoted again whenever it is put in a path (`segment`).
    return found.group(1) if found and found.group(1) not in (".", "..") else None


def invoice_of(action_url: str | None) -> str | None:
    """The invoice a panel notification's action_url names, if any."""
    return _named(_INVOICE_URL, action_url)


def service_of(action_url: str | None) -> str | None:
    """The service a panel notification's action_url names, if any."""
    return _named(_SERVICE_URL, action_url)


def ticket_of(action_url: str | None) -> str | None:
    """The support ticket a panel notification's action_url names (a staff reply), if any."""
    return _named(_TICKET_URL, action_url)


__all__ = ["BILLING_PROFILE_PATH", "LIST_PATHS", "LIST_ROWS", "invoice_of", "segment", "service_of", "ticket_of"]
