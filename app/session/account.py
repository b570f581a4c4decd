"""`AccountSession`: everything Sett holds for one account while it runs, and the only road from Qt code to that
account's panel and cache.

It owns the account's link (online, offline, since when), its login state, the data on screen, its cart, its
notes and its retry timer. Work for the account runs on the account's one worker (the sync controller's runner
for it), so its syncs and operations never overlap: `run(operation, ...)` for an action, `sync()` for a sync.
An operation marked `local` (it never asks the panel: queueing in the outbox) runs on the account's local lane
instead, so it never waits behind a request the worker is held in.
Both end in a change-set; the session then re-reads what the screens show and emits `changed`, the one signal
screens redraw on.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.api import (
    ApiError,
    AuthRequired,
    BillingDisabled,
    Cancellation,
    Cancelled,
    NetworkError,
    RateLimited,
)
from app.cache import CacheDamaged, CacheError
from app.core.account_data import BILLING_OFF_REASON, AccountData
from app.core.changes import ChangeSet
from app.core.text import translate

from .accounts import Account, host_of
from .after_paint import after_paint
from .cart import CartModel
from .connectivity import Connectivity
from .data import read_account_data
from .notes import Note
from .operations import Context, Done, NoPanelHere, execute, is_local
from .wording import explain

if TYPE_CHECKING:
    from app.api import PanelClient

    from .sessions import Sessions

log = logging.getLogger("app.session")


def merged(earlier: ChangeSet | None, later: ChangeSet) -> ChangeSet:
    """One change-set for two reads' worth of changes: both resources; "sync" if either is (a sync's end is
    announced as such: `Sessions.synced` follows it), else "cache" if either is (redraw everything), else the later
    one's source."""
    if earlier is None:
        return later
    sources = {earlier.source, later.source}
    source = "sync" if "sync" in sources else "cache" if "cache" in sources else later.source
    both = ChangeSet(source=source, billing_enabled=later.billing_enabled if later.billing_enabled is not None
                     else earlier.billing_enabled, billing_reason=later.billing_reason or earlier.billing_reason)
    return both.merge(earlier).merge(later)


def _no_panel(cancellation: Cancellation | None = None) -> PanelClient:
    raise NoPanelHere("An operation of the local lane asked for the panel; it must run on the account's worker.")


class NoSavedLogin(AuthRequired):
    """The account has no login saved on this computer (a key kept in memory only, a keyring reset): asked for
    again like an ended login, but nothing was refused and the panel was not asked."""


# The longest a sync's 429 holds the account's later syncs (the panel may ask up to a day, retry.RETRY_AFTER_MAX): a
# quarter of an hour, the panel's own lock after failed logins, so a proxy's absurd Retry-After cannot stop syncing.
MAX_QUIET_SECONDS = 15 * 60


class AccountSession(QObject):
    changed = Signal(object)          # ChangeSet: its data is now in `data` (emitted after every read)
    sync_failed = Signal(object)      # the error, after the session's state and notes took it in
    notes_changed = Signal()
    status_changed = Signal()         # online, offline, signed out, syncing, billing: the status line's facts

    def __init__(self, account: Account, hub: Sessions) -> None:
        super().__init__(hub)
        self.account = account
        self.hub = hub
        self.link = Connectivity(hub.retry_base, hub.retry_cap)
        self.data: AccountData | None = None
        self.billing: tuple[bool, str | None] | None = None    # (enabled, why not): None until known
        self.last_synced: datetime | None = None
        self.needs_login = False
        self.auth_reason = ""             # what the panel said when the login ended
        self.signed_out_by_user = False   # the login ended because the user signed out (Manage accounts)
        self.login_missing = False        # asked for because none is saved here, not because the panel refused it
        self.notes: dict[str, Note] = {}
        self.back_online = False          # the last sync ended an offline spell
        self.cart = CartModel(self)
        self._loading = 0                 # generation of the newest read of the cache
        self._read = 0                    # generation of the newest read that finished (or failed)
        self._after_read: list[Callable[[], None]] = []    # callers waiting for the newest read to be on screen
        self._unannounced: ChangeSet | None = None         # what reads still in flight changed, merged
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._retry_sync)
        self.closed = False
        self.removed = False              # the account was removed (closed for good; quitting only closes)
        self._quiet_until = 0.0           # time.monotonic() before which the panel asked not to be synced (429)

    @property
    def id(self) -> str:
        return self.account.id

    def asked_to_wait(self) -> float:
        """Seconds the panel's last Retry-After (a sync's 429) still asks Sett to wait before syncing, or 0."""
        return max(0.0, self._quiet_until - time.monotonic())

    @property
    def host(self) -> str:
        return host_of(self.account.panel_url)

    @property
    def online(self) -> bool | None:
        """False when the panel cannot be asked now (offline, or signed out); None while not known yet."""
        if self.needs_login:
            return False
        return False if self.link.offline else (True if self.link.online else None)

    @property
    def reachable(self) -> bool:
        """Whether an action should try the panel: unknown counts (the action itself says if it cannot)."""
        return self.online is not False

    @property
    def panel_name(self) -> str:
        name = ((self.data.public_settings or {}).get("panel_name") if self.data else None)
        return str(name or self.host)

    # -- the worker ---------------------------------------------------------------------------------------------
    def open_client(self, cancellation: Cancellation | None = None) -> PanelClient:
        """On the worker: a client with the account's saved login; tokens a refresh rotates are saved back. From
        now on the worker is waiting on the panel, so the account's local lane no longer waits for it."""
        from app.api import PanelClient  # requests loads with the first client, on a worker: not at start-up

        self.hub.sync.asking_panel(self.id)

        credentials = self.hub.secrets.load(self.id)
        if credentials is None:
            raise NoSavedLogin(translate("AccountSession", "Sett has no saved login for this account; sign in again."))
        return PanelClient(self.account.panel_url, credentials, timeout=self.hub.request_timeout, max_retries=2,
                           on_credentials=self._keep_rotated, cancellation=cancellation)

    def _keep_rotated(self, credentials) -> None:
        """On the worker: a refresh rotated the tokens, so the new pair replaces the saved one. Not for an account
        that was removed or signed out meanwhile (a sync already running refreshed after the login left the
        keyring): saving then put a removed account's login back in the keyring, or a signed-out one's."""
        if self.removed or self.signed_out_by_user:
            log.info("a refreshed login of %s was not kept: the account was removed or signed out", self.id)
            return
        self.hub.secrets.save(self.id, credentials)

    def run(self, operation: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> int:
        """`operation(ctx, *args, **kwargs)` on the account's worker, or, for an operation marked `local` (it never
        asks the panel: queueing in the outbox, its entries and count), on the account's local lane, so a request
        the worker waits on does not hold it. Whatever it changed is read back and handed to the screens
        (`changed`) before `on_done(value)` runs; a login that ended raises the one login prompt before `on_error`
        hears of it."""
        name = getattr(operation, "__name__", "operation")
        local = is_local(operation)

        def work() -> Done:
            if self.removed:
                # Queued behind the account's removal: opening its cache now would make the file and its folder
                # again, after the removal took them away. (Quitting is not removing: what was queued before a
                # quit, a cart edit written behind, still gets its write.)
                raise Cancelled(f"{name} of a removed account")
            return execute(Context(self.id, _no_panel if local else self.open_client, name), operation, args, kwargs)

        def done(result: Done) -> None:
            if self.closed:
                return
            if result.patches and self.data is not None and not self._after_read and self._unannounced is None:
                self.data = dataclasses.replace(self.data, **result.patches)
                self.changed.emit(result.changes)
            elif result.changes:
                self.reload(result.changes, then=lambda: on_done(result.value) if on_done is not None else None)
                return
            if on_done is not None:
                on_done(result.value)

        def failed(error: BaseException) -> None:
            if self.closed:
                return
            changes = getattr(error, "changes", None)
            if isinstance(changes, ChangeSet) and changes:
                self.reload(changes)
            if isinstance(error, AuthRequired):
                self.took_error(error)
            elif isinstance(error, NetworkError) and not self.link.offline:
                self.sync()      # the sync notices the panel is gone and says so everywhere
            if on_error is not None:
                on_error(error)
            elif not isinstance(error, Cancelled):
                log.error("%s of account %s failed: %r", name, self.id, error)
        lane = self.hub.sync.run_local if local else self.hub.sync.run
        return lane(self.id, work, done, failed)

    def sync(self) -> None:
        if not self.closed:
            self.hub.sync.sync(self.id)

    # -- what the screens show ------------------------------------------------------------------------------------
    def reload(self, changes: ChangeSet | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the account's data from its cache on a worker; the newest read wins. Then `changed` tells every
        screen (a "cache" change-set on the first read: everything is new), and `then()` runs, once the newest read
        (which holds this one's changes too) is on screen. A read overtaken by a newer one hands its change-set on:
        the newest read's `changed` names what both changed, so no screen misses a change."""
        self._loading += 1
        generation = self._loading
        if then is not None:
            self._after_read.append(then)
        self._unannounced = merged(self._unannounced, changes or ChangeSet(source="cache"))

        def done(data: AccountData) -> None:
            self._read = max(self._read, generation)
            # Start-up holds syncs until saved data is painted: released once this data is on the screen.
            after_paint(self.hub, self.hub.release_syncs)
            if self.closed or generation != self._loading:
                return
            self.data = data
            if self.billing is None:
                self.billing = (data.billing_enabled, None if data.billing_enabled else BILLING_OFF_REASON)
            self.cart.loaded_from(data)
            announce, self._unannounced = self._unannounced, None
            self.changed.emit(announce)
            self._run_after_read()

        def failed(error: BaseException) -> None:
            self._read = max(self._read, generation)
            self.hub.release_syncs()
            if generation == self._loading and not self.closed:
                self.took_error(error)
                self._run_after_read()
        self.hub.runner.run(lambda: read_account_data(self.id), done, failed)

    @property
    def reading(self) -> bool:
        """A read of the cache is under way (its data reaches the screens when it ends)."""
        return self._read < self._loading

    def _run_after_read(self) -> None:
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    # -- notes --------------------------------------------------------------------------------------------------
    def note(self, key: str, level: str, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.notes[key] = Note(level, text, action)
        self.notes_changed.emit()

    def clear_note(self, key: str) -> None:
        if self.notes.pop(key, None) is not None:
            self.notes_changed.emit()

    # -- a sync's end -------------------------------------------------------------------------------------------
    def sync_finished(self, changes: ChangeSet) -> None:
        self._quiet_until = 0.0
        log.info("synced %s: %d requests, changed %s", self.id, changes.requests,
                 ", ".join(sorted(changes.resources)) or "nothing")
        self.back_online = self.link.reached()
        if self.back_online:
            self.note("offline", "success", translate("AccountSession", "Back online: the panel is reachable again."))
        else:
            self.clear_note("offline")
        for key in ("sync", "cache"):
            self.clear_note(key)
        self.last_synced = datetime.now(UTC)
        if changes.billing_enabled is not None:
            self.billing = (changes.billing_enabled, changes.billing_reason)
        self.status_changed.emit()
        if changes.resources or self.data is None:
            self.reload(changes)
        else:
            self.changed.emit(changes)

    def took_error(self, error: BaseException) -> None:
        """A sync's or a read's failure: the session's state, its notes, and the retry schedule."""
        if self.closed or isinstance(error, Cancelled):
            return   # cancelled on quit, or the account is gone: nothing went wrong that anyone should see
        if isinstance(error, RateLimited) and error.retry_after:
            # Honoured across syncs too: the next poll (every minute) asked again long before a wait the panel set
            # at minutes, and every refused sync counted against its limit again.
            self._quiet_until = max(self._quiet_until, time.monotonic() + min(error.retry_after, MAX_QUIET_SECONDS))
        if isinstance(error, NetworkError):
            started = self.link.unreachable(str(error))
            delay = self.link.retry_in()
            (log.warning if started else log.info)("%s is offline: %s (next try in %.0f s)", self.id, error, delay)
            self.note("offline", "warning",
                      translate("AccountSession", "Offline: {error} Sett shows the data saved on this computer and "
                                                  "reconnects by itself.").format(error=error))
            self._retry.start(int(delay * 1000))
        elif isinstance(error, AuthRequired):
            log.warning("the login of account %s ended: %s", self.id, error)
            self.login_missing = isinstance(error, NoSavedLogin)
            if not self.login_missing:
                self.link.reached()       # the panel answered (it refused the login); without one nothing was asked
            self.needs_login = True
            self.auth_reason = str(error)
            self.hub.sync.pause(self.id)
            signed_out = translate("AccountSession", "You are signed out of {account}. {reason}").format(
                account=self.account.name, reason=error)
            self.note("login", "warning", signed_out,
                      (translate("AccountSession", "Sign in"), lambda: self.hub.ask_login(self.id, force=True)))
            self.hub.auth_required.emit(self.id)
        elif isinstance(error, CacheDamaged):
            log.error("cache of account %s: %s", self.id, error)
            self.note("cache", "error", str(error), (translate("AccountSession", "Rebuild"), self.rebuild_cache))
        elif isinstance(error, CacheError):
            log.error("cache of account %s: %s", self.id, error)
            self.note("cache", "error", str(error))
        elif isinstance(error, BillingDisabled):
            self.billing = (False, BILLING_OFF_REASON)
        elif isinstance(error, ApiError):
            self.link.reached()
            headline, detail = explain(error)
            log.error("sync of account %s failed: %r", self.id, error)
            if detail and detail != headline:
                text = translate("AccountSession", "Sync with {host} failed. {headline} {detail}").format(
                    host=self.host, headline=headline, detail=detail)
            else:
                text = translate("AccountSession", "Sync with {host} failed. {headline}").format(host=self.host,
                                                                                               headline=headline)
            self.note("sync", "error", text)
        else:
            log.error("sync of account %s failed unexpectedly", self.id, exc_info=error)
            self.note("sync", "error", translate("AccountSession", "Sync failed unexpectedly: {error}. Details are in "
                                                                   "the log.").format(error=error))
        self.status_changed.emit()
        self.sync_failed.emit(error)

    def _retry_sync(self) -> None:
        if not self.link.offline or self.closed:
            return
        if self.hub.prober.running:
            # The prober asks the panel on the same schedule with a short timeout and starts the sync when it
            # answers; a full sync against a silent panel would hold the account's worker for its whole timeouts.
            return
        self.sync()

    def sign_out(self) -> None:
        """What the hub's `sign_out` does to the session: signed out like an ended login, in the user's words."""
        self.signed_out_by_user = True
        self.took_error(AuthRequired(translate("AccountSession", "What Sett saved stays readable; signing in syncs "
                                                                 "again.")))

    def signed_in(self) -> None:
        """A new login was saved: sync again."""
        self.needs_login = False
        self.signed_out_by_user = False
        self.login_missing = False
        self.clear_note("login")
        self.hub.sync.resume(self.id)
        self.status_changed.emit()
        self.sync()

    def rebuild_cache(self) -> None:
        from app.cache import rebuild_account_cache

        def done(moved) -> None:
            log.info("rebuilt the cache of %s; the damaged file is kept at %s", self.id, moved)
            self.clear_note("cache")
            self.data = None
            self.sync()
        self.hub.runner.run(lambda: rebuild_account_cache(self.id), done, self.took_error)

    def close(self) -> None:
        """The account is removed, or Sett quits: nothing of it runs or reaches a screen after this."""
        self.closed = True
        self._retry.stop()
        self.hub.sync.forget(self.id)
