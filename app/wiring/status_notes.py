"""Notes shown as banners (per account, or GLOBAL for none) and the status bar's connection line: part of
Application."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.views.account_switcher import host_of

GLOBAL = ""   # banners that belong to no account


@dataclass
class Note:
    level: str
    text: str
    action: tuple[str, Callable[[], None]] | None = None


class StatusNotes:
    """Mixed into Application: keeps `notes` per account and shows the current account's (and GLOBAL's) as
    banners; the status bar shows how the current account's panel can be reached."""

    def note(self, account_id: str, key: str, level: str, text: str,
             action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.notes.setdefault(account_id, {})[key] = Note(level, text, action)
        if account_id in (GLOBAL, self.current_id):
            self.window.show_banner(f"{account_id}:{key}", level, text, action)

    def clear_note(self, account_id: str, key: str) -> None:
        self.notes.get(account_id, {}).pop(key, None)
        self.window.clear_banner(f"{account_id}:{key}")

    def _show_notes(self) -> None:
        self.window.clear_banners("")
        for account_id in [GLOBAL] + ([self.current_id] if self.current_id else []):
            for key, note in self.notes.get(account_id, {}).items():
                self.window.show_banner(f"{account_id}:{key}", note.level, note.text, note.action)

    def _show_status(self) -> None:
        account_id = self.current_id
        status = self.window.status
        if account_id is None:
            status.set_connection("none")
            return
        link = self._link(account_id)
        if account_id in self.needs_login:
            status.set_connection("signed_out", "sign in to sync")
        elif "cache" in self.notes.get(account_id, {}):
            status.set_connection("error", "the data saved on this computer needs attention")
        elif link.offline:
            status.set_connection("offline", f"{host_of(self.current.panel_url)} cannot be reached; "
                                             "showing saved data")
        elif link.online:
            status.set_connection("online", host_of(self.current.panel_url))
        else:
            status.set_connection("unknown", host_of(self.current.panel_url))
        if not self.sync.is_running(account_id):
            status.finish_progress()
        status.set_last_synced(self.last_synced.get(account_id) or self._cached_sync_time(account_id))

    def _cached_sync_time(self, account_id: str) -> datetime | None:
        data = self.data.get(account_id)
        if data is None or not data.last_synced_at:
            return None
        try:
            return datetime.fromisoformat(data.last_synced_at.replace("Z", "+00:00"))
        except ValueError:
            return None

    def _panel_name(self, account_id: str) -> str | None:
        data = self.data.get(account_id)
        name = (data.public_settings or {}).get("panel_name") if data else None
        account = self.accounts.get(account_id)
        return name or (host_of(account.panel_url) if account else None)
