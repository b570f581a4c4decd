"""The invoice page's work: its detail (cache first, then the panel, saved for offline), paying it through the
checkout, cancelling a credit top-up left unpaid, and its PDF."""
from __future__ import annotations

import logging

from app.api import Conflict, NetworkError
from app.core.changes import ChangeSet
from app.core.text import translate
from app.models.row_money import own_currency_money
from app.session import AccountSession, Sessions, action_failed
from app.session.operations import invoices as invoice_ops
from app.session.operations import payments as pay_ops

from .services import PageFeature

log = logging.getLogger(__name__)


def top_up_cancel_refused(error: BaseException) -> str:
    """Why the top-up was not cancelled, in words (the panel's reason for a 409 `invoice_not_cancellable`)."""
    if isinstance(error, Conflict) and error.code == "invoice_not_cancellable":
        return translate("InvoicePages", "The panel cannot cancel this top-up: {reason}").format(reason=error)
    return translate("InvoicePages", "The top-up was not cancelled. {reason}").format(reason=action_failed(error))


class InvoicePages(PageFeature):
    watches = frozenset({"invoices"})

    def __init__(self, sessions: Sessions, section, checkout) -> None:
        super().__init__(sessions, section)
        self.checkout = checkout
        section.invoice_opened.connect(self.opened)
        self.page.pay_requested.connect(self.pay_invoice)
        self.page.cancel_top_up_requested.connect(self.cancel_top_up)
        self.page.pdf_requested.connect(self.save_pdf)
        self.page.print_requested.connect(self.print_invoice)

    def shown_id(self) -> str | None:
        return self.page.invoice_id

    def _show(self, account_id: str, invoice: dict | None) -> None:
        session = self.sessions.get(account_id)
        if invoice and session is not None and session.data is not None \
                and self._still_showing(account_id, str(invoice.get("id"))):
            self.page.show_invoice(invoice, session.data)

    # -- the detail -----------------------------------------------------------------------------------------------
    def opened(self, invoice_id: str) -> None:
        session = self.session
        if session is None:
            return
        self.refresh_online()
        self._load(session, invoice_id, fetch=True)

    def _load(self, session: AccountSession, invoice_id: str, fetch: bool) -> None:
        account_id = session.id

        def fetch_failed(error: BaseException) -> None:
            if not self._still_showing(account_id, invoice_id):
                return
            if not self.page.has_detail:
                self.page.detail_missing_offline()
            if not session.reachable or isinstance(error, NetworkError):
                return
            self.page.show_message("error", translate("InvoicePages", "The invoice's details could not be loaded. "
                                                                      "{reason}").format(reason=action_failed(error)))

        def cached(invoice: dict | None) -> None:
            if invoice and "lines" in invoice:
                self._show(account_id, invoice)
            if fetch and session.reachable:
                session.run(invoice_ops.fetch_invoice, invoice_id, on_done=lambda inv: self._show(account_id, inv),
                            on_error=fetch_failed)
            elif self._still_showing(account_id, invoice_id) and not self.page.has_detail:
                self.page.detail_missing_offline()

        session.run(invoice_ops.cached_invoice, invoice_id, on_done=cached,
                    on_error=lambda e: self.page.show_message("error", action_failed(e)))

    def redraw(self, session: AccountSession, changes: ChangeSet) -> None:
        if changes.source != "fetch_invoice":       # its own answer is already on the page
            self._load(session, self.page.invoice_id, fetch=False)

    # -- cancelling a credit top-up left unpaid ----------------------------------------------------------------
    def cancel_top_up(self, invoice_id: str) -> None:
        def done(session: AccountSession, invoice: dict) -> None:
            self._show(session.id, invoice)
            if self._still_showing(session.id, invoice_id):
                self.page.show_message("success", translate("InvoicePages", "The top-up {number} is cancelled: it is "
                                                            "no longer due.").format(
                    number=invoice.get("invoice_number") or ""))

        self.run_keyed(invoice_id, pay_ops.cancel_top_up, done=done, refused=top_up_cancel_refused,
                       asking=translate("InvoicePages", "Asking the panel to cancel the top-up…"))

    # -- the PDF and printing (one document, two targets: app.views.invoice_pdf) -----------------------------------
    def _document_args(self, invoice_id: str) -> tuple | None:
        """(invoice, money, panel name, customer) for the open invoice, or None when it is no longer shown. The
        panel name and customer stand in only on an invoice issued without a seller or buyer copy."""
        session = self.session
        data = session.data if session else None
        if data is None or self.page.invoice_id != invoice_id:
            return None
        panel, customer = data.document_parties
        # The invoice's own currency: one in euros on a dollar account was printed as dollars.
        return self.page.invoice, own_currency_money(data.money, self.page.invoice), panel, customer

    def save_pdf(self, invoice_id: str, path: str) -> None:
        from app.views.invoice_pdf import write_invoice_pdf

        self._render(invoice_id, lambda args: write_invoice_pdf(path, *args),
                     translate("InvoicePages", "The PDF could not be saved: {reason}"),
                     translate("InvoicePages", "Saved {path}").format(path=path))

    def print_invoice(self, invoice_id: str, printer) -> None:
        from app.views.invoice_pdf import print_invoice

        self._render(invoice_id, lambda args: print_invoice(printer, *args),
                     translate("InvoicePages", "The invoice could not be printed: {reason}"),
                     translate("InvoicePages", "Sent to the printer."))

    def _render(self, invoice_id: str, render, failed: str, done: str) -> None:
        """The open invoice's one document onto a PDF file or a printer, then what came of it on the page."""
        args = self._document_args(invoice_id)
        if args is None:
            return
        try:
            render(args)
        except OSError as exc:
            self.page.show_message("error", failed.format(reason=exc))
            return
        log.info("invoice %s: %s", invoice_id, done)
        self.page.show_message("success", done)


def install(sessions: Sessions, window, checkout=None) -> dict:
    """The invoice pages' feature, made when the Invoices screen is first built; the dict holds it then."""
    made: dict = {}
    window.sections.on_built("invoices",
                             lambda section: made.setdefault("pages", InvoicePages(sessions, section, checkout)))
    return made
