"""The service page's work: its invoices (cache first, then the panel), cancellation requests and withdrawals.

Also what the other record pages share (`PageFeature`): following the current account's online state, and
redrawing an open page from every change-set that names what it shows.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from app.api import Conflict, NetworkError, NotFound, new_idempotency_key, panel_may_have_acted
from app.core.changes import ChangeSet
from app.core.input_text import reason_problem
from app.core.server_links import manage_url_problem
from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed, cannot_reach, current_reach, signed_out
from app.session.operations import kept_keys as kept_ops
from app.session.operations import outbox as outbox_ops
from app.session.operations import services as service_ops


class PageFeature(QObject):
    """What the features behind a section's page share: keeping the page's online state current, knowing whether
    an answer that arrives later still belongs to what is on screen, and `redraw(session, changes)` for every
    change-set of the current account while the page is open."""

    watches: frozenset[str] = frozenset()     # the resources whose change redraws the open page
    checkout = None                           # the Checkout feature, where the page pays an invoice

    def __init__(self, sessions: Sessions, section) -> None:
        super().__init__(section)
        self.sessions, self.section, self.page = sessions, section, section.page
        sessions.changed.connect(self._changed)
        sessions.sync_failed.connect(lambda account_id, _error: self.refresh_online(account_id))
        sessions.status_changed.connect(self.refresh_online)
        sessions.current_changed.connect(lambda _aid: self.refresh_online())
        # The section is built when first shown: an account already offline or signed out by then sent no signal.
        self.refresh_online()

    @property
    def session(self) -> AccountSession | None:
        return self.sessions.current

    def shown_id(self) -> str | None:
        raise NotImplementedError

    def refresh_online(self, account_id: str | None = None) -> None:
        if account_id is None or account_id == self.sessions.current_id:
            self.page.set_online(*current_reach(self.sessions))

    def _still_showing(self, account_id: str, row_id: str) -> bool:
        return self.sessions.current_id == account_id and self.section.page_open and self.shown_id() == row_id

    def _changed(self, account_id: str, changes: ChangeSet) -> None:
        self.refresh_online(account_id)
        session = self.sessions.get(account_id)
        if (session is not None and account_id == self.sessions.current_id and self.section.page_open
                and self.shown_id() and changes.resources & self.watches):
            self.redraw(session, changes)

    def redraw(self, session: AccountSession, changes: ChangeSet) -> None:
        """The open page's record or what it lists changed: show it again from the session's data or cache."""

    def session_for_panel(self) -> AccountSession | None:
        """The current account's session for an action that needs its panel now; None (the page saying why when
        the panel cannot be reached) when there is none."""
        session = self.session
        if session is not None and not session.reachable:
            self.page.show_message("error", cannot_reach(session))
            return None
        return session

    def run_keyed(self, record_id: str, operation, *, asking: str, done, refused) -> None:
        """An action on the open record that must happen once (cancel an order, a top-up): one Idempotency-Key per
        action the buyer confirmed, kept in the account's cache while its answer may have been lost on the way
        (app.session.operations.kept_keys), so a second press after a dropped connection, or after quitting and
        starting again, is the same action at the panel. `done(session, result)` once it happened (a sync
        follows); `refused(error)` words a failure for the page."""
        session = self.session_for_panel()
        if session is None:
            return
        action = getattr(operation, "__name__", "action")

        def finished(result) -> None:
            self.page.set_busy(False)
            done(session, result)
            session.sync()

        def failed(error: BaseException) -> None:
            kept = panel_may_have_acted(error)      # the one rule of every keyed action (app.api.idempotency)
            self.page.set_busy(False)
            if self._still_showing(session.id, record_id):
                said = refused(error)
                if kept and not isinstance(error, NetworkError):
                    # A 5xx or an answer Sett cannot read: the panel may have done it. The same press again goes
                    # with the same key, and the sync below shows what the panel made of it.
                    said = translate("PageFeature", "{error} The panel may have done it: asking again asks about "
                                                    "this same request, so it is never done twice.").format(error=said)
                self.page.show_message("error", said)
            if isinstance(error, Conflict | NotFound) or (kept and not isinstance(error, NetworkError)):
                session.sync()          # the panel knows better: show the record as it is now

        self.page.set_busy(True)
        self.page.show_message("info", asking)
        session.run(kept_ops.keyed, action, [record_id], operation, record_id, key=new_idempotency_key(),
                    on_done=finished, on_error=failed)

    def pay_invoice(self, invoice_id: str) -> None:
        """An invoice this page shows, paid through the checkout (review, gateway, outcome)."""
        session = self.session_for_panel() if self.checkout is not None else None
        if session is None:
            return
        self.checkout.start(session.id, "invoice", {"invoice_id": invoice_id}, self.page)


class ServicePages(PageFeature):
    watches = frozenset({"services", "invoices"})

    def __init__(self, sessions: Sessions, section, checkout=None) -> None:
        super().__init__(sessions, section)
        self.checkout = checkout
        section.service_opened.connect(self.opened)
        self.page.queues_offline = True        # offline, a request or withdrawal waits in the outbox
        self.page.cancel_requested.connect(self.cancel)
        self.page.withdraw_requested.connect(self.withdraw)
        if hasattr(self.page, "pay_invoice_requested"):
            self.page.pay_invoice_requested.connect(self.pay_invoice)
        if hasattr(self.page, "manage_requested"):
            self.page.manage_requested.connect(self.manage_server)

    def shown_id(self) -> str | None:
        return self.page.service_id

    # -- invoices -------------------------------------------------------------------------------------------------
    def opened(self, service_id: str) -> None:
        session = self.session
        if session is None:
            return
        self.refresh_online()
        self._show_invoices(session, service_id, fetch=session.reachable)

    def _show_invoices(self, session: AccountSession, service_id: str, fetch: bool) -> None:
        service = dict(self.page.service)

        def show(rows: list[dict]) -> None:
            if self._still_showing(session.id, service_id):
                self.page.set_invoices(rows)

        def fetch_failed(error: BaseException) -> None:
            if self._still_showing(session.id, service_id) and not isinstance(error, NetworkError):
                self.page.show_message("error", translate("ServicePages", "The invoices could not be loaded. {reason}")
                                       .format(reason=action_failed(error)))

        def cached(rows: list[dict]) -> None:
            show(rows)
            if fetch:
                session.run(service_ops.fetch_invoices, service, on_done=show, on_error=fetch_failed)

        session.run(service_ops.cached_invoices, service, on_done=cached,
                    on_error=lambda e: self.page.show_message("error", action_failed(e)))

    def redraw(self, session: AccountSession, changes: ChangeSet) -> None:
        service_id = self.page.service_id
        if "services" in changes and session.data is not None:
            fresh = next((s for s in session.data.services if str(s.get("id")) == service_id), None)
            if fresh is not None and fresh != self.page.service:
                self.page.show_service(fresh, session.data)
        if "invoices" in changes:
            self._show_invoices(session, service_id, fetch=False)

    # -- the server -----------------------------------------------------------------------------------------------
    def manage_server(self, url: str) -> None:
        """Manage server: the panel's page for it, in the system browser, and only if it is on the panel's own
        origin (see app.core.server_links)."""
        session = self.session
        if session is None:
            return
        problem = manage_url_problem(url, session.account.panel_url)
        if problem is None and not QDesktopServices.openUrl(QUrl(url)):
            problem = translate("ServicePages", "No web browser could be opened. The server's page is {url}").format(
                url=url)
        if problem:
            self.page.show_message("error", problem)
        else:
            self.page.show_message("info", translate("ServicePages", "Opened the server's page in your web browser."))

    # -- cancellation ---------------------------------------------------------------------------------------------
    def cancel(self, service_id: str, kind: str, reason: str) -> None:
        # What the panel would refuse (a blank or overlong reason, NUL, a broken character) is said here, before it
        # is sent or queued: a queued request the panel then refuses would only be set aside later.
        problem = reason_problem(reason)
        if problem:
            self.page.show_message("error", problem)
            return
        key = new_idempotency_key()
        session = self.session
        label = (translate("ServicePages", "Request cancellation of {service} (immediately)") if kind == "immediate"
                 else translate("ServicePages", "Request cancellation of {service} (at the end of the period)")
                 ).format(service=self._name())
        # Both with the key an earlier attempt at the same request kept, if the panel may have taken it (kept_keys).
        queued = (kept_ops.queue_cancellation, (service_id, kind, reason, key, label))
        if session is not None and not session.reachable:
            self._queue(session, service_id, *queued)
            return
        # A request whose answer is lost on the way (the connection dropped, the panel timed out, a 5xx, an answer
        # Sett cannot read) may have reached the panel: it goes to the outbox with the key it was sent with, so it is
        # sent again exactly once, instead of failing and a second press (a new key) being refused as "already open".
        self._act(service_id, kept_ops.request_cancellation, (service_id, kind, reason, key),
                  translate("ServicePages", "Cancellation requested. The panel's operators will review it; you can "
                                            "withdraw it until then."), lost=queued)

    def withdraw(self, service_id: str) -> None:
        session = self.session
        if session is not None and not session.reachable:
            label = translate("ServicePages", "Withdraw the cancellation request of {service}").format(
                service=self._name())
            self._queue(session, service_id, outbox_ops.queue_withdrawal,
                        (service_id, new_idempotency_key(), label))
            return
        self._act(service_id, service_ops.withdraw_cancellation, (service_id,),
                  translate("ServicePages", "Cancellation request withdrawn."))

    def _name(self) -> str:
        return str((self.page.service.get("product") or {}).get("name") or self.page.service.get("product_name")
                   or translate("ServicePages", "the service"))

    def _queue(self, session: AccountSession, service_id: str, operation, args: tuple) -> None:
        """Offline: the action waits in the outbox, its Idempotency-Key fixed now; the page says so."""
        def done(service: dict) -> None:
            self.page.set_busy(False)
            if self._still_showing(session.id, service_id) and session.data is not None:
                self.page.show_service(service, session.data)
                self.page.show_message("info", translate(
                    "ServicePages", "Queued in the Outbox: Sett sends it once you sign in again. You can edit or "
                                    "remove it in the Outbox until then.") if signed_out(session) else translate(
                    "ServicePages", "Queued in the Outbox: Sett sends it once the panel is back. You can edit or "
                                    "remove it in the Outbox until then."))

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if self._still_showing(session.id, service_id):
                self.page.show_message("error", translate("ServicePages", "Not queued. {reason}").format(
                    reason=action_failed(error)))
        # Queued on the account's local lane (a cache write: it no longer waits for a request the worker is held
        # in), still not at once: meanwhile the page says so and its actions are off, or a second press queued it
        # twice.
        self.page.set_busy(True)
        self.page.show_message("info", translate("ServicePages", "Putting it in the Outbox…"))
        self.sessions.outbox.queue(session, operation, *args, on_done=done, on_error=failed)

    def _act(self, service_id: str, operation, args: tuple, success: str, lost: tuple | None = None) -> None:
        """`operation` now, at the panel; `lost`, (outbox operation, its arguments), queues it instead, its key
        kept, whenever the panel may have done it (a lost answer, a 5xx, an answer Sett cannot read: anything but a
        definite refusal, app.api.idempotency), so the outbox sends it again with that key exactly once."""
        session = self.session_for_panel()
        if session is None:
            return

        def done(service: dict) -> None:
            self.page.set_busy(False)
            if self._still_showing(session.id, service_id) and session.data is not None:
                self.page.show_service(service, session.data)
                self.page.show_message("success", success)
            session.sync()

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if lost is not None and panel_may_have_acted(error) and not session.closed:
                self._queue(session, service_id, *lost)
                if session.reachable and not isinstance(error, NetworkError):
                    session.sync()      # the panel answers: the replay after it sends the same key, answered once
                return
            if self._still_showing(session.id, service_id):
                self.page.show_message("error", action_failed(error))

        self.page.set_busy(True)
        self.page.show_message("info", translate("ServicePages", "Asking the panel…"))
        session.run(operation, *args, on_done=done, on_error=failed)


def install(sessions: Sessions, window, checkout=None) -> dict:
    """The service pages' feature, made when the Services screen is first built; the dict holds it then."""
    made: dict = {}
    window.sections.on_built("services",
                             lambda section: made.setdefault("pages", ServicePages(sessions, section, checkout)))
    return made
