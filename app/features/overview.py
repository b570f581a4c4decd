"""The dashboard's "All accounts" view (every account's cache read on a worker and added up per currency), and the
credits screen's top-up (through the checkout feature's gateway flow)."""
from __future__ import annotations

from PySide6.QtCore import QObject

from app import paths
from app.cache import AccountCache
from app.snapshot import AccountData, load_account_data

from .invoices import start_payment_function
from .services import OFFLINE_ACTION, is_online


def read_all(accounts: list[tuple[str, str]]) -> list[tuple[str, AccountData]]:
    """On a worker: (name, AccountData) of every account, from each one's cache."""
    out = []
    for account_id, name in accounts:
        with AccountCache(paths.account_cache(account_id)) as cache:
            out.append((name, load_account_data(account_id, cache)))
    return out


class Overview(QObject):
    def __init__(self, app, dashboard) -> None:
        super().__init__(app)
        self.app, self.dashboard = app, dashboard
        self.generation = 0
        dashboard.scope_changed.connect(lambda scope: scope == "all" and self.refresh())
        app.data_shown.connect(lambda _account_id, _data: self.dashboard.scope == "all" and self.refresh())

    def refresh(self) -> None:
        self.generation += 1
        generation = self.generation
        accounts = [(a.id, a.name) for a in self.app.accounts.all()]

        def done(rows: list[tuple[str, AccountData]]) -> None:
            if generation == self.generation:
                self.dashboard.show_all(rows)

        def failed(error: BaseException) -> None:
            if generation == self.generation:
                self.dashboard.synced.setText(f"The saved data of every account could not be read: {error}")

        self.app.runner.run(lambda: read_all(accounts), done, failed)


def top_up(app, credits_section, amount: str) -> None:
    account_id = app.current_id
    if account_id is None:
        return
    if not is_online(app, account_id):
        credits_section.show_top_up_message(OFFLINE_ACTION)
        return
    start_payment = start_payment_function()
    if start_payment is None:
        credits_section.show_top_up_message("Topping up through a payment gateway is coming soon.")
        return
    start_payment(app, account_id, "top_up", {"amount": amount}, credits_section)


def install(app) -> None:
    dashboard = app.window.sections.get("dashboard")
    if dashboard is not None and hasattr(dashboard, "scope_changed"):
        app.overview = Overview(app, dashboard)
    credits = app.window.sections.get("credits")
    if credits is not None and hasattr(credits, "top_up_requested"):
        credits.top_up_requested.connect(lambda amount: top_up(app, credits, amount))
        refresh = lambda *_a: credits.set_online(is_online(app, app.current_id))  # noqa: E731
        app.synced.connect(refresh)
        app.sync_failed.connect(refresh)
        app.data_shown.connect(refresh)


PAGE_VIEWS = {"service": "services", "invoice": "invoices", "dashboard-all": "dashboard"}


def prepare_view(app, view: str) -> str:
    """For `--screenshot --view`: "service" opens a service's page (a suspended or active one first), "invoice"
    an invoice's page (an overdue one first), "dashboard-all" the dashboard over every account. Returns the
    section to show."""
    data = app.data.get(app.current_id) if app.current_id else None
    if data is not None and view == "service" and data.services:
        order = {"suspended": 0, "active": 1}
        service = min(data.services, key=lambda s: order.get(s.get("status"), 2))
        app.window.sections["services"].open_service(str(service["id"]))
    elif data is not None and view == "invoice" and data.invoices:
        order = {"overdue": 0, "paid": 1}
        invoice = min(data.invoices, key=lambda r: order.get(r.get("status"), 2))
        app.window.sections["invoices"].open_invoice(str(invoice["id"]))
    elif view == "dashboard-all":
        app.window.sections["dashboard"].set_scope("all")
    return PAGE_VIEWS.get(view, view)
