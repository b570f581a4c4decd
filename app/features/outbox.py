"""The Outbox in the window: the status bar's Outbox button (how many actions wait for the current account's panel)
and the Outbox dialog it opens, following the current account; its edits and removals run as operations."""
from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed
from app.views.outbox import OutboxButton, OutboxDialog


class OutboxFeature(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.outbox = sessions.outbox
        self.button = OutboxButton(window.status)
        window.status.addPermanentWidget(self.button)
        self.button.clicked.connect(self.open)
        self.dialog: OutboxDialog | None = None
        self.outbox.changed.connect(self._changed)
        sessions.current_changed.connect(lambda _aid: self._changed(sessions.current_id))

    @property
    def session(self) -> AccountSession | None:
        return self.sessions.current

    def _changed(self, account_id: str | None) -> None:
        if account_id != self.sessions.current_id:
            return
        # No account (the last one removed): nothing waits; the removed account's count stayed on the button.
        self.button.set_count((self.outbox.pending.get(account_id) or 0) if account_id is not None else 0)
        if self.dialog is not None:
            self.refresh()

    def open(self) -> OutboxDialog:
        if self.dialog is None:
            dialog = OutboxDialog(self.window)
            dialog.edit_requested.connect(self.edit)
            dialog.remove_requested.connect(self.remove)
            dialog.retry_requested.connect(self.retry)
            dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            self.dialog = dialog
        self.refresh()
        self.dialog.show()
        # Opened again while it is behind the window (it is not modal): brought to the front with the keyboard's
        # focus, as Notifications is, so Escape closes it instead of going back a page in the window.
        self.dialog.activateWindow()
        return self.dialog

    def refresh(self) -> None:
        session = self.session
        if self.dialog is None:
            return
        if session is None:
            self.dialog.set_entries([])     # the removed account's entries went with it
            return
        account_id = session.id

        def show(rows: list[dict]) -> None:
            if self.dialog is not None and self.sessions.current_id == account_id:
                self.dialog.set_entries(rows)
        self.outbox.entries(session, show)

    def edit(self, key: str, reason: str) -> None:
        if self.session is not None:
            self.outbox.edit_reason(self.session, key, reason, self._failed)

    def remove(self, key: str) -> None:
        if self.session is not None:
            self.outbox.remove(self.session, key, self._failed, on_done=self._removed)

    def _removed(self, draft_of: str | None) -> None:
        """A dismissed reply that never reached the panel: where its text is now."""
        if draft_of and self.dialog is not None:
            self.dialog.show_problem(translate("OutboxFeature", "Its text is back in the ticket's reply box: open "
                                                                "the ticket in Support to change it or send it "
                                                                "again."))

    def retry(self, key: str) -> None:
        if self.session is not None:
            self.outbox.retry(self.session, key, self._failed)

    def _failed(self, error: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.show_problem(action_failed(error))
        self.refresh()


def install(sessions: Sessions, window) -> OutboxFeature:
    feature = OutboxFeature(sessions, window)
    for session in sessions.all():
        # The button's count from each account's saved outbox: read once the start's saved data is painted.
        sessions.when_started(lambda aid=session.id: sessions.outbox.count(aid))
    return feature
