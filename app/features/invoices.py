"""The invoice page's work: its detail (cache first, then the panel, saved for offline), paying it, its PDF.

Paying goes through the checkout feature's `start_payment` when it exists (gateways in the embedded web view);
until then an invoice the credit balance covers is paid with credits, and anything else says gateways are coming.
"""
from __future__ import annotations

import importlib
import logging

from app.api import NetworkError, new_idempotency_key
from app.cache import CacheChanges
from app.core.money import parse_money
from app.invoice_pdf import write_invoice_pdf
from app.views.credits import credit_balance

from .services import OFFLINE_ACTION, PageFeature, error_text, is_online, with_cache

log = logging.getLogger(__name__)


def start_payment_function():
    """`app.features.checkout.start_payment` once that feature exists, else None."""
    try:
        module = importlib.import_module("app.features.checkout")
    except ImportError:
        return None
    return getattr(module, "start_payment", None)


def _money(value) -> object:
    try:
        return parse_money(value)
    except (TypeError, ValueError):
        return None


class InvoicePages(PageFeature):
    def __init__(self, app, section) -> None:
        super().__init__(app, section)
        section.invoice_opened.connect(self.opened)
        self.page.pay_requested.connect(self.pay)
        self.page.pdf_requested.connect(self.save_pdf)

    def shown_id(self) -> str | None:
        return self.page.invoice_id

    def _show(self, account_id: str, invoice: dict | None) -> None:
        data = self.app.data.get(account_id)
        if invoice and data is not None and self._still_showing(account_id, str(invoice.get("id"))):
            self.page.show_invoice(invoice, data)

    # -- the detail -----------------------------------------------------------------------------------------------
    def opened(self, invoice_id: str) -> None:
        account_id = self.app.current_id
        if account_id is None:
            return
        self.refresh_online()

        def fetch(client) -> dict:
            invoice = client.get(f"/billing/invoices/{invoice_id}")
            with_cache(account_id, lambda cache: cache.apply(CacheChanges(upserts={"invoices": [invoice]})))
            return invoice

        def fetch_failed(error: BaseException) -> None:
            if not self._still_showing(account_id, invoice_id):
                return
            if not self.page.has_detail:
                self.page.detail_missing_offline()
            if not is_online(self.app, account_id) or isinstance(error, NetworkError):
                return
            self.page.show_message("error", "The invoice's details could not be loaded. " + error_text(error))

        def cached(invoice: dict | None) -> None:
            if invoice and "lines" in invoice:
                self._show(account_id, invoice)
            if is_online(self.app, account_id):
                self.app.call(account_id, fetch, lambda inv: self._show(account_id, inv), fetch_failed)
            elif self._still_showing(account_id, invoice_id) and not self.page.has_detail:
                self.page.detail_missing_offline()

        self.app.runner.run(lambda: with_cache(account_id, lambda c: c.invoice(invoice_id)), cached,
                            lambda e: self.page.show_message("error", error_text(e)))

    # -- paying ---------------------------------------------------------------------------------------------------
    def pay(self, invoice_id: str) -> None:
        account_id = self.app.current_id
        if account_id is None:
            return
        if not is_online(self.app, account_id):
            self.page.show_message("error", OFFLINE_ACTION)
            return
        start_payment = start_payment_function()
        if start_payment is not None:
            start_payment(self.app, account_id, "invoice", {"invoice_id": invoice_id}, self.page)
            return
        data = self.app.data.get(account_id)
        balance = _money(credit_balance(data)) if data else None
        due = _money(self.page.invoice.get("balance_due"))
        if balance is None or due is None or balance < due:
            self.page.show_message("info", "Your credit balance does not cover this invoice. Paying by card or "
                                           "PayPal from Sett is coming soon; until then pay it on the panel's "
                                           "website.")
            return
        key = new_idempotency_key()

        def work(client) -> dict:
            client.post(f"/billing/invoices/{invoice_id}/pay", {"payment_method": "credits"}, idempotency_key=key)
            invoice = client.get(f"/billing/invoices/{invoice_id}")
            with_cache(account_id, lambda cache: cache.apply(CacheChanges(upserts={"invoices": [invoice]})))
            return invoice

        def done(invoice: dict) -> None:
            self.page.set_busy(False)
            self._show(account_id, invoice)
            if self._still_showing(account_id, invoice_id):
                self.page.show_message("success", "Paid with credits.")
            self.app.sync.sync(account_id)

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if self._still_showing(account_id, invoice_id):
                self.page.show_message("error", "The invoice was not paid. " + error_text(error))
            self.app.sync.sync(account_id)

        self.page.set_busy(True)
        self.page.show_message("info", "Paying with credits…")
        self.app.call(account_id, work, done, failed)

    # -- the PDF --------------------------------------------------------------------------------------------------
    def save_pdf(self, invoice_id: str, path: str) -> None:
        account_id = self.app.current_id
        data = self.app.data.get(account_id) if account_id else None
        if data is None or self.page.invoice_id != invoice_id:
            return
        panel = (data.public_settings or {}).get("panel_name") or ""
        me = data.me or {}
        customer = " ".join(p for p in (me.get("first_name"), me.get("last_name")) if p) or me.get("email") or ""
        if me.get("email") and me.get("email") not in customer:
            customer = f"{customer} <{me['email']}>" if customer else me["email"]
        try:
            write_invoice_pdf(path, self.page.invoice, data.money, panel, customer)
        except OSError as exc:
            self.page.show_message("error", f"The PDF could not be saved: {exc}")
            return
        log.info("saved invoice %s as %s", invoice_id, path)
        self.page.show_message("success", f"Saved {path}")


def install(app) -> None:
    section = app.window.sections.get("invoices")
    if section is not None and hasattr(section, "page"):
        app.invoice_pages = InvoicePages(app, section)
