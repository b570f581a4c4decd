"""`ChangeSet`: what one sync or one user action changed in an account's cache (pure: no Qt, no I/O).

Syncs and operations alike return one; the account's session re-reads what the screens show and hands the
change-set on, and each screen redraws only when it names a resource the screen shows. Nothing else tells a
screen to redraw, so after any action every screen that shows what it touched is current.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Resources a change-set may name beyond the synced lists and config objects (see app.sync.resources).
CART = "cart"                   # the account's cart: its items and options (coupon, use credits)


@dataclass
class ChangeSet:
    resources: set[str] = field(default_factory=set)
    requests: int = 0
    billing_enabled: bool | None = None     # what a sync learnt of billing; None: an action says nothing of it
    billing_reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    source: str = "sync"                    # "sync", or the name of the operation that made it

    def __contains__(self, resource: str) -> bool:
        return resource in self.resources

    def __bool__(self) -> bool:
        return bool(self.resources)

    def merge(self, other: ChangeSet) -> ChangeSet:
        """Both change-sets' resources (an operation that also synced a list reports both)."""
        self.resources |= other.resources
        self.requests += other.requests
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
        return self
