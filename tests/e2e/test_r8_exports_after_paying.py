"""Exports for the books after a real payment, as a buyer makes them in the running client against the real panel and
localstripe: an order paid with credit first and the card for the rest, then Invoices ▸ Export ▸ Payments and
Credits ▸ Export through the save dialog (a name typed without its extension), and Invoices ▸ Save all PDFs… through
its dialog. The files hold what the panel holds: each payment with its method and amount, the credit's history with
the balance after each line, totals per currency, and one PDF per invoice naming the buyer as their billing profile
says; and `sett export payments` from the command line writes the same rows as the window. (tests/gui/test_exports
writes these from canned caches; test_r6_store_and_export the invoices CSV.)"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from tests.gui.conftest import WAIT
from tests.support.panel import ROOT

from .checkout_steps import open_checkout, order_request, orders_of, pay_by_card

COMPANY = "Müller & Söhne GmbH"


def rows_of(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def export_through_the_save_dialog(qtbot, app, monkeypatch, trigger, path_typed: Path) -> Path:
    """`trigger` an export; the save dialog answers `path_typed` with the CSV filter; returns the file written."""
    asked = []

    def save_dialog(parent, caption, start, filters):
        asked.append(start)
        return str(path_typed), filters.split(";;")[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    trigger()
    written = path_typed.with_suffix(".csv")
    qtbot.waitUntil(lambda: written.exists() and "Exported" in app.window.statusBar().currentMessage(), timeout=WAIT)
    assert asked and Path(asked[0]).name.endswith(".csv")       # it suggested a name
    return written


def save_all_pdfs(qtbot, app, invoices, folder: Path) -> None:
    """Invoices ▸ Export ▸ Save all PDFs…: the dialog's period left as it opens (this year), the folder typed, Save."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "pdfBatchDialog":
            QTimer.singleShot(20, fill)
            return
        dialog.folder.setText(str(folder))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    QTimer.singleShot(20, fill)
    invoices.export_button.actions_by_kind["pdfs"].trigger()
    exports = app.features["exports"]
    qtbot.waitUntil(lambda: exports.batch is None and "export" in app.sessions.global_notes
                    and "Saved" in app.sessions.global_notes["export"].text, timeout=WAIT)


def test_payments_credit_history_and_pdfs_exported_after_a_credit_and_card_payment(
        qtbot, client_of, vps, tmp_path, monkeypatch, data_dir):
    app, account, buyer = client_of(credits="4.00")
    buyer.data("PUT", "/account/billing-profile", {"company": COMPANY, "address_lines": ["Hauptstraße 1", "Berlin"],
                                                   "country": "DE", "tax_id": ""})
    session = open_checkout(qtbot, app, account, order_request(vps, use_credits=True))
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()
    (order,) = orders_of(buyer)
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert invoice["status"] == "paid"
    number = invoice["invoice_number"]
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.proxy.rowCount() == 1
                    and any(r["id"] == invoice["id"] and r["status"] == "paid" for r in app.data[account.id].invoices),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: not app.sync.is_running(account.id), timeout=WAIT)

    # Payments of these invoices: the credit and the card, each with its amount, and one total.
    payments = export_through_the_save_dialog(
        qtbot, app, monkeypatch, invoices.export_button.actions_by_kind["payments"].trigger, tmp_path / "payments")
    rows = rows_of(payments)
    listed = sorted((r["Invoice"], r["Method"], r["Status"], r["Amount"], r["Currency"]) for r in rows
                    if r["Invoice"] == number)
    assert listed == sorted((number, p["method"], p["status"], p["amount"], "USD") for p in invoice["payments"])
    assert sorted((m, a) for _n, m, s, a, _c in listed if s == "succeeded") == [("credits", "4.00"), ("stripe", "6.00")]
    (total,) = [r for r in rows if r["Account"] == "Total"]
    assert (total["Currency"], total["Amount"]) == ("USD", "10.00")

    # Credits ▸ Export: the credit given, then spent on the invoice, with the balance after each.
    app.window.select_section("credits")
    credits = app.window.sections["credits"]
    history = export_through_the_save_dialog(
        qtbot, app, monkeypatch, credits.export_button.actions_by_kind["credits"].trigger, tmp_path / "credits")
    lines = [r for r in rows_of(history) if r["Account"] != "Total"]
    panel_lines = buyer.data("GET", "/billing/credits/transactions")
    assert sorted((r["Type"], r["Amount"], r["Balance after"]) for r in lines) == sorted(
        (t["type"], t["amount"], t["balance_after"]) for t in panel_lines) == [("adjustment", "4.00", "4.00"),
                                                                              ("payment", "-4.00", "0.00")]
    assert [r["Invoice ID"] for r in lines if r["Type"] == "payment"] == [invoice["id"]]

    # Save all PDFs…: one PDF for the one invoice, billed to the company in the buyer's profile.
    folder = tmp_path / "pdfs"
    folder.mkdir()
    app.window.select_section("invoices")
    save_all_pdfs(qtbot, app, invoices, folder)
    (pdf,) = folder.iterdir()
    assert pdf.name == f"{number}.pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert number in text and COMPANY in text and "Hauptstraße 1" in text, text
    assert "$10.00" in text and "Paid" in text, text
    assert "Saved 1 PDF" in app.sessions.global_notes["export"].text

    # The same payments from the command line, with no window, from the same saved data: the same rows.
    from_cli = tmp_path / "cli-payments.csv"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "app", "export", "payments", "-o", str(from_cli),
                           "--data-dir", str(data_dir)], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert rows_of(from_cli) == rows
    assert "wrote" in done.stdout and "USD 10.00" in done.stdout, done.stdout
