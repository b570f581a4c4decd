"""The overview across accounts (the dashboard's and the lists' "All accounts" scope, in all_accounts.py), the
credits screen's top-up (through the checkout feature's gateway flow), and the screens `--screenshot --view`
prepares."""
from __future__ import annotations

from . import all_accounts
from .invoices import start_payment_function
from .services import OFFLINE_ACTION, is_online


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
    all_accounts.install(app)
    credits = app.window.sections.get("credits")
    if credits is not None and hasattr(credits, "top_up_requested"):
        credits.top_up_requested.connect(lambda amount: top_up(app, credits, amount))
        refresh = lambda *_a: credits.set_online(is_online(app, app.current_id))  # noqa: E731
        app.synced.connect(refresh)
        app.sync_failed.connect(refresh)
        app.data_shown.connect(refresh)


PAGE_VIEWS = {"service": "services", "invoice": "invoices", "dashboard-all": "dashboard",
              "invoices-all": "invoices"}


def prepare_view(app, view: str) -> str:
    """For `--screenshot --view`: "service" opens a service's page (a suspended or active one first), "invoice"
    an invoice's page (an overdue one first), "dashboard-all" the dashboard over every account, "invoices-all"
    the invoices of every account. Returns the section to show."""
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
    elif view == "invoices-all":
        app.window.sections["invoices"].apply_filter({"scope": "all"})
    return PAGE_VIEWS.get(view, view)
