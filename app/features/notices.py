"""Notifications: the panel's unread notifications and local reminders of invoices falling due, announced as desktop
notifications (through the system tray, where there is one) at most once each, and listed in the notifications
dialog the sidebar's bell opens, with "Mark all read".

Which notices were announced is remembered per account in its cache (app.session.notices.SEEN_KEY), so neither a second
sync nor a restart announces them again.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from app import settings as keys
from app.api import new_idempotency_key
from app.core import local_format, text
from app.core.credit import credit_balance, credits_enabled
from app.core.low_credit import low_credit, low_credit_notice
from app.core.text import translate
from app.models.batches import Batches
from app.models.plain_text import notification_text
from app.session import Sessions, action_failed, current_reach, signed_out
from app.session import notices as logic
from app.session.operations import notices as notice_ops
from app.session.operations import outbox as outbox_ops
from app.views.sections import RECORD_SCREENS
from app.views.theme import ICONS

if TYPE_CHECKING:
    from app.views.notices import NoticesDialog

log = logging.getLogger(__name__)
TRAY_AT_ONCE = 3      # more new notices than this at once become one desktop notification
QUIET_FOR = 600.0     # seconds a payment's result keeps the panel's notifications about its records off the desktop


class Tray(Protocol):
    """Where desktop notifications go: `show_notice(notice)`; a `clicked(dict)` signal, if it has one, opens them;
    a `join_quietly(notices)`, if it has one, hears of new notices the window has already said (not announced)."""

    def show_notice(self, notice: dict) -> None: ...


class SystemTray(QObject):
    """Desktop notifications through a QSystemTrayIcon; clicking the last one shown opens it."""

    clicked = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(QIcon(str(ICONS / "sett.png")), self)
        self.icon.setToolTip("Sett")
        self.icon.show()
        self.last: dict | None = None
        self.icon.messageClicked.connect(lambda: self.last is not None and self.clicked.emit(self.last))

    def show_notice(self, notice: dict) -> None:
        self.last = notice
        self.icon.showMessage(notification_text(notice.get("title") or "Sett"),
                              notification_text(notice.get("message") or ""),
                              QSystemTrayIcon.MessageIcon.Information, 10_000)


def make_tray(parent: QObject | None = None) -> SystemTray | None:
    """A tray for desktop notifications, or None where the desktop has no system tray (then only the list shows)."""
    return SystemTray(parent) if QSystemTrayIcon.isSystemTrayAvailable() else None


REMINDERS_AT_ONCE = 200     # unpaid invoices per batch when a big account's reminders are first written (~7 ms)


class Notices(QObject):
    def __init__(self, sessions: Sessions, window, tray: Tray | None = None) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self._tray: Tray | None = None
        self.tray = tray
        self.today: Callable[[], date] = date.today
        self.seen: dict[str, list[str]] = {}      # account id -> ids announced, oldest first (as in its cache)
        self._loading: set[str] = set()
        self._saving: set[str] = set()
        self._dirty: set[str] = set()
        self._checking: set[str] = set()          # accounts whose check waits for the screens' repaint
        self.announced: list[dict] = []           # every notice announced in this run
        # account id -> (how its amounts are written, the reminders made so far): see logic.due_reminders' memo
        self._reminders: dict[str, tuple[tuple, dict]] = {}
        self._writing: dict[str, Batches] = {}     # account id -> its reminders being written a batch at a time
        self._written: dict[str, tuple[dict, int]] = {}   # account id -> the memo written ahead, for so many unpaid
        self.reading: set[str] = set()            # uuids opened and being marked read: counted read already
        self.dialog: NoticesDialog | None = None
        # account id -> {("invoice" | "service", id): when a payment's result said it (time.monotonic())}
        self.told: dict[str, dict[tuple[str, str], float]] = {}
        told = getattr(window, "records_told", None)
        if told is not None:
            told.connect(self.records_told)
        sessions.changed.connect(lambda account_id, _changes: self._check_after_paint(account_id))
        sessions.sync_failed.connect(lambda account_id, _error: self.refresh(account_id))
        sessions.current_changed.connect(lambda _account_id: self.refresh())
        sessions.accounts_changed.connect(self._forget_removed)
        window.sidebar.notices_requested.connect(self.open_dialog)

    @property
    def tray(self) -> Tray | None:
        return self._tray

    @tray.setter
    def tray(self, tray: Tray | None) -> None:
        self._tray = tray
        clicked = getattr(tray, "clicked", None)
        if clicked is not None:
            clicked.connect(self.open_notice)

    @property
    def closed(self) -> bool:
        """After quitting, late results of the workers change nothing (the window may be gone)."""
        return self.sessions.shut_down

    # -- what there is to tell --------------------------------------------------------------------------------------
    def days_ahead(self) -> int:
        """How many days before its due date a pending invoice is reminded of (Preferences; never negative)."""
        return max(0, self.sessions.settings.get(keys.NOTICE_DAYS_AHEAD))

    def notices_for(self, account_id: str | None) -> list[dict]:
        """The account's panel notifications (read ones too) and its reminders, newest first."""
        data = self.sessions.data(account_id)
        if data is None:
            return []
        days = self.days_ahead()
        reminders = logic.due_reminders(data.invoice_facts.unpaid, self.today(), days, data.money,
                                        memo=self._reminder_memo(str(account_id), data))
        items = logic.panel_notices(data.notifications) + reminders
        warning = low_credit(data.services, data.invoice_facts.unpaid, credit_balance(data), self.today(), days) \
            if credits_enabled(data) else None
        if warning is not None:       # once per renewal period: its id names the period (see app.core.low_credit)
            items.append(low_credit_notice(warning, data.money))
        return [dict(item, account_id=account_id, read=item["read"] or item.get("uuid") in self.reading)
                for item in logic.newest_first(items)]

    def _reminder_memo(self, account_id: str, data) -> dict:
        """The account's reminders made so far, while their words are written the same way (currency, places,
        locale, translations); emptied when it holds more than twice the unpaid invoices, so it stays bounded."""
        writing = (data.currency_code, str(data.currency.get("symbol") or ""), data.places,
                   local_format.current_locale(), text.generation())
        kept_writing, memo = self._reminders.get(account_id, ((), {}))
        if kept_writing != writing or len(memo) > 2 * len(data.invoice_facts.unpaid) + 64:
            memo = {}
            self._reminders[account_id] = (writing, memo)
        return memo

    def _written_first(self, account_id: str) -> bool:
        """True while the account's reminders are written into a new memo a batch at a time between turns of the
        event loop (the check runs again once they are): a first pass over 4,000 unpaid invoices held the window
        ~80 ms. Writing them on the account's worker instead stalled the window as long (the interpreter lock).
        A small account's are written at once, within one batch's time, and this answers False."""
        data = self.sessions.data(account_id)
        if data is None:
            return False
        writing = self._writing.get(account_id)
        if writing is not None and writing.busy:
            return True
        memo = self._reminder_memo(account_id, data)
        unpaid, today = data.invoice_facts.unpaid, self.today()
        written, count = self._written.get(account_id, (None, 0))
        if written is memo and len(unpaid) - count < REMINDERS_AT_ONCE:
            return False            # what a sync adds is written by the pass itself (a first sync adds thousands)
        days = self.days_ahead()

        def job():
            for start in range(0, len(unpaid), REMINDERS_AT_ONCE):
                logic.due_reminders(unpaid[start:start + REMINDERS_AT_ONCE], today, days, data.money, memo=memo)
                yield

        at_once = True

        def done() -> None:
            self._written[account_id] = (memo, len(unpaid))
            if not at_once and not self.closed:
                self.check(account_id)

        writing = self._writing.setdefault(account_id, Batches(self))
        writing.start(job(), done, "Writing reminders")
        at_once = False
        return writing.busy

    def _forget_removed(self) -> None:
        for account_id in [a for a in self._reminders if self.sessions.get(a) is None]:
            del self._reminders[account_id]
            self._written.pop(account_id, None)
            writing = self._writing.pop(account_id, None)
            if writing is not None:
                writing.cancel()
                writing.deleteLater()

    def _check_after_paint(self, account_id: str) -> None:
        """The notices follow what the screens show at once, except during a start: it paints the saved data
        without first working out a reminder for each unpaid invoice (1,185 in the benchmark's account), and
        announces once that is painted."""
        if not self.sessions.starting:
            self.check(account_id)
            return
        if account_id in self._checking:
            return
        self._checking.add(account_id)

        def check() -> None:
            self._checking.discard(account_id)
            if not self.closed:
                self.check(account_id)
        self.sessions.when_started(check)

    def check(self, account_id: str) -> None:
        """After the account's data reached the screens: announce what was not announced before."""
        if self.closed or self._written_first(account_id):
            return
        items = self.notices_for(account_id)      # once: a big account has thousands of reminders
        if account_id == self.sessions.current_id:
            self._show(items)
        if self.sessions.get(account_id) is None:
            return
        if account_id not in self.seen:
            self._load_seen(account_id)
            return
        unread = [n for n in items if not n["read"]]
        fresh = logic.unseen(unread, self.seen[account_id])
        if not fresh:
            return
        # Every unread notice stays remembered, however many there are: forgetting one would announce it again.
        cap = max(logic.SEEN_CAP, len(unread))
        self.seen[account_id] = logic.remember(self.seen[account_id], [n["id"] for n in fresh], cap)
        # What a payment's result has just said in the window (Payment received, the server active) is listed under
        # the bell, not announced again: the banner repeated "Payment received" over the dialog saying it twice.
        loud = [n for n in fresh if not self._already_told(account_id, n)]
        quiet = [n for n in fresh if n not in loud]
        self.announced.extend(reversed(loud))      # oldest first, so the newest ends on top
        if self.tray is not None:
            # A first sync of a big account may bring hundreds: the desktop gets one line about them, not a flood.
            shown = reversed(loud) if len(loud) <= TRAY_AT_ONCE else [logic.summary_notice(len(loud), account_id)]
            for notice in shown:
                self.tray.show_notice(notice)
            # The quiet ones still count where a count is up ("9 new notifications" beside a bell saying 11).
            join = getattr(self.tray, "join_quietly", None)
            if quiet and join is not None:
                join(list(reversed(quiet)))
        self._save_seen(account_id)

    def records_told(self, account_id: str, records) -> None:
        """A payment's result has just said these records' news in the window: `records` ("invoice" | "service",
        id). The panel's notifications about them, brought by the sync after it, are not announced again."""
        now = time.monotonic()
        kept = self.told.setdefault(str(account_id), {})
        for kind, record_id in records:
            kept[(kind, str(record_id))] = now

    def _already_told(self, account_id: str, notice: dict) -> bool:
        kept = self.told.get(str(account_id))
        if not kept or notice.get("kind") != "panel":
            return False
        now = time.monotonic()
        for kind in ("invoice", "service"):
            record_id = notice.get(f"{kind}_id")
            when = kept.get((kind, str(record_id))) if record_id is not None else None
            if when is not None and now - when < QUIET_FOR:
                return True
        return False

    def _load_seen(self, account_id: str) -> None:
        session = self.sessions.get(account_id)
        if account_id in self._loading or session is None:
            return
        self._loading.add(account_id)

        def done(seen: list[str]) -> None:
            self._loading.discard(account_id)
            self.seen[account_id] = logic.remember(seen, self.seen.get(account_id, []))
            self.check(account_id)

        def failed(error: BaseException) -> None:
            self._loading.discard(account_id)
            log.error("the notices already shown for %s could not be read: %s", account_id, error)

        session.run(notice_ops.load_seen, on_done=done, on_error=failed)

    def _save_seen(self, account_id: str) -> None:
        """Write the account's seen ids; one write at a time per account, the latest list last."""
        if account_id in self._saving:
            self._dirty.add(account_id)
            return
        session = self.sessions.get(account_id)
        if self.closed or session is None:
            return
        self._saving.add(account_id)
        self._dirty.discard(account_id)
        seen = list(self.seen.get(account_id, []))

        def finished(error: BaseException | None = None) -> None:
            self._saving.discard(account_id)
            if error is not None:
                log.error("the notices shown for %s could not be remembered: %s", account_id, error)
            if account_id in self._dirty:
                self._save_seen(account_id)

        session.run(notice_ops.save_seen, seen, on_done=lambda _r: finished(), on_error=finished)

    # -- the bell and the list ------------------------------------------------------------------------------------
    def refresh(self, account_id: str | None = None) -> None:
        current = self.sessions.current_id
        if self.closed or (account_id is not None and account_id != current):
            return
        if current is not None and self._written_first(current):
            return                                 # the check once they are written shows them
        self._show(self.notices_for(current))

    def _show(self, items: list[dict]) -> None:
        """The current account's notices on the bell, and in the list where it is open."""
        self.window.sidebar.set_notice_count(sum(1 for n in items if not n["read"]))
        if self.dialog is not None:
            self.dialog.set_notices(items)
            self.dialog.set_online(*current_reach(self.sessions))

    def open_dialog(self) -> NoticesDialog:
        if self.dialog is None:
            from app.views.notices import NoticesDialog  # its module loads when the list first opens

            dialog = NoticesDialog(self.window)
            dialog.open_requested.connect(self.open_notice)
            dialog.mark_all_read_requested.connect(self.mark_all_read)
            dialog.queues_offline = True      # offline, marking read waits in the outbox
            dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            self.dialog = dialog
        self.refresh()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def open_notice(self, notice: dict) -> None:
        """Show what the notice is about: its invoice, service or ticket in the window; the list, for a summary.
        Either way in the notice's own account, switched to first (the bell lists the current account's)."""
        account_id = notice.get("account_id") or self.sessions.current_id
        if account_id != self.sessions.current_id and self.sessions.get(account_id) is not None:
            self.sessions.select(account_id)
        if notice.get("kind") == "summary":
            self.open_dialog()
            return
        if notice.get("kind") == "panel" and notice.get("uuid") and not notice.get("read"):
            self.mark_one_read(account_id, notice["uuid"])
        window = self.window
        low_credit_warning = notice.get("kind") == "low_credit"
        if low_credit_warning and "credits" in window.available_keys():
            window.select_section("credits")      # where the balance is topped up
        for field in ("invoice", "service", "ticket"):
            target = notice.get(f"{field}_id")
            if target and not low_credit_warning and RECORD_SCREENS[field] in window.available_keys():
                window.open_record(field, str(target))
                break
        if self.dialog is not None:
            self.dialog.accept()
        if window.isMinimized():
            window.showNormal()
        window.activateWindow()

    def mark_one_read(self, account_id: str | None, uuid: str) -> None:
        """An opened notification is read: counted so at once, then marked at the panel (or queued, offline)
        exactly as "Mark all read" does for all."""
        session = self.sessions.get(account_id) if account_id else None
        if session is None or uuid in self.reading:
            return
        self.reading.add(uuid)
        self.refresh()

        def settled(_result=None) -> None:
            self.reading.discard(uuid)      # by now the saved data says read (or, on failure, unread again)
            self.refresh()

        def failed(error: BaseException) -> None:
            log.warning("a notification could not be marked read: %s", error)
            settled()
        self._mark_read(session, [uuid], on_done=settled, on_error=failed, queued=settled)

    def _mark_read(self, session, uuids: list[str], *, on_done, on_error, queued) -> None:
        """Mark `uuids` read at the panel, or offline queue it in the outbox (its key fixed now, shown read at once)."""
        if not session.reachable:
            count = len(uuids)
            self.sessions.outbox.queue(session, outbox_ops.queue_mark_read, uuids, new_idempotency_key(),
                                       translate("Notices", "Mark %n notification(s) read", None, count),
                                       on_done=queued, on_error=on_error)
            return
        session.run(notice_ops.mark_read, uuids, on_done=on_done, on_error=on_error)

    def mark_all_read(self) -> None:
        session, dialog = self.sessions.current, self.dialog
        data = session.data if session else None
        uuids = [n["uuid"] for n in (data.notifications if data else []) if not n.get("read") and n.get("uuid")]
        if session is None or dialog is None or not uuids:
            return
        offline = not session.reachable

        def queued(count: int) -> None:
            if self.dialog is not None:
                if signed_out(session):
                    text = translate("Notices", "Queued in the Outbox: %n notification(s) marked read here, and at "
                                                "the panel once you sign in again.", None, count)
                else:
                    text = translate("Notices", "Queued in the Outbox: %n notification(s) marked read here, and at "
                                                "the panel once it is back.", None, count)
                self.dialog.show_message(text)

        def done(count: int) -> None:
            if self.dialog is not None:
                self.dialog.set_busy(False)
                self.dialog.show_message(translate("Notices", "Marked %n notification(s) read.", None, count))
            session.sync()

        def failed(error: BaseException) -> None:
            if self.dialog is None:
                return
            if offline:
                self.dialog.show_message(translate("Notices", "Not queued. {reason}").format(
                    reason=action_failed(error)))
                return
            self.dialog.set_busy(False)
            self.dialog.show_message(action_failed(error))

        if not offline:
            dialog.set_busy(True)
            dialog.show_message(translate("Notices", "Asking the panel…"))
        self._mark_read(session, uuids, on_done=done, on_error=failed, queued=queued)


def install(sessions: Sessions, window) -> Notices | None:
    sidebar = getattr(window, "sidebar", None)
    if sidebar is not None and hasattr(sidebar, "notices_requested"):
        return Notices(sessions, window, make_tray(window))
    return None
