"""The sync controller's jobs and results (progress, banners, the one login prompt) and the retry schedule while a
panel cannot be reached; one-off panel calls for features: part of Application."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer

from app import paths
from app.api import ApiError, AuthRequired, BillingDisabled, Cancellation, Cancelled, NetworkError, PanelClient
from app.cache import AccountCache, CacheDamaged, CacheError
from app.connectivity import Connectivity
from app.sync import ChangeSet, SyncCancelled, SyncEngine
from app.sync.resources import BILLING_OFF_REASON
from app.views.account_switcher import host_of
from app.views.form_parts import explain

log = logging.getLogger("app.application")   # one logger for all of the Application's parts


class SyncWiring:
    """Mixed into Application: `links` holds each account's Connectivity; a sync that fails offline is retried
    on a timer, backing off from `retry_base` to `retry_cap` seconds."""

    def open_client(self, account_id: str, cancellation: Cancellation | None = None) -> PanelClient:
        """On a worker: a client with the account's saved login; tokens a refresh rotates are saved back. Its
        requests are abandoned by `cancellation`, by default the one of the task it runs in (set on quit)."""
        account = self.accounts.get(account_id)
        if account is None:
            raise SyncCancelled()
        credentials = self.secrets.load(account_id)
        if credentials is None:
            raise AuthRequired("Sett has no saved login for this account; sign in again.")
        return PanelClient(account.panel_url, credentials, timeout=self.request_timeout, max_retries=2,
                           on_credentials=lambda new: self.secrets.save(account_id, new), cancellation=cancellation)

    def is_online(self, account_id: str | None) -> bool | None:
        """False when the panel cannot be asked now (offline, or signed out); None while not known yet."""
        if account_id is None or account_id in self.needs_login:
            return False
        link = self.links.get(account_id)
        if link is None:
            return None
        return False if link.offline else (True if link.online else None)

    def call(self, account_id: str, work: Callable[[PanelClient], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> int:
        """One-off panel call for an account (apply a coupon, start a checkout): `work(client)` runs on the task
        runner; a login that ended raises the one login prompt before `on_error` hears of it."""
        def run() -> Any:
            with self.open_client(account_id) as client:
                return work(client)

        def failed(error: BaseException) -> None:
            if isinstance(error, AuthRequired):
                self._sync_error(account_id, error)   # the same banner and single prompt as a sync's
            on_error(error)
        return self.runner.run(run, on_done, failed)

    def _make_job(self, account_id: str):
        cache_path = paths.account_cache(account_id)

        def job(progress, cancellation: Cancellation) -> ChangeSet:
            with self.open_client(account_id, cancellation) as client, AccountCache(cache_path) as cache:
                return SyncEngine(client, cache).run(progress=progress, cancellation=cancellation)
        return job

    def sync_now(self) -> None:
        account_id = self.current_id
        if account_id is None:
            return
        if account_id in self.needs_login:
            self._prompted.discard(account_id)   # the user asked: ask them again
            self.auth_required.emit(account_id)
            return
        self.sync.sync(account_id)

    def _link(self, account_id: str) -> Connectivity:
        link = self.links.get(account_id)
        if link is None:
            link = self.links[account_id] = Connectivity(self.retry_base, self.retry_cap)
        return link

    def _sync_started(self, account_id: str) -> None:
        if account_id == self.current_id:
            self.window.status.start_progress()

    def _sync_progress(self, account_id: str, done: int, total: int, label: str) -> None:
        if account_id == self.current_id:
            self.window.status.set_progress(done, total, label)

    def _sync_finished(self, account_id: str, changes: ChangeSet) -> None:
        if self.accounts.get(account_id) is None:
            return
        log.info("synced %s: %d requests, changed %s", account_id, changes.requests,
                 ", ".join(sorted(changes.resources)) or "nothing")
        if self._link(account_id).reached():
            self.note(account_id, "offline", "success", "Back online: the panel is reachable again.")
        else:
            self.clear_note(account_id, "offline")
        for key in ("sync", "cache"):
            self.clear_note(account_id, key)
        self.last_synced[account_id] = datetime.now(UTC)
        self.billing[account_id] = (changes.billing_enabled, changes.billing_reason)
        if account_id == self.current_id:
            self.window.set_billing(changes.billing_enabled, changes.billing_reason, self._panel_name(account_id))
        if changes.resources or account_id not in self.data:
            self._load(account_id, set(changes.resources), after_sync=changes)
        else:
            self.synced.emit(account_id, changes)
        self._show_status()

    def _sync_error(self, account_id: str, error: BaseException) -> None:
        account = self.accounts.get(account_id)
        if account is None or isinstance(error, Cancelled):
            return   # cancelled on quit, or the account is gone: nothing went wrong that anyone should see
        if isinstance(error, NetworkError):
            link = self._link(account_id)
            started = link.unreachable(str(error))
            delay = link.retry_in()
            (log.warning if started else log.info)("%s is offline: %s (next try in %.0f s)", account_id, error,
                                                   delay)
            self.note(account_id, "offline", "warning",
                      f"Offline: {error} Sett shows the data saved on this computer and reconnects by itself.")
            self._schedule_retry(account_id, delay)
        elif isinstance(error, AuthRequired):
            log.warning("the login of account %s ended: %s", account_id, error)
            self._link(account_id).reached()
            self.needs_login.add(account_id)
            self._auth_reasons[account_id] = str(error)
            if account_id in self.sync.accounts:
                self.sync.accounts.remove(account_id)
            self.note(account_id, "login", "warning", f"You are signed out of {account.name}. {error}",
                      ("Sign in", lambda: self._ask_login(account_id, force=True)))
            self.auth_required.emit(account_id)
        elif isinstance(error, CacheDamaged):
            log.error("cache of account %s: %s", account_id, error)
            self.note(account_id, "cache", "error", str(error), ("Rebuild", lambda: self.rebuild_cache(account_id)))
        elif isinstance(error, CacheError):
            log.error("cache of account %s: %s", account_id, error)
            self.note(account_id, "cache", "error", str(error))
        elif isinstance(error, BillingDisabled):
            self.billing[account_id] = (False, BILLING_OFF_REASON)
            if account_id == self.current_id:
                self.window.set_billing(False, BILLING_OFF_REASON, self._panel_name(account_id))
        elif isinstance(error, ApiError):
            self._link(account_id).reached()
            headline, detail = explain(error)
            log.error("sync of account %s failed: %r", account_id, error)
            self.note(account_id, "sync", "error", f"Sync with {host_of(account.panel_url)} failed. {headline}"
                      + (f" {detail}" if detail and detail != headline else ""))
        else:
            log.error("sync of account %s failed unexpectedly", account_id, exc_info=error)
            self.note(account_id, "sync", "error", f"Sync failed unexpectedly: {error}. Details are in the log.")
        self._show_status()
        self.sync_failed.emit(account_id, error)

    def _schedule_retry(self, account_id: str, delay: float) -> None:
        timer = self._retry_timers.get(account_id)
        if timer is None:
            timer = self._retry_timers[account_id] = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._retry(account_id))
        timer.start(int(delay * 1000))

    def _retry(self, account_id: str) -> None:
        if self.accounts.get(account_id) is not None and self._link(account_id).offline and not self._shut_down:
            self.sync.sync(account_id)
