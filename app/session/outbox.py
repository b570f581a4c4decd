"""`Outbox`: every account's queue of actions that wait for its panel (app.core.outbox), seen from Qt.

Features queue through it (`queue(session, operation, ...)`: an operation of app.session.operations.outbox that
writes the entry, its key fixed then); the Outbox view reads and edits through it. Those never ask the panel and
run on the account's local lane (`local` operations), so a request the worker is waiting on never holds them.
After every successful sync of an account, its pending entries are replayed on the account's worker, in order,
each exactly once; what was sent or refused is said in a note (refusals stay in the outbox until dismissed), and
`changed(account_id)` tells the view to read the entries again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.api import new_idempotency_key
from app.core.changes import ChangeSet
from app.core.text import translate

from .operations import outbox as outbox_ops
from .wording import action_failed

if TYPE_CHECKING:
    from .account import AccountSession
    from .sessions import Sessions

log = logging.getLogger("app.session.outbox")


class Outbox(QObject):
    changed = Signal(str)          # account id: its entries changed (queued, edited, sent, refused, removed)
    replayed = Signal(str, object)  # account id, outbox_ops.Replayed: after a replay that sent or refused something

    def __init__(self, hub: Sessions) -> None:
        super().__init__(hub)
        self.hub = hub
        self.pending: dict[str, int] = {}      # account id -> entries waiting (None until first read)
        self._replaying: set[str] = set()
        hub.synced.connect(lambda aid, _changes: self.replay(aid))
        hub.sync_failed.connect(self._after_failed_sync)
        hub.changed.connect(self._changed)
        hub.accounts_changed.connect(self._forget_removed)

    @staticmethod
    def new_key() -> str:
        return new_idempotency_key()

    def _changed(self, account_id: str, changes: ChangeSet) -> None:
        if outbox_ops.OUTBOX in changes:
            self.count(account_id)
            self.changed.emit(account_id)

    def _forget_removed(self) -> None:
        """A removed account's count goes with it (its outbox went with its cache): nothing waits for it now."""
        for account_id in [aid for aid in self.pending if self.hub.get(aid) is None]:
            del self.pending[account_id]
            self._replaying.discard(account_id)
            self.changed.emit(account_id)

    # -- what features and the view ask ------------------------------------------------------------------------
    def queue(self, session: AccountSession, operation: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        session.run(operation, *args, on_done=on_done, on_error=on_error)

    def entries(self, session: AccountSession, on_done: Callable[[list[dict]], None]) -> None:
        session.run(outbox_ops.entries, on_done=on_done,
                    on_error=lambda e: session.note("outbox", "error", translate(
                        "Outbox", "The outbox could not be read. {reason}").format(reason=action_failed(e))))

    def edit_reason(self, session: AccountSession, key: str, reason: str,
                    on_error: Callable[[BaseException], None]) -> None:
        session.run(outbox_ops.edit_reason, key, reason, on_error=on_error)

    def remove(self, session: AccountSession, key: str, on_error: Callable[[BaseException], None],
               on_done: Callable[[str | None], None] | None = None) -> None:
        """`on_done(ticket_id)`: the ticket a dismissed reply's text went back to as a draft, or None."""
        session.run(outbox_ops.remove, key, on_done=on_done, on_error=on_error)

    def retry(self, session: AccountSession, key: str, on_error: Callable[[BaseException], None]) -> None:
        """A refused entry sent again: queued anew with a new key, and sent at once when the panel is there."""
        def queued(_row: dict) -> None:
            if session.reachable:
                self.replay(session.id)
        session.run(outbox_ops.retry, key, self.new_key(), on_done=queued, on_error=on_error)

    def count(self, account_id: str) -> None:
        session = self.hub.get(account_id)
        if session is None:
            return

        def counted(number: int) -> None:
            if self.pending.get(account_id) != number:
                self.pending[account_id] = number
                self.changed.emit(account_id)
        session.run(outbox_ops.pending_count, on_done=counted, on_error=lambda e: None)

    # -- the replay -------------------------------------------------------------------------------------------
    def _after_failed_sync(self, account_id: str, error: BaseException) -> None:
        """A sync the panel itself answered but that failed on one answer (a list Sett does not understand, a 404 of
        one list): the panel is there, so what waits is sent. Before, one such list held every queued action back
        for as long as it kept failing. Not after a failure that says the panel cannot take it now (no connection,
        no login, a rate limit, a server error, or a page that is not the panel's)."""
        from app.api import ApiError, AuthRequired, BadAnswer, NetworkError, NotAPanel, RateLimited, ServerError

        if not isinstance(error, ApiError) or isinstance(error, NetworkError | AuthRequired | RateLimited |
                                                         ServerError):
            return
        if isinstance(error, NotAPanel) and not isinstance(error, BadAnswer):
            return
        self.replay(account_id)

    def replay(self, account_id: str) -> None:
        """After a sync that reached the panel: send what waits (on the worker, after whatever was asked of the
        account before: an action queued just before on the local lane is sent in this replay)."""
        session = self.hub.get(account_id)
        if session is None or session.closed or account_id in self._replaying:
            return
        self._replaying.add(account_id)

        def done(result: outbox_ops.Replayed) -> None:
            self._replaying.discard(account_id)
            if result.sent or result.refused or result.set_aside or result.expired:
                self._tell(session, result)
                self.replayed.emit(account_id, result)
                session.sync()              # what the panel did, everywhere (the services were read already)
            self.count(account_id)

        def failed(error: BaseException) -> None:
            self._replaying.discard(account_id)
            log.info("replay of the outbox of %s stopped: %s", account_id, error)
            self.count(account_id)          # the rest waits, in order, for the next sync that reaches the panel
        session.run(outbox_ops.replay, on_done=done, on_error=failed)

    @staticmethod
    def _tell(session: AccountSession, result: outbox_ops.Replayed) -> None:
        if result.sent:
            session.note("outbox-sent", "success", translate("Outbox", "Sent from the outbox: {actions}.").format(
                actions="; ".join(result.sent)))
        if result.refused:
            told = " ".join(f"{label}: {why}" for label, why in result.refused)
            session.note("outbox-refused", "error", translate("Outbox", "The panel refused what the outbox sent. "
                                                              "{reasons} The entry stays in the Outbox until you "
                                                                        "dismiss it.").format(reasons=told))
        if result.expired:
            session.note("outbox-expired", "warning", translate(
                "Outbox", "Not sent again from the outbox: {actions}. Each was sent more than a day ago without an "
                          "answer Sett could use; check on the panel whether it was done.").format(
                actions="; ".join(result.expired)))
        if result.set_aside:
            session.note("outbox-aside", "warning", translate("Outbox", "An outbox entry could not be read and was "
                                                                        "set aside, never sent: {entries}").format(
                entries="; ".join(f"{label} ({why})" for label, why in result.set_aside)))
