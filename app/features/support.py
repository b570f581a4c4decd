"""The Support screen's work: a ticket's conversation (cache first, then the panel, kept for offline), replying,
closing, and New ticket (also from "Get help with this" on an invoice or a service page).

Creating a ticket and replying each carry an Idempotency-Key made for that attempt and kept in the account's cache
while its answer may have been lost (no connection, a 5xx: app.session.operations.kept_keys), so pressing Send
again after such a failure, even after quitting and starting again, cannot make a second ticket or message.
Offline, a reply waits in the outbox (with the key of such an attempt, when there was one).

Each ticket keeps its unsent reply (`ReplyDrafts`): what its reply box holds is saved in the account's cache as the
ticket's draft when the page hands it on (after a pause in typing, and when it leaves the ticket), and put back in
the box when the ticket is shown again, after another ticket, another account or a restart; sent or queued, it goes.
"""
from __future__ import annotations

import logging

from app.api import NetworkError, new_idempotency_key
from app.core.changes import ChangeSet
from app.core.support import body_problem, one_line, ticket_problem
from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed, current_reach, signed_out
from app.session.operations import kept_keys as kept_ops
from app.session.operations import support as support_ops
from app.views.ticket_page import after_sent

from .services import PageFeature

log = logging.getLogger(__name__)


class ReplyDrafts:
    """The reply boxes' drafts, per account and ticket, kept through `support_ops.save_draft` on the account's
    worker (where saves run in the order they were asked, after reads asked before them).

    `before[(account, ticket)]` is the box's part of the kept draft as last saved or put in the box: a refused reply
    taken back from the Outbox meanwhile is added after it, so a save keeps that too. While a save is on its way,
    a draft read before it is not put back in the box (it would bring back what the user just deleted)."""

    def __init__(self, sessions: Sessions, page) -> None:
        self.sessions, self.page = sessions, page
        self.before: dict[tuple[str, str], str] = {}
        self.saving: dict[tuple[str, str], int] = {}
        # Tickets whose kept draft is being read as they open, and what their box handed on meanwhile (saved once
        # the kept draft is known: saved before, with nothing known of it, the kept draft was added after it)
        self.reading: set[tuple[str, str]] = set()
        self.deferred: dict[tuple[str, str], str] = {}
        page.draft_edited.connect(self.edited)

    def window_closing(self) -> None:
        """The window closes, and its page hands on what its box holds as it hides: saved at once, as are those
        waiting for their kept draft (a read that may never come if Sett quits). Joined with the kept draft then,
        as before, rather than lost."""
        self.reading.clear()
        for (account_id, ticket_id), text in list(self.deferred.items()):
            session = self.sessions.get(account_id)
            if session is not None and not getattr(session, "removed", False):
                self.save(session, ticket_id, text)
        self.deferred.clear()

    def edited(self, ticket_id: str, text: str) -> None:
        """The page handed on what its box holds for `ticket_id` (of the account it shows)."""
        account_id = self.page.account_id or self.sessions.current_id
        session = self.sessions.get(account_id) if account_id else None
        if session is None or getattr(session, "removed", False):
            return      # the account is gone, and its cache with it
        self.save(session, ticket_id, text)

    def save(self, session: AccountSession, ticket_id: str, text: str) -> None:
        key = (session.id, ticket_id)
        if key in self.reading:
            self.deferred[key] = text
            return
        before = self.before.get(key, "")
        if text == before:
            return
        self.before[key] = text
        self.saving[key] = self.saving.get(key, 0) + 1

        def ended(_result=None) -> None:
            left = self.saving.get(key, 1) - 1
            if left > 0:
                self.saving[key] = left
            else:
                self.saving.pop(key, None)

        def failed(error: BaseException) -> None:
            ended()
            log.warning("the reply draft of ticket %s of %s was not kept: %r", ticket_id, session.id, error)
        session.run(support_ops.save_draft, ticket_id, text, before, on_done=ended, on_error=failed)

    def sent(self, session: AccountSession, ticket_id: str, body: str) -> None:
        """A reply to the ticket went or waits in the Outbox: its draft goes, but for what was typed after it
        (the page, when still on the ticket, hands that on again) and a refused reply taken back since."""
        self.save(session, ticket_id, after_sent(self.before.get((session.id, ticket_id), ""), body)
                  if body else "")

    def read_from(self, session: AccountSession, ticket_id: str) -> None:
        """The ticket opens: its kept draft is being read. Until it is known (`read`), what the box hands on waits."""
        self.reading.add((session.id, ticket_id))

    def read(self, session: AccountSession, ticket_id: str, ticket: dict | None) -> None:
        """The ticket's kept draft is known (`ticket` None: it could not be read). What the user typed before it
        came is never lost nor mixed with it: an empty box gets the kept draft (`restore`, after this); a box
        already typed in keeps what was typed, which replaces the kept draft (one Ctrl+Z in the box brings that
        back, and the page says so). It was added after the typed text, and the box showed both on the next
        opening."""
        key = (session.id, ticket_id)
        if key not in self.reading:
            return
        self.reading.discard(key)
        handed = self.deferred.pop(key, None)
        if ticket is None:                  # unknown: saved as before, the kept draft (if any) after it
            if handed is not None:
                self.save(session, ticket_id, handed)
            return
        draft = ticket.get("draft")
        kept = draft if isinstance(draft, str) else ""
        showing = self.page.ticket_id == ticket_id and self.page.account_id == session.id
        box = self.page.draft if showing else ""
        # What was typed: in the box, or (left and opened again meanwhile, the box emptied) what it handed on
        typed = box if box.strip() else (handed or "")
        if not typed.strip() or typed == kept:
            return                  # nothing typed to mind: restore() puts the kept draft in an empty box
        if kept:
            self.before[key] = kept     # saved over it: the kept draft is replaced, not added to
        if showing and kept:
            self.page.keep_typed_over(kept, typed)
        elif showing and not box.strip():
            self.page.set_draft(typed)
        self.save(session, ticket_id, typed)

    def restore(self, session: AccountSession, ticket: dict, opening: bool) -> None:
        """The ticket's kept draft into its reply box when the box is empty (never over what is being written
        there); on opening the ticket, also when the box holds what was kept and more was added since."""
        key = (session.id, str(ticket.get("id")))
        draft = ticket.get("draft")
        draft = draft if isinstance(draft, str) else ""
        if self.page.draft_pending or key in self.saving:
            return
        box, before = self.page.draft, self.before.get(key, "")
        if (draft and not box.strip()) or (opening and box == before and draft.startswith(before) and draft != box):
            self.page.set_draft(draft)
            self.before[key] = draft
        elif box == draft:
            self.before[key] = draft


class SupportPages(PageFeature):
    watches = frozenset({"tickets"})

    def __init__(self, sessions: Sessions, section) -> None:
        super().__init__(sessions, section)
        section.ticket_opened.connect(self.opened)
        section.create_requested.connect(self.create)
        section.dialog_opened.connect(self._dialog_opened)
        section.off.action_clicked.connect(lambda: self.session is not None and self.session.sync())
        self.page.reply_requested.connect(self.reply)
        self.page.close_requested.connect(self.close)
        self.page.queues_offline = True        # offline, a reply waits in the outbox (sent once, with its key)
        self.drafts = ReplyDrafts(sessions, self.page)

    def shown_id(self) -> str | None:
        return self.page.ticket_id

    def refresh_online(self, account_id: str | None = None) -> None:
        super().refresh_online(account_id)
        if account_id is not None and account_id != self.sessions.current_id:
            return
        reach = current_reach(self.sessions)
        self.section.set_online(*reach)
        if self.section.dialog is not None:
            self.section.dialog.set_online(*reach)

    def _dialog_opened(self, dialog) -> None:
        dialog.sign_in_requested.connect(self._sign_in)
        self.refresh_online()

    def _sign_in(self) -> None:
        """Signed out, the New ticket dialog's Sign in: the login prompt, asked again even if dismissed before."""
        session = self.session
        if session is not None and session.needs_login:
            self.sessions.ask_login(session.id, force=True)

    # -- the conversation -------------------------------------------------------------------------------------------
    def _show(self, account_id: str, ticket: dict | None, opening: bool = False) -> None:
        session = self.sessions.get(account_id)
        if ticket and session is not None and self._still_showing(account_id, str(ticket.get("id"))):
            self.page.show_ticket(ticket, session.data)
            # The ticket's unsent reply (typed before, or a refused reply dismissed from the Outbox) in its box.
            self.drafts.restore(session, ticket, opening)

    def opened(self, ticket_id: str) -> None:
        session = self.session
        if session is None:
            return
        self.refresh_online()
        self._load(session, ticket_id, fetch=True, opening=True)

    def _load(self, session: AccountSession, ticket_id: str, fetch: bool, opening: bool = False) -> None:
        account_id = session.id

        def fetch_failed(error: BaseException) -> None:
            if not self._still_showing(account_id, ticket_id):
                return
            if not self.page.has_messages:
                self.page.detail_missing_offline()
            if session.reachable and not isinstance(error, NetworkError):
                self.page.show_message("error", translate("SupportPages", "The conversation could not be loaded. "
                                                          "{reason}").format(reason=action_failed(error)))

        def cached(ticket: dict | None) -> None:
            self.drafts.read(session, ticket_id, ticket)     # first: what was typed meanwhile stays as typed
            if ticket and "messages" in ticket:
                self._show(account_id, ticket, opening)
            elif ticket and self._still_showing(account_id, ticket_id):
                self.drafts.restore(session, ticket, opening)      # no conversation yet, but its draft
            if fetch and session.reachable:
                session.run(support_ops.fetch_ticket, ticket_id, on_done=lambda t: self._show(account_id, t),
                            on_error=fetch_failed)
            elif self._still_showing(account_id, ticket_id) and not self.page.has_messages:
                self.page.detail_missing_offline()

        def unreadable(error: BaseException) -> None:
            self.drafts.read(session, ticket_id, None)
            self.page.show_message("error", action_failed(error))

        if opening:
            self.drafts.read_from(session, ticket_id)
        session.run(support_ops.cached_ticket, ticket_id, on_done=cached, on_error=unreadable)

    def redraw(self, session: AccountSession, changes: ChangeSet) -> None:
        if changes.source not in ("fetch_ticket", "reply", "close"):     # their answer is already on the page
            self._load(session, self.page.ticket_id, fetch=False)

    # -- replying and closing ---------------------------------------------------------------------------------------
    def reply(self, ticket_id: str, body: str) -> None:
        problem = body_problem(body)
        if problem:      # never sent nor queued: the panel would refuse it (422) and the outbox set it aside
            self.page.show_message("error", problem)
            return
        session = self.session
        if session is not None and not session.reachable:
            self._queue_reply(session, ticket_id, body, new_idempotency_key())
            return
        self._act(ticket_id, support_ops.reply, (ticket_id, body), translate("SupportPages", "Reply sent."),
                  ("reply", [ticket_id, body]))

    def _queue_reply(self, session: AccountSession, ticket_id: str, body: str, key: str) -> None:
        """Offline: the reply waits in the outbox with its Idempotency-Key, exactly as written."""
        number = self.page.ticket.get("ticket_number")
        label = (translate("SupportPages", "Reply to {ticket}").format(ticket=number) if number
                 else translate("SupportPages", "Reply to the ticket"))

        def done(_entry: dict) -> None:
            self.page.set_busy(False)
            self.drafts.sent(session, ticket_id, body)
            if self._still_showing(session.id, ticket_id):
                self.page.reply_sent(body)
                self.page.show_message("info", translate(
                    "SupportPages", "Queued in the Outbox: Sett sends your reply once you sign in again. You can "
                                    "remove it in the Outbox until then.") if signed_out(session) else translate(
                    "SupportPages", "Queued in the Outbox: Sett sends your reply once the panel is back. You can "
                                    "remove it in the Outbox until then."))

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if self._still_showing(session.id, ticket_id):
                self.page.show_message("error", translate("SupportPages", "Not queued. {reason}").format(
                    reason=action_failed(error)))
        # Queued on the account's local lane (a cache write: it no longer waits for a request the worker is held
        # in), still not at once: meanwhile the page says so and Queue reply is off. It stayed on with the reply in
        # the box and no word, and pressed again, queued the reply twice, each with its own key.
        self.page.set_busy(True)
        self.page.show_message("info", translate("SupportPages", "Putting your reply in the Outbox…"))
        # The key of the same reply sent before, whose answer was lost, goes with it when there is one.
        self.sessions.outbox.queue(session, kept_ops.queue_reply, ticket_id, body, key, label,
                                   on_done=done, on_error=failed)

    def close(self, ticket_id: str) -> None:
        self._act(ticket_id, support_ops.close, (ticket_id,),
                  translate("SupportPages", "Ticket closed. Writing again reopens it."), None)

    def _act(self, ticket_id: str, operation, args: tuple, success: str, attempt: tuple | None) -> None:
        """`operation` at the panel; `attempt` (action, what it asks) sends it with a kept Idempotency-Key."""
        session = self.session_for_panel()
        if session is None:
            return

        def done(ticket: dict) -> None:
            self.page.set_busy(False)
            body = attempt[1][1] if attempt is not None else None      # ("reply", [ticket id, body])
            if body is not None:
                self.drafts.sent(session, ticket_id, body)
            if self._still_showing(session.id, ticket_id):
                if body is not None:
                    self.page.reply_sent(body)
                self.page.show_ticket(ticket, session.data)
                self.page.show_message("success", success)
            session.sync()

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if self._still_showing(session.id, ticket_id):
                self.page.show_message("error", action_failed(error))

        self.page.set_busy(True)
        self.page.show_message("info", translate("SupportPages", "Asking the panel…"))
        if attempt is None:
            session.run(operation, *args, on_done=done, on_error=failed)
        else:
            session.run(kept_ops.keyed, *attempt, operation, *args, key=new_idempotency_key(), on_done=done,
                        on_error=failed)

    # -- a new ticket -----------------------------------------------------------------------------------------------
    def create(self, fields: dict) -> None:
        session, dialog = self.session, self.section.dialog
        if session is None or dialog is None:
            return
        if not session.reachable:
            dialog.set_online(False, signed_out(session))
            return
        # Sent as one line and checked as sent: a subject pasted with line breaks or tabs was the panel's 422.
        fields = {**fields, "subject": one_line(fields.get("subject"))}
        problem = ticket_problem(fields)
        if problem:
            dialog.set_busy(False)
            dialog.show_problem(problem)
            return

        def done(ticket: dict) -> None:
            if self.section.dialog is dialog:
                dialog.sent()
            if self.sessions.current_id == session.id:
                self.section.open_ticket(str(ticket.get("id")), ticket)
                self.page.show_message("success", translate("SupportPages", "Ticket {number} sent. You will be "
                                                                            "notified when support replies.").format(
                    number=ticket.get("ticket_number") or ""))
            session.sync()

        def failed(error: BaseException) -> None:
            if self.section.dialog is dialog:
                dialog.set_busy(False)
                dialog.show_problem(action_failed(error))

        dialog.set_busy(True)
        dialog.show_problem(translate("SupportPages", "Sending…"))
        # One key per ticket asked for, kept while the panel may have made it (app.api.panel_may_have_acted)
        session.run(kept_ops.keyed, "ticket", fields, support_ops.open_ticket, fields,
                    key=new_idempotency_key(), on_done=done, on_error=failed)


def install(sessions: Sessions, window) -> dict:
    """The Support screen's feature, made when the screen is first built; the dict holds it then."""
    made: dict = {}

    def built(section) -> None:
        pages = made.setdefault("pages", SupportPages(sessions, section))
        window.closing.connect(pages.drafts.window_closing)
    window.sections.on_built("support", built)
    return made
