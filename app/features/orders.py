"""Orders: the order page's Complete payment (its invoice's checkout) and Cancel order (an operation with its own
Idempotency-Key; the panel's refusal in words), and Pay all due (one payment for a list of invoices) from the
Invoices screen, a selection of invoices, and the dashboard's Amount due card.
"""
from __future__ import annotations

import logging

from app.api import Conflict, NotFound
from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed, cannot_reach, current_reach
from app.session.operations import payments as pay_ops

from .services import PageFeature

log = logging.getLogger(__name__)


def cancel_refused(error: BaseException) -> str:
    """Why the order was not cancelled, in words (the panel's reason for a 409 `order_not_cancellable`)."""
    if isinstance(error, Conflict) and error.code == "order_not_cancellable":
        return translate("OrderPages", "The panel cannot cancel this order: {reason} An order is cancellable only "
                                       "while nothing of it has been paid by card or PayPal.").format(reason=error)
    if isinstance(error, NotFound):
        return translate("OrderPages", "The panel does not know this order any more; it may have been removed. Sync "
                                       "to see its state.")
    return translate("OrderPages", "The order was not cancelled. {reason}").format(reason=action_failed(error))


class OrderPages(PageFeature):
    watches = frozenset({"orders", "invoices", "services"})

    def __init__(self, sessions: Sessions, section, checkout) -> None:
        super().__init__(sessions, section)
        self.checkout = checkout
        self.page.pay_requested.connect(self.pay_invoice)       # Complete payment: its invoice's checkout
        self.page.cancel_requested.connect(self.cancel)
        section.order_opened.connect(lambda _oid: self.refresh_online())

    def shown_id(self) -> str | None:
        return self.page.order_id

    def cancel(self, order_id: str) -> None:
        def done(session: AccountSession, order: dict) -> None:
            if self._still_showing(session.id, order_id) and session.data is not None:
                self.page.show_order(order, session.data)
                self.page.show_message("success", translate("OrderPages", "Order {number} is cancelled. Its invoice "
                                                             "is cancelled too, and any credits applied to it are back "
                                                                          "in your balance.").format(
                    number=order.get("order_number") or ""))

        self.run_keyed(order_id, pay_ops.cancel_order, done=done, refused=cancel_refused,
                       asking=translate("OrderPages", "Asking the panel to cancel the order…"))


class PayAllDue:
    """Screens ask for one payment of several invoices; the checkout opens for them (kind "invoices")."""

    def __init__(self, sessions: Sessions, window, checkout) -> None:
        self.sessions, self.window, self.checkout = sessions, window, checkout
        window.sections.on_built("invoices", self._attach_invoices)
        window.sections.on_built("dashboard", self._attach_dashboard)

    def _attach_invoices(self, invoices) -> None:
        if not hasattr(invoices, "pay_invoices_requested"):
            return
        sessions, bar = self.sessions, invoices.pay_due
        invoices.pay_invoices_requested.connect(lambda ids: self.pay(ids, invoices))

        def follow(*_args) -> None:
            bar.set_online(*current_reach(sessions))
        for signal in (sessions.changed, sessions.status_changed, sessions.sync_failed, sessions.current_changed):
            signal.connect(follow)
        follow()

    def _attach_dashboard(self, dashboard) -> None:
        if hasattr(dashboard, "pay_all_requested"):
            dashboard.pay_all_requested.connect(lambda: self.pay_all(dashboard))

    def pay_all(self, parent=None) -> None:
        session = self.sessions.current
        if session is None or session.data is None:
            return
        self.pay(list(session.data.payable_ids), parent)

    def pay(self, invoice_ids: list, parent=None) -> None:
        session: AccountSession | None = self.sessions.current
        if session is None or not invoice_ids:
            return
        if not session.reachable:
            session.note("checkout", "warning", cannot_reach(session))
            return
        self.checkout.start(session.id, "invoices", {"invoice_ids": [str(i) for i in invoice_ids]}, parent)


def install(sessions: Sessions, window, checkout) -> dict:
    """The order pages' feature (made when the Orders screen is first built) and Pay all due."""
    made: dict = {"pay_all_due": PayAllDue(sessions, window, checkout)}
    window.sections.on_built("orders", lambda section: made.setdefault("pages",
                                                                         OrderPages(sessions, section, checkout)))
    return made
