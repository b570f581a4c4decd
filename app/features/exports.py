"""Exports from the window: the Invoices and Credits lists' Export menu and File > Export… (Ctrl+E) write what the
list shows (its status filter, search, order and scope) as CSV or XLSX; "Save all PDFs…" writes one PDF per invoice
of a period into a folder. The rows are read again from the saved caches on a worker (app.exports.saved), so the
file holds the cached rows exactly, payments included; the PDFs are drawn on the UI thread (Qt's text layout needs
it), one per turn of the event loop, behind a cancellable progress dialog."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from app.core.text import translate
from app.models.row_money import own_currency_money
from app.session import Sessions

if TYPE_CHECKING:
    from app.exports.saved import Document, Documents

# The exports' own modules (writers, the saved-cache readers, the dialogs, the PDF layout, the all-accounts model:
# ~20 ms of imports) load with the first export or the first list screen, not on the way to the window's first
# paint: at start the feature only connects signals.

log = logging.getLogger(__name__)
NOTE = "export"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Direction overrides, embeddings and isolates: in a file name they turn what follows backwards, so a name can end
# in what looks like another extension ("INV-1\u202efdp.exe" shows as "INV-1exe.pdf"); dropped.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
# File names are at most 255 bytes on the common file systems: a longer invoice number (a hostile panel's) made
# the PDF impossible to write, and that error ended the whole batch.
MAX_STEM_BYTES = 200


def shown_keys(section, account_id: str) -> list[tuple[str, str]]:
    """(account id, row id) of every row the section's list shows, in the order shown: the invoices list's
    filter proxy, or the credits table's model."""
    from app.models.all_accounts import ACCOUNT_ID_KEY

    proxy = getattr(section, "proxy", None)
    if proxy is not None:
        rows = proxy.rows()
    else:
        model = section.model
        rows = [model.row(position) for position in range(model.rowCount())]
    return [(str(row.get(ACCOUNT_ID_KEY) or account_id), str(row.get("id"))) for row in rows
            if row.get("id") is not None]


def pdf_name(document: Document, with_account: bool, taken: set[str]) -> str:
    number = str(document.invoice.get("invoice_number") or document.invoice.get("id"))
    stem = f"{document.account_name} {number}" if with_account else number
    stem = _UNSAFE.sub("_", _DIRECTION.sub("", stem)).strip(" .")
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.strip(" .") or "invoice"
    name, n = f"{stem}.pdf", 2
    while name.casefold() in taken:
        name, n = f"{stem} ({n}).pdf", n + 1
    taken.add(name.casefold())
    return name


class Exports(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        # Replaceable, so tests answer the dialogs: (window, kind) -> (path, fmt) | None, and
        # (window, all_accounts) -> (from, to, folder) | None.
        self.ask_file: Callable = _ask_export_file
        self.ask_batch: Callable = _ask_pdf_batch
        self.batch: PdfBatch | None = None
        self.last_error: str | None = None
        for key in ("invoices", "credits"):
            window.sections.on_built(key, self._attach)
        menus = getattr(window, "menus", None)
        if menus is not None and hasattr(menus, "export_requested"):
            menus.export_requested.connect(self.export_current)
            menus.pdfs_requested.connect(lambda: self.save_pdfs(self._invoices()))

    def _attach(self, section) -> None:
        if hasattr(section, "export_requested"):
            section.export_requested.connect(partial(self.export, section))

    def _invoices(self):
        return self.window.sections["invoices"]

    def export_current(self) -> None:
        """File > Export…: the Credits list when it is the screen shown, else the Invoices list (shown first)."""
        key = "credits" if getattr(self.window, "current_key", "") == "credits" else "invoices"
        self.window.select_section(key)
        self.export(self.window.sections[key], key)

    def _accounts(self, section) -> list[tuple[str, str]]:
        """(id, name) of the accounts the section's scope covers."""
        from app.views.scope import ALL

        everyone = [(a.id, a.name) for a in self.sessions.accounts()]
        if getattr(section, "scope", None) == ALL:
            return everyone
        return [(i, n) for i, n in everyone if i == self.sessions.current_id]

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _failed(self, text: str) -> None:
        self.last_error = text
        log.warning("export failed: %s", text)
        self.sessions.note(NOTE, "error", text)

    # -- CSV / XLSX -----------------------------------------------------------------------------------------------
    def export(self, section, kind: str) -> None:
        if kind == "pdfs":
            self.save_pdfs(section)
            return
        keys = shown_keys(section, self.sessions.current_id or "")
        if not keys:
            self._say(translate("Exports", "Nothing to export: the list shows no rows."))
            return
        choice = self.ask_file(self.window, kind)
        if not choice:
            return
        path, fmt = choice
        accounts = self._accounts(section)
        credits = kind == "credits"

        def work():
            from app.exports import build_table, write_table
            from app.exports.records import in_order
            from app.exports.saved import read_saved

            saved = read_saved(accounts)
            table = build_table(kind, in_order(saved.accounts, keys, credits=credits))
            write_table(table, path, fmt)
            return table

        def done(table) -> None:
            self.sessions.clear_note(NOTE)
            self.last_error = None
            rows, skipped = len(table.rows), table.skipped      # plain names: lupdate reads `n` only as one
            self._say(translate("Exports", "Exported %n row(s) to {path}", None, rows).format(path=path))
            if skipped:
                self.sessions.note(NOTE, "info", translate(
                    "Exports", "%n invoice(s) have no payments in the file: their details were never downloaded "
                    "(open them once while online).", None, skipped))

        def failed(error: BaseException) -> None:
            self._failed(translate("Exports", "The export could not be written: {reason}").format(reason=error))

        self._say(translate("Exports", "Exporting…"))
        self.sessions.runner.run(work, done, failed)

    # -- Save all PDFs --------------------------------------------------------------------------------------------
    def save_pdfs(self, section) -> None:
        if self.batch is not None:
            return
        accounts = self._accounts(section)
        if not accounts:
            self._say(translate("Exports", "Add an account first: there are no invoices to save."))
            return
        from app.views.scope import ALL

        everyone = getattr(section, "scope", None) == ALL
        choice = self.ask_batch(self.window, everyone)
        if not choice:
            return
        start, end, folder = choice
        from app.exports import Period
        from app.exports.saved import read_documents

        try:
            period = Period(start, end)
        except ValueError as exc:
            self._failed(str(exc))
            return
        target = Path(folder)
        if not target.is_dir():
            self._failed(translate("Exports", "The folder {folder} does not exist.").format(folder=folder))
            return

        def unreadable(error: BaseException) -> None:
            self._failed(translate("Exports", "The saved invoices could not be read: {reason}").format(reason=error))

        self.sessions.runner.run(lambda: read_documents(accounts, period),
                                 lambda found: self._render(found, target, everyone), unreadable)

    def _render(self, found: Documents, folder: Path, with_account: bool) -> None:
        if not found.items:
            text = translate("Exports", "No invoice of the period can be saved as a PDF.")
            skipped = found.skipped
            if skipped:
                text += " " + translate("Exports", "%n invoice(s) skipped: their details were never downloaded.",
                                        None, skipped)
            self.sessions.note(NOTE, "info", text)
            return
        self.batch = PdfBatch(self, found, folder, with_account)
        self.batch.start()

    def batch_ended(self, batch: PdfBatch) -> None:
        self.batch = None
        written, skipped = batch.written, batch.found.skipped
        parts = [translate("Exports", "Saved %n PDF(s) in {folder}.", None, written).format(folder=batch.folder)]
        if skipped:
            parts.append(translate("Exports", "%n invoice(s) skipped: their details were never downloaded (open "
                                   "them once while online).", None, skipped))
        if batch.cancelled:
            parts.append(translate("Exports", "Cancelled before the end."))
        if batch.error:
            self._failed(" ".join([*parts, translate("Exports", "Stopped: {reason}").format(reason=batch.error)]))
            return
        self.sessions.note(NOTE, "success" if not batch.found.skipped else "info", " ".join(parts))


class PdfBatch(QObject):
    """Writes the documents one per timer tick, each whole or not at all, until done, cancelled or failed."""

    def __init__(self, owner: Exports, found: Documents, folder: Path, with_account: bool) -> None:
        super().__init__(owner)
        self.owner, self.found, self.folder, self.with_account = owner, found, folder, with_account
        self.written = 0
        self.cancelled = False
        self.error: str | None = None
        self._next = 0
        self._taken: set[str] = set()
        from app.views.exports import pdf_progress

        self.progress = pdf_progress(owner.window, len(found.items))
        self.progress.canceled.connect(self._cancel)
        self.timer = QTimer(self, interval=0)
        self.timer.timeout.connect(self._step)

    def start(self) -> None:
        self.progress.show()
        self.timer.start()

    def _cancel(self) -> None:
        self.cancelled = True
        self._end()

    def _step(self) -> None:
        if self.progress.wasCanceled():     # Escape or cancel() cancel without the button's signal
            self._cancel()
            return
        if self._next >= len(self.found.items):
            self._end()
            return
        document = self.found.items[self._next]
        self._next += 1
        name = pdf_name(document, self.with_account, self._taken)
        try:
            from app.exports.writers import replacing
            from app.views.invoice_pdf import write_invoice_pdf

            panel, customer = document.data.document_parties
            with replacing(self.folder / name) as temporary:
                # In the invoice's own currency: one in euros on a dollar account was written as dollars.
                money = own_currency_money(document.data.money, document.invoice)
                write_invoice_pdf(temporary, document.invoice, money, panel, customer)
        except OSError as exc:
            self.error = str(exc)
            self._end()
            return
        self.written += 1
        self.progress.setValue(self._next)
        self.progress.setLabelText(translate("Exports", "Saved {name}").format(name=name))

    def _end(self) -> None:
        if not self.timer.isActive() and self.owner.batch is not self:
            return
        self.timer.stop()
        self.progress.canceled.disconnect(self._cancel)
        self.progress.close()
        self.progress.deleteLater()
        self.owner.batch_ended(self)
        self.deleteLater()


def _ask_export_file(window, kind: str):
    from app.views.exports import ask_export_file

    return ask_export_file(window, kind)


def _ask_pdf_batch(window, all_accounts: bool):
    from app.views.exports import ask_pdf_batch

    return ask_pdf_batch(window, all_accounts)


def install(sessions: Sessions, window) -> Exports:
    return Exports(sessions, window)
