"""The invoice PDF names seller and buyer from the invoice's own copy, and keeps every word inside the page's
margins on every page, however long an address line, a tax id or an item's description is (checked through
pypdf's text positions)."""
from __future__ import annotations

from pathlib import Path

import pypdf

from app.views.invoice_pdf import write_invoice_pdf

A4_WIDTH, A4_HEIGHT = 595.0, 842.0       # points
MARGIN = 15 / 25.4 * 72                  # 15 mm in points
LONG_WORD = "Unterbrechungsloseadresszeilemitsehrvielentextohneleerzeichen" * 2
SELLER = {"name": "Sett Hosting GmbH " + "und Partner " * 12, "email": "billing@sett.test",
          "address_lines": ["Hauptstraße 1", LONG_WORD, "10115 Berlin"], "country": "DE",
          "tax_id": "DE123456789" + "9" * 29}
BUYER = {"company": "Acme Intercontinental Holdings " * 5, "name": "Ada Lovelace", "email": "ada@example.com",
         "address_lines": ["1 High Street", "Flat " + "9" * 150], "country": "GB", "tax_id": "GB 123 4567 89"}
INVOICE = {
    "id": "inv-9", "invoice_number": "INV-000009", "status": "pending", "issue_date": "2026-11-20",
    "due_date": "2026-11-27", "subtotal": "600.00", "discount": "0.00", "tax_rate": "20", "tax_amount": "120.00",
    "total": "720.00", "credits_applied": "0.00", "amount_paid": "0.00", "balance_due": "720.00", "payments": [],
    "lines": [{"description": f"Item {n}: " + ("a very long description of a server " * 4 if n % 7 == 0
                                               else "VPS") + ("x" * 90 if n == 3 else ""),
               "billing_cycle": "monthly", "quantity": 1, "unit_price": "10.00", "amount": "10.00"}
              for n in range(60)],
    "seller": SELLER, "buyer": BUYER,
}


def runs_of(path: Path) -> list[tuple[int, str, float, float, float]]:
    """(page, text, x, y, font size) of every text run, in points from the page's bottom-left corner."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(str(path)).pages):
        def visit(text, cm, tm, _font, size, number=number):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((number, text.strip(), x, y, size * abs(cm[0]) * abs(tm[0])))
        page.extract_text(visitor_text=visit)
    return found


def text_of(path: Path) -> str:
    """The words of every page, each run of white space (pypdf writes tabs for spaces) one space."""
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)


def test_every_run_stays_inside_the_margins_on_every_page(qapp, tmp_path):
    path = write_invoice_pdf(tmp_path / "long.pdf", INVOICE, lambda v: f"€{v}", "Badger Hosting", "Ada")
    runs = runs_of(path)
    assert len({page for page, *_ in runs}) >= 2           # sixty lines: the items go on to a second page
    for page, text, x, y, size in runs:
        where = f"page {page + 1}: {text!r}"
        assert x >= MARGIN - 1, where
        # about half the font size per character: generous for this sans-serif, so a run past the edge fails
        assert x + 0.5 * size * len(text) <= A4_WIDTH - MARGIN + 1, where
        assert MARGIN - 1 <= y <= A4_HEIGHT - MARGIN + 1, where


def test_seller_and_buyer_are_printed_from_the_invoice(qapp, tmp_path):
    path = write_invoice_pdf(tmp_path / "parties.pdf", INVOICE, lambda v: f"€{v}", "Badger Hosting", "Someone")
    words = "".join(text_of(path).split())       # wrapped lines joined again
    for expected in ("SettHostingGmbH", "Hauptstraße1", "10115Berlin", "Germany", "DE123456789",
                     "billing@sett.test", "BillTo", "AcmeIntercontinentalHoldings", "AdaLovelace", "1HighStreet",
                     "UnitedKingdom", "GB12345678" + "9", "ada@example.com", LONG_WORD[:40]):
        assert expected.lower() in words.lower(), expected
    assert "Badger Hosting" not in text_of(path) and "Someone" not in text_of(path)


def test_an_invoice_without_a_copy_falls_back_to_the_panel_and_customer(qapp, tmp_path):
    old = {k: v for k, v in INVOICE.items() if k not in ("seller", "buyer")}
    text = text_of(write_invoice_pdf(tmp_path / "old.pdf", old, lambda v: f"€{v}", "Badger Hosting", "Ada"))
    assert "Badger Hosting" in text and "Ada" in text and "Germany" not in text
