"""The overview across accounts (the dashboard's and the lists' "All accounts" scope, in all_accounts.py), the
credits screen's top-up (through the checkout), and the screens `--screenshot --view` prepares."""
from __future__ import annotations

from PySide6.QtCore import QObject

from app.session import Sessions, cannot_reach, current_reach

from . import all_accounts


class Overview(QObject):
    def __init__(self, sessions: Sessions, window, checkout) -> None:
        super().__init__(window)
        self.sessions, self.window, self.checkout = sessions, window, checkout
        self.all_accounts = all_accounts.install(sessions, window)
        self.credits = None
        window.sections.on_built("credits", self._attach_credits)
        sessions.changed.connect(self._refresh)
        sessions.sync_failed.connect(self._refresh)
        sessions.status_changed.connect(self._refresh)

    def _attach_credits(self, credits) -> None:
        self.credits = credits
        credits.top_up_requested.connect(self.top_up)
        self._refresh()

    def _refresh(self, *_args) -> None:
        if self.credits is not None:
            self.credits.set_online(*current_reach(self.sessions))

    def top_up(self, amount: str) -> None:
        session = self.sessions.current
        if session is None or self.credits is None:
            return
        if not session.reachable:
            self.credits.show_top_up_message(cannot_reach(session))
            return
        checkout = self.checkout.start(session.id, "top_up", {"amount": amount}, self.credits)
        if checkout is not None:
            checkout.dialog.finished.connect(lambda _r: self._top_up_ended(checkout))

    def _top_up_ended(self, checkout) -> None:
        # A paid amount left in the box was one click from paying it again; a failed or cancelled one stays to retry.
        outcome = checkout.outcome
        if self.credits is not None and outcome is not None and outcome.status == "succeeded":
            self.credits.top_up_amount.clear()


def install(sessions: Sessions, window, checkout) -> Overview:
    return Overview(sessions, window, checkout)


PAGE_VIEWS = {"service": "services", "invoice": "invoices", "dashboard-all": "dashboard",
              "invoices-all": "invoices"}


def prepare_view(sessions: Sessions, window, view: str) -> str:
    """For `--screenshot --view`: "service" opens a service's page (a suspended or active one first), "invoice"
    an invoice's page (an overdue one first), "dashboard-all" the dashboard over every account, "invoices-all"
    the invoices of every account. Returns the section to show."""
    data = sessions.data(sessions.current_id)
    if data is not None and view == "service" and data.services:
        order = {"suspended": 0, "active": 1}
        service = min(data.services, key=lambda s: order.get(s.get("status"), 2))
        window.sections["services"].open_service(str(service["id"]))
    elif data is not None and view == "invoice" and data.invoices:
        order = {"overdue": 0, "paid": 1}
        invoice = min(data.invoices, key=lambda r: order.get(r.get("status"), 2))
        window.sections["invoices"].open_invoice(str(invoice["id"]))
    elif view == "dashboard-all":
        window.sections["dashboard"].set_scope("all")
    elif view == "invoices-all":
        window.sections["invoices"].apply_filter({"scope": "all"})
    return PAGE_VIEWS.get(view, view)
