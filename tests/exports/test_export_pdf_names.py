"""Save all PDFs names each file after the invoice (and its account): a name can neither be turned backwards by a
direction control into one that seems to end in another extension, nor be too long to be written (a hostile
panel's invoice number of a thousand characters ended the whole batch with 'File name too long')."""
from __future__ import annotations

from app.core.account_data import AccountData
from app.exports.saved import Document
from app.features.exports import pdf_name


def document(number: str, account: str = "Shop") -> Document:
    return Document(account, AccountData("a-1"), {"id": "i-1", "invoice_number": number})


def test_direction_controls_are_dropped_from_a_pdfs_name():
    assert pdf_name(document("INV-1\u202efdp.exe"), False, set()) == "INV-1fdp.exe.pdf"
    assert pdf_name(document("INV-2", "\u2067Shop\u2069"), True, set()) == "Shop INV-2.pdf"


def test_a_pdfs_name_fits_a_file_system_and_stays_unique(tmp_path):
    taken: set[str] = set()
    first = pdf_name(document("Ä" * 1000), False, taken)
    second = pdf_name(document("Ä" * 1000), False, taken)
    assert len(first.encode()) <= 255 and len(second.encode()) <= 255 and first != second
    (tmp_path / first).write_bytes(b"%PDF")             # the file system takes it
    (tmp_path / second).write_bytes(b"%PDF")
