"""One sync of one account: fetch what changed since last time, then write it to the cache in one transaction.

Lists are asked for with `updated_since` (the panel's own `server_time` from the previous sync, less an overlap
for transactions that were committing at that instant) and the previous ETag, so an unchanged account costs one
small request per list. A `server_time` becomes the next cursor only when it is a time with a zone no later than
this computer's clock plus CLOCK_TOLERANCE; a cursor the cache holds that is not such a time counts as none.
Nothing is written until everything has been fetched and checked: a failed or cancelled sync leaves the cache as
it was. The rows are converted for the cache before the write starts; the one write runs `guarded` by the
sync's cancellation (interrupted by a quit that waits too long), so a quit waits at most ~2 s and the sync has
then written all of its result or nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from app.api import ApiError, BadAnswer, BillingDisabled, Cancellation, Cancelled, NotFound, TicketsDisabled
from app.api.body import ReadBudget
from app.api.fields import aware_time
from app.api.once import one_per_id
from app.api.paging import PageCheck
from app.api.retry import RetryBudget
from app.api.validate import one_asked
from app.cache import CacheChanges, CacheError, InvalidChanges
from app.core.changes import ChangeSet
from app.core.money import currency_code
from app.core.text import translate

from .resources import BILLING_OBJECTS, BILLING_OFF_REASON, LISTS, MAX_DETAILS, ListResource

log = logging.getLogger("app.sync")

OVERLAP = timedelta(seconds=5)
# How far ahead of this computer's clock a panel's `server_time` may be and still become the cursor: clocks drift
# by seconds to minutes; a cursor days ahead would freeze incremental sync (later changes never fetched).
CLOCK_TOLERANCE = timedelta(minutes=10)
PER_PAGE = 100
# Catalogue lists are asked for with updated_since even the first time: then archived rows stay in the list
# (flagged) instead of dropping out of it, so pages cannot shift under a sync that is paging through them.
EPOCH = "1970-01-01T00:00:00Z"
# The config key of the panel's change version (`GET /sync/state`) the cache's data matches. Written in the sync's
# one transaction, so it is only ever kept together with the data it describes.
VERSION_KEY = "sync_version"

Progress = Callable[[int, int, str], None]


class SyncCancelled(Cancelled):
    """The sync was cancelled (or its account is gone); nothing was written."""

    def __init__(self, message: str = "The sync was cancelled; nothing was written.") -> None:
        super().__init__(message)


def usable_cursor(server_time: object, now: datetime | None = None) -> datetime | None:
    """The moment in a stored or received `server_time`, or None when it cannot be a cursor: not a time, no
    zone, or later than this computer's clock plus CLOCK_TOLERANCE."""
    try:
        moment = aware_time(server_time)
    except ValueError:
        return None
    return moment if moment <= (now or datetime.now(UTC)) + CLOCK_TOLERANCE else None


def _since(server_time: object) -> str | None:
    moment = usable_cursor(server_time)
    if moment is None:
        return None
    return (moment - OVERLAP).strftime("%Y-%m-%dT%H:%M:%S.%fZ")



def changed_rows(rows: list[dict], known: dict[str, str], stored: dict[str, str] | None = None,
                 ) -> tuple[list[dict], list[str]]:
    """Of a list's rows, those to write (new, or with another `updated_at` than `known`, the cache's versions by id
    as text; archived ones left out) and the ids of archived rows the cache holds, to delete. A row the panel sent
    without `updated_at` is compared whole with what the cache keeps of it (`stored`, its JSON text by id; absent:
    written): compared by stamp, None equalled None, and such a row was never written again however it changed
    (an invoice the panel marked paid stayed unpaid here). A sync and an action's read-back
    (app/session/operations/reread.py) decide alike."""
    def changed(row: dict) -> bool:
        ident = str(row["id"])
        if ident not in known:
            return True
        if row.get("updated_at") is None:
            kept = (stored or {}).get(ident)
            return kept is None or _as_stored(row) != kept
        return known[ident] != row.get("updated_at")

    live = [r for r in rows if not r.get("archived") and changed(r)]
    gone = [str(r["id"]) for r in rows if r.get("archived") and str(r["id"]) in known]
    return live, gone


def unstamped(rows: list[dict], known: dict[str, str]) -> list[str]:
    """The ids of cached rows the panel sent without `updated_at`: those `changed_rows` compares whole."""
    return [str(r["id"]) for r in rows if r.get("updated_at") is None and str(r["id"]) in known]


def _as_stored(row: dict) -> str | None:
    from app.cache.rows import dump_json  # the cache's own writing of a row (on the worker, with the cache)

    try:
        return dump_json(row)
    except (TypeError, ValueError):
        return None


def _code(value: object) -> str:
    return currency_code(value) if isinstance(value, str) else ""


def _currencies_differ(fetched: dict[str, dict]) -> bool:
    """Whether the credits read name another currency than billing_config's (both named: either may be left out)."""
    config, credits = fetched.get("billing_config"), fetched.get("credits")
    currency = config.get("currency") if isinstance(config, dict) else None
    panel = _code(currency.get("code")) if isinstance(currency, dict) else ""
    held = _code(credits.get("currency")) if isinstance(credits, dict) else ""
    return bool(panel and held and panel != held)


class SyncEngine:
    def __init__(self, client, cache, *, check_version: bool = True) -> None:
        self.client = client
        self.cache = cache
        self.check_version = check_version     # False: always the incremental sync (the bench compares both)

    def run(self, *, progress: Progress | None = None, cancellation: Cancellation | None = None) -> ChangeSet:
        """Fetch, then write in one transaction; `SyncCancelled` (nothing written) once `cancellation` is set."""
        cancellation = cancellation or Cancellation()
        if not hasattr(self.client, "retry_budget"):
            return self._run(progress, cancellation)
        kept, self.client.retry_budget = self.client.retry_budget, RetryBudget()   # waits bounded per sync
        # and what its answers add up to: every page is held until the one write
        kept_reads, self.client.read_budget = getattr(self.client, "read_budget", None), ReadBudget()
        try:
            return self._run(progress, cancellation)
        finally:
            self.client.retry_budget = kept
            self.client.read_budget = kept_reads

    def _run(self, progress: Progress | None, cancellation: Cancellation) -> ChangeSet:
        cancelled = cancellation.is_set
        result = ChangeSet(billing_enabled=True)
        changes = CacheChanges()
        version = self._check_version(result)
        if version is None:
            return ChangeSet(requests=result.requests)    # nothing changed since the last sync: one request
        if version:
            changes.config[VERSION_KEY] = version
        total = 2 + len(LISTS)
        step = 0

        def advance(label: str) -> None:
            nonlocal step
            if cancelled():
                raise SyncCancelled()
            step += 1
            if progress:
                progress(step, total, label)

        advance(translate("Sync", "Checking the panel"))
        public = self._get("public_settings", result)
        self._keep_config(changes, result, "public_settings", public)
        result.billing_enabled = bool(public.get("billing_enabled"))
        self._keep_config(changes, result, "me", self._get("me", result))
        advance(translate("Sync", "Reading billing settings"))
        if result.billing_enabled:
            fetched: dict[str, dict] = {}
            try:
                for key in BILLING_OBJECTS:
                    fetched[key] = self._get(key, result)
                if _currencies_differ(fetched):
                    # Credits are counted in the panel's currency: read in another, the operator changed it between
                    # the two reads (the balance would be written with the old one's symbol until the next sync).
                    # Both asked again, once; a panel whose answers still disagree is kept as it answered.
                    for key in ("billing_config", "credits"):
                        fetched[key] = self._get(key, result)
            except BillingDisabled:
                result.billing_enabled = False
            for key, value in fetched.items():
                self._keep_config(changes, result, key, value)
        if not result.billing_enabled:
            result.billing_reason = BILLING_OFF_REASON
        for resource in LISTS:
            advance(step_label(resource.name))
            if resource.billing and not result.billing_enabled:
                continue
            if resource.tickets and not public.get("tickets_enabled"):
                continue      # the operator has tickets off: what was cached stays, the screen says why
            try:
                self._sync_list(resource, changes, result, cancelled)
            except TicketsDisabled:
                if not resource.tickets:
                    raise
        try:
            plan = self.cache.plan(changes)
        except InvalidChanges as exc:
            # Everything in a sync's change-set came from the panel: a row the cache cannot take is the panel's
            # answer at fault, not the user's cache.
            text = translate("SyncEngine", "The panel sent an answer Sett does not understand: {error}")
            raise BadAnswer(text.format(error=exc), resource="sync") from None
        if cancelled():
            raise SyncCancelled()
        try:
            with cancellation.guarded(abort=self.cache.interrupt):
                self.cache.write(plan, before_commit=cancellation.check)
        except Cancelled:
            raise SyncCancelled() from None
        except CacheError:
            if cancelled():
                raise SyncCancelled() from None   # the quit interrupted the write: it rolled back
            raise
        return result

    def _check_version(self, result: ChangeSet) -> dict | None:
        """The cheap change check: None when the panel's version is the one the cache holds (the sync ends
        here), else the new version to keep with this sync's data ({} for a panel without `/sync/state`)."""
        ask = getattr(self.client, "sync_state", None)
        if ask is None or not self.check_version:
            return {}
        kept = self.cache.config(VERSION_KEY) or {}
        kept = kept if isinstance(kept, dict) else {}
        result.requests += 1
        try:
            state, etag = ask(etag=kept.get("etag") if isinstance(kept.get("etag"), str) else None)
        except BadAnswer as exc:
            # The cheap check is a shortcut: an answer to it Sett cannot use (a version of null, a 304 to no tag)
            # stopped every sync of the account, for good. The incremental sync runs instead, checking what it
            # reads, and no version is kept, so the next poll asks again.
            log.info("the change check of the panel gave an answer Sett cannot use; syncing in full: %s", exc)
            return {}
        except ApiError as exc:
            if exc.status in (404, 405):
                return {}             # an older panel: the full incremental sync
            raise
        if state is None:
            return None
        if not isinstance(state.get("version"), str) or not state["version"].strip():
            # Empty, or nothing once its direction controls were dropped: kept, it matched itself on every later
            # poll, and a panel that kept sending it was never synced again. Like any check Sett cannot use.
            log.info("the change check of the panel named no version; syncing in full")
            return {}
        version = {"version": state.get("version"), "etag": etag}
        if kept.get("version") is not None and kept.get("version") == version["version"]:
            return None
        return version

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
        # Each page after the first must be the one asked for, not page 1 again (app.api.paging).
        pages = PageCheck(resource.name, first, key=resource.key)
        for number in range(2, (first.total_pages or 1) + 1):   # at most limits.MAX_PAGES (list_page checks)
            if cancelled():
                raise SyncCancelled()
            result.requests += 1
            try:
                got = self.client.synced_list(resource.name, page=number, per_page=PER_PAGE, params=params)
            except NotFound:
                break         # a page that is not there (page 1 was): past the end too, as some panels say it
            if not got.data:
                # Past the end (the contract's answer to a page beyond the last): a total_pages the panel got wrong,
                # or a list that shrank meanwhile. Asking on cost a request per page it claimed, up to MAX_PAGES.
                break
            pages.take(number, got)
            rows += got.data
        if resource.key != "id":
            rows = [{**r, "id": r[resource.key]} for r in rows]
        rows = one_per_id(rows)
        # Rows seen again in the overlap window, unchanged, are neither written nor reported as changes.
        # Compared by the id as the cache keeps it (text): a panel may send ids as numbers.
        known = self.cache.versions(resource.table, [str(r["id"]) for r in rows])
        bare = unstamped(rows, known)
        live, gone = changed_rows(rows, known, self.cache.stored_json(resource.table, bare) if bare else None)
        if resource.detail:
            live = self._details(resource, live, result, cancelled)
        if live:
            changes.upserts.setdefault(resource.table, []).extend(live)
        if gone:
            changes.deletes.setdefault(resource.table, []).extend(gone)
        if live or gone:
            result.resources.add(resource.name)
            result.counts[resource.name] = len(live) + len(gone)
        # A server_time that cannot be a cursor is not stored: the previous one stays (None asks for everything).
        sent = first.meta.get("server_time")
        cursor = sent if first.server_time is not None and usable_cursor(sent) else state.get("server_time")
        changes.sync_state[resource.name] = {
            "etag": first.etag, "server_time": cursor if usable_cursor(cursor) else None,
            "last_synced_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        }

    def _details(self, resource: ListResource, rows: list[dict], result: ChangeSet,
                 cancelled: Callable[[], bool]) -> list[dict]:
        """Changed rows read whole (a ticket with its messages), so what changed is readable offline too."""
        out = []
        for index, row in enumerate(rows):
            if index >= MAX_DETAILS:
                out.append(row)
                continue
            if cancelled():
                raise SyncCancelled()
            result.requests += 1
            try:
                detail = one_asked(resource.name, row["id"], getattr(self.client, resource.detail)(row["id"]))
            except NotFound:
                out.append(row)       # gone between the list and its read: the list row, as the panel listed it
                continue
            # An invoice's detail adds its lines and payments: their currencies checked as the list row's were.
            in_currency = getattr(self.client, "in_account_currency", None)
            out.append(in_currency(resource.name, detail) if in_currency else detail)
        return out


def step_label(resource: str) -> str:
    """The status line's words for syncing one list ("Syncing invoices"), whole for each list so it translates."""
    labels = {
        "categories": translate("Sync", "Syncing categories"),
        "products": translate("Sync", "Syncing products"),
        "services": translate("Sync", "Syncing services"),
        "invoices": translate("Sync", "Syncing invoices"),
        "orders": translate("Sync", "Syncing orders"),
        "credit_transactions": translate("Sync", "Syncing credit transactions"),
        "notifications": translate("Sync", "Syncing notifications"),
        "tickets": translate("Sync", "Syncing tickets"),
    }
    return labels.get(resource) or translate("Sync", "Syncing {list}").format(list=resource.replace("_", " "))
