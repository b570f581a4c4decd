"""The invoice PDF keeps inside its margins: the totals line up with the items' Amount column instead of running
past it (QTextDocument.print_ added 2 cm of its own and floated the totals beyond the text's edge), and the save
dialog starts in the user's Documents folder."""
from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from app.views.invoice_page import InvoicePage
from app.views.invoice_pdf import suggested_path, write_invoice_pdf

A4_WIDTH = 595.0                 # points
MARGIN = 15 / 25.4 * 72          # 15 mm in points
INVOICE = {
    "id": "inv-17", "invoice_number": "INV-000017", "status": "paid", "issue_date": "2026-11-20",
    "due_date": "2026-11-27", "paid_at": "2026-11-21T10:00:00Z",
    "lines": [{"description": "Valheim Dedicated (Monthly), 2026-11-27 to 2026-12-26", "billing_cycle": "monthly",
               "quantity": 1, "unit_price": "12.00", "amount": "12.00"}],
    "subtotal": "12.00", "discount": "0.00", "tax_rate": "20", "tax_amount": "2.40", "total": "14.40",
    "credits_applied": "0.00", "amount_paid": "14.40", "balance_due": "0.00",
    "payments": [{"created_at": "2026-11-21T10:00:00Z", "method": "stripe", "status": "succeeded",
                  "reference": "pi_3Nx8a9LkdIwHu7ix0abcdefghijk", "amount": "14.40"}],
}


def placed_text(path: Path) -> list[tuple[str, float, float]]:
    """(text, x, font size) of every run on the first page, x in points from the page's left edge."""
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            runs.append((text.strip(), cm[0] * tm[4] + cm[4], size * abs(cm[0]) * abs(tm[0])))

    pypdf.PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return runs


def test_totals_stay_in_the_amount_column_inside_the_right_margin(qapp, tmp_path):
    path = write_invoice_pdf(tmp_path / "invoice.pdf", INVOICE, lambda v: f"€{v}", "Badger Hosting", "Ada")
    runs = placed_text(path)
    twelve = [x for text, x, _size in runs if text == "€12.00"]     # the line's unit price, amount, subtotal
    assert len(twelve) == 3
    _unit_price, line_amount, subtotal = twelve
    # Right-aligned, the same words: the subtotal starts where the line's amount starts (one column).
    assert abs(subtotal - line_amount) < 3
    for text, x, size in runs:
        assert x >= MARGIN - 1, text
        assert x + 0.5 * size * len(text) <= A4_WIDTH - MARGIN + 1, text      # about a character's width


def test_the_save_dialog_starts_in_documents(qapp, qtbot, monkeypatch):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggested_path("Invoice INV-000017.pdf")) == Path(documents) / "Invoice INV-000017.pdf"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, start, _filter: (asked.append(start)
                                                                                                  or ("", "")))
    page = InvoicePage()
    qtbot.addWidget(page)
    page.invoice = dict(INVOICE)
    page.ask_pdf_path()
    assert asked == [str(Path(documents) / "Invoice INV-000017.pdf")]


def test_a_missing_documents_folder_is_made_so_the_dialog_does_not_open_in_the_working_folder(qapp, monkeypatch,
                                                                                              tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert documents == tmp_path / "Documents" and not documents.exists()
    assert Path(suggested_path("Invoice INV-000017.pdf")) == documents / "Invoice INV-000017.pdf"
    assert documents.is_dir()
