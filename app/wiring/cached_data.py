"""Each account's cached data read on a worker and put on the screens, and rebuilding a damaged cache: part of
Application."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer

from app import paths
from app.cache import AccountCache
from app.snapshot import AccountData, read_account_data
from app.sync import ChangeSet
from app.sync.resources import BILLING_OFF_REASON

log = logging.getLogger("app.application")   # one logger for all of the Application's parts


class CachedData:
    """Mixed into Application: `data` holds each account's AccountData once read; the newest read wins."""

    def _load(self, account_id: str, changed: set[str] | None = None, after_sync: ChangeSet | None = None) -> None:
        generation = self._loading[account_id] = self._loading.get(account_id, 0) + 1

        def done(data: AccountData) -> None:
            QTimer.singleShot(0, self.sync.release)     # after this data is painted (start-up holds syncs)
            if self._loading.get(account_id) != generation or self.accounts.get(account_id) is None:
                return
            first = account_id not in self.data
            self.data[account_id] = data
            if account_id not in self.billing:
                self.billing[account_id] = (data.billing_enabled, None if data.billing_enabled else BILLING_OFF_REASON)
            if account_id == self.current_id:
                enabled, reason = self.billing[account_id]
                self.window.set_billing(enabled, reason, self._panel_name(account_id))
                self.window.show_account_data(data, None if first else changed)
                self._show_status()
            self.data_shown.emit(account_id, data)
            if after_sync is not None:
                self.synced.emit(account_id, after_sync)

        def failed(error: BaseException) -> None:
            self.sync.release()
            if self._loading.get(account_id) != generation:
                return
            self._sync_error(account_id, error)

        self.runner.run(lambda: read_account_data(account_id), done, failed)

    def rebuild_cache(self, account_id: str) -> None:
        path = paths.account_cache(account_id)

        def work() -> Path | None:
            cache = AccountCache.rebuild(path)
            cache.close()
            return cache.damaged_copy

        def done(moved: Path | None) -> None:
            log.info("rebuilt the cache of %s; the damaged file is kept at %s", account_id, moved)
            self.clear_note(account_id, "cache")
            self.data.pop(account_id, None)
            self.sync.sync(account_id)

        self.runner.run(work, done, lambda e: self._sync_error(account_id, e))
