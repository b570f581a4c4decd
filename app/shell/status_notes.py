"""The window's banners and status line, following the sessions: every note of the current account (and the
notes of no account) as a banner, and how the current account's panel can be reached in the status bar."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from app.core.formatting import time_text
from app.core.text import translate
from app.session import GLOBAL, Sessions
from app.session.wording import link_state


class StatusNotes(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        sessions.notes_changed.connect(self._notes_changed)
        sessions.status_changed.connect(self._status_changed)
        sessions.current_changed.connect(lambda _aid: self.show_all())
        sessions.changed.connect(lambda aid, _changes: self._status_changed(aid))
        sessions.sync.progress.connect(self._progress)
        self._shown: dict[str, tuple[str, str]] = {}    # banner key -> (level, text) last put up
        self._owner: str | None = None                  # the account whose banners are up

    def _notes_changed(self, account_id: str) -> None:
        if account_id in (GLOBAL, self.sessions.current_id):
            self.show_notes()

    def _status_changed(self, account_id: str) -> None:
        if account_id == self.sessions.current_id:
            self.show_status()
        self.show_states()

    def show_states(self) -> None:
        """Every account's state, in the switcher (each account's tooltip, the current one's line)."""
        running = self.sessions.sync.is_running
        self.window.switcher.set_states({s.id: link_state(s, running(s.id)) for s in self.sessions.all()})

    def _progress(self, account_id: str, done: int, total: int, label: str) -> None:
        if account_id == self.sessions.current_id:
            self.window.status.set_progress(done, total, label)

    def show_all(self) -> None:
        self.show_notes()
        self.show_status()
        self.show_states()

    def show_notes(self) -> None:
        """The notes of no account, then the current account's, as banners: a note dropped meanwhile loses its
        banner; one the user dismissed comes back only when it says something new, or after a switch of account."""
        current = self.sessions.current
        owner = current.id if current is not None else None
        if owner != self._owner:
            self._shown = {k: v for k, v in self._shown.items() if k.startswith(f"{GLOBAL}:")}
            self._owner = owner
        wanted = {f"{GLOBAL}:{key}": note for key, note in self.sessions.global_notes.items()}
        if current is not None:
            wanted.update({f"{current.id}:{key}": note for key, note in current.notes.items()})
        for key in [k for k in self.window.banners if k not in wanted]:
            self.window.clear_banner(key)
        self._shown = {k: v for k, v in self._shown.items() if k in wanted}
        for key, note in wanted.items():
            if self._shown.get(key) != (note.level, note.text):
                self.window.show_banner(key, note.level, note.text, note.action)
                self._shown[key] = (note.level, note.text)

    def show_status(self) -> None:
        session = self.sessions.current
        status = self.window.status
        if session is None:
            status.set_connection("none")
            return
        if session.needs_login:
            status.set_connection("signed_out", translate("StatusNotes", "sign in to sync"))
        elif "cache" in session.notes:
            status.set_connection("error", translate("StatusNotes", "the data saved on this computer needs attention"))
        elif session.link.offline:
            since = session.link.since
            if since is None:
                text = translate("StatusNotes", "{host} cannot be reached; showing saved data")
            else:
                text = translate("StatusNotes", "{host} cannot be reached since {time}; showing saved data")
            status.set_connection("offline", text.format(host=session.host,
                                                         time=time_text(since) if since is not None else ""))
        elif session.link.online:
            status.set_connection("online", session.host)
        else:
            status.set_connection("unknown", session.host)
        if self.sessions.sync.is_running(session.id):
            if not status.syncing:
                status.start_progress()
        else:
            status.finish_progress()
        when = session.last_synced or _cached_sync_time(session.data)
        status.set_last_synced(when)
        # The dashboard says it too: a sync that changed nothing redraws no screen, so it is told here, as the
        # status bar is (it kept the previous sync's time while the status bar said "just now").
        if self.window.sections.is_built("dashboard") and when is not None:
            self.window.sections["dashboard"].set_last_synced(when)


def _cached_sync_time(data) -> datetime | None:
    if data is None or not data.last_synced_at:
        return None
    try:
        return datetime.fromisoformat(data.last_synced_at.replace("Z", "+00:00"))
    except ValueError:
        return None
