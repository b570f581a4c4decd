"""One sync of one account: fetch what changed since last time, then write it to the cache in one transaction.

Lists are asked for with `updated_since` (the panel's own `server_time` from the previous sync, less an overlap
for transactions that were committing at that instant) and the previous ETag, so an unchanged account costs one
small request per list. Nothing is written until everything has been fetched: a failed or cancelled sync
leaves the cache as it was. The one write runs `guarded` by the sync's cancellation, so a quit either waits for
a commit already under way or finds that none will start.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from app.api import BillingDisabled, Cancellation, Cancelled
from app.cache import CacheChanges
from app.core.changes import ChangeSet

from .resources import BILLING_OBJECTS, BILLING_OFF_REASON, LISTS, ListResource

OVERLAP = timedelta(seconds=5)
PER_PAGE = 100
# Catalogue lists are asked for with updated_since even the first time: then archived rows stay in the list
# (flagged) instead of dropping out of it, so pages cannot shift under a sync that is paging through them.
EPOCH = "1970-01-01T00:00:00Z"

Progress = Callable[[int, int, str], None]


class SyncCancelled(Cancelled):
    """The sync was cancelled (or its account is gone); nothing was written."""

    def __init__(self, message: str = "The sync was cancelled; nothing was written.") -> None:
        super().__init__(message)


def _since(server_time: str | None) -> str | None:
    if not server_time:
        return None
    moment = datetime.fromisoformat(server_time.replace("Z", "+00:00")) - OVERLAP
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class SyncEngine:
    def __init__(self, client, cache) -> None:
        self.client = client
        self.cache = cache

    def run(self, *, progress: Progress | None = None, cancellation: Cancellation | None = None) -> ChangeSet:
        """Fetch, then write in one transaction; `SyncCancelled` (nothing written) once `cancellation` is set."""
        cancellation = cancellation or Cancellation()
        cancelled = cancellation.is_set
        result = ChangeSet(billing_enabled=True)
        changes = CacheChanges()
        total = 2 + len(LISTS)
        step = 0

        def advance(label: str) -> None:
            nonlocal step
            if cancelled():
                raise SyncCancelled()
            step += 1
            if progress:
                progress(step, total, label)

        advance("Checking the panel")
        public = self._get("public_settings", result)
        self._keep_config(changes, result, "public_settings", public)
        result.billing_enabled = bool(public.get("billing_enabled"))
        self._keep_config(changes, result, "me", self._get("me", result))
        advance("Reading billing settings")
        if result.billing_enabled:
            try:
                for key in BILLING_OBJECTS:
                    self._keep_config(changes, result, key, self._get(key, result))
            except BillingDisabled:
                result.billing_enabled = False
        if not result.billing_enabled:
            result.billing_reason = BILLING_OFF_REASON
        for resource in LISTS:
            advance(f"Syncing {resource.name.replace('_', ' ')}")
            if resource.billing and not result.billing_enabled:
                continue
            self._sync_list(resource, changes, result, cancelled)
        try:
            with cancellation.guarded():
                self.cache.apply(changes)
        except Cancelled:
            raise SyncCancelled() from None
        return result

    def _get(self, call: str, result: ChangeSet) -> dict:
        result.requests += 1
        return getattr(self.client, call)()

    def _keep_config(self, changes: CacheChanges, result: ChangeSet, key: str, value: dict) -> None:
        if self.cache.config(key) != value:
            changes.config[key] = value
            result.resources.add(key)

    def _sync_list(self, resource: ListResource, changes: CacheChanges, result: ChangeSet,
                   cancelled: Callable[[], bool]) -> None:
        state = self.cache.sync_state(resource.name) or {}
        since = _since(state.get("server_time")) or (EPOCH if resource.catalogue else None)
        params = {"updated_since": since} if since else {}
        result.requests += 1
        first = self.client.synced_list(resource.name, page=1, per_page=PER_PAGE, params=params,
                                      etag=state.get("etag"))
        if first.not_modified:
            return
        rows = list(first.data)
        for number in range(2, int(first.meta.get("total_pages", 1)) + 1):
            if cancelled():
                raise SyncCancelled()
            result.requests += 1
            rows += self.client.synced_list(resource.name, page=number, per_page=PER_PAGE, params=params).data
        if resource.key != "id":
            rows = [{**r, "id": r[resource.key]} for r in rows]
        # Rows seen again in the overlap window, unchanged, are neither written nor reported as changes.
        known = self.cache.versions(resource.table, [r["id"] for r in rows])
        live = [r for r in rows if not r.get("archived")
                and (r["id"] not in known or known[r["id"]] != r.get("updated_at"))]
        gone = [r["id"] for r in rows if r.get("archived") and r["id"] in known]
        if live:
            changes.upserts.setdefault(resource.table, []).extend(live)
        if gone:
            changes.deletes.setdefault(resource.table, []).extend(gone)
        if live or gone:
            result.resources.add(resource.name)
            result.counts[resource.name] = len(live) + len(gone)
        changes.sync_state[resource.name] = {
            "etag": first.etag, "server_time": first.meta.get("server_time"),
            "last_synced_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        }
