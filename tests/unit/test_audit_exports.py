"""Exports as a bookkeeper opens them: non-ASCII text arrives intact, text from a panel that looks like a formula
(= + - @ at its start) is never run as one, amounts stay numbers, and a panel's note holding a control character
(which XML cannot carry) no longer fails the whole XLSX export."""
from __future__ import annotations

import csv

import pytest

from app.exports.records import AccountRecords
from app.exports.table import build_table
from app.exports.writers import write_table

FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _records(notes: list[str]) -> AccountRecords:
    rows = [{"id": f"t{n}", "amount": "-4.50" if n % 2 else "10.00", "type": "payment", "note": note,
             "invoice_id": None, "balance_after": "5.50", "created_at": f"2026-01-{n + 1:02d}T00:00:00Z"}
            for n, note in enumerate(notes)]
    return AccountRecords("acct-1", "=Bücherstube Müller", "EUR", 2, transactions=rows)


def _csv_rows(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_keeps_accents_and_never_starts_a_cell_as_a_formula(tmp_path):
    notes = [*FORMULAS, "Überweisung für Zoë – 东京 ✓"]
    table = build_table("credits", [_records(notes)])
    path = write_table(table, tmp_path / "credits.csv", "csv")
    rows = _csv_rows(path)
    header, body = rows[0], rows[1:1 + len(notes)]
    note_at, amount_at, account_at = header.index("Note"), header.index("Amount"), header.index("Account")
    assert [r[note_at] for r in body] == ["'" + n for n in FORMULAS] + ["Überweisung für Zoë – 东京 ✓"]
    assert {r[account_at] for r in body} == {"'=Bücherstube Müller"}
    assert [r[amount_at] for r in body][:2] == ["10.00", "-4.50"]     # amounts: numbers, never escaped


def test_xlsx_holds_text_as_text_and_amounts_as_numbers(tmp_path):
    from openpyxl import load_workbook

    notes = [*FORMULAS, "Zoë\x07 bell", "\x01=cmd|' /C calc'!A0", "Rechnung für 东京"]
    table = build_table("credits", [_records(notes)])
    path = write_table(table, tmp_path / "credits.xlsx", "xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=False))
    header = [c.value for c in rows[0]]
    note_at, amount_at = header.index("Note"), header.index("Amount")
    cells = [r[note_at] for r in rows[1:1 + len(notes)]]
    assert all(c.data_type == "s" for c in cells)                    # no formula anywhere
    # (XML reads a carriage return back as a line feed)
    assert [c.value.replace("\n", "\r") if "=1" in c.value else c.value for c in cells] == (
        ["'" + n for n in FORMULAS] + ["Zoë bell", "'=cmd|' /C calc'!A0", "Rechnung für 东京"])
    assert rows[1][amount_at].value == 10 and rows[1][amount_at].data_type == "n"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_invoice_export_with_hostile_numbers_and_statuses_writes(tmp_path, fmt):
    invoice = {"id": "inv-1", "invoice_number": "-INV-1", "status": "@paid", "issue_date": "2026-01-02",
               "due_date": "2026-01-09", "total": "12.00", "balance_due": "0.00", "currency": "EUR",
               "payments": []}
    table = build_table("invoices", [AccountRecords("a", "Ärzte", "EUR", 2, invoices=[invoice])])
    path = write_table(table, tmp_path / f"invoices.{fmt}", fmt)
    assert path.exists()
    if fmt == "csv":
        body = _csv_rows(path)[1]
        assert "'-INV-1" in body and "'@paid" in body and "12.00" in body and "Ärzte" in body


def test_a_payments_export_of_an_old_cache_skips_what_is_not_a_payment(tmp_path):
    """An invoice saved before answers were checked: its `payments` an object, or a list holding text and null.
    The export failed with AttributeError ("'str' object has no attribute 'get'"); now it writes the payments."""
    base = {"status": "paid", "issue_date": "2026-01-01", "total": "1.00", "currency": "EUR"}
    payment = {"id": "p2", "method": "credits", "amount": "1.00", "status": "succeeded",
               "created_at": "2026-01-02T00:00:00Z"}
    invoices = [{**base, "id": "i1", "invoice_number": "INV-1", "payments": {"id": "p1"}},
                {**base, "id": "i2", "invoice_number": "INV-2", "payments": ["x", None, payment]}]
    table = build_table("payments", [AccountRecords("a", "Ärzte", "EUR", 2, invoices=invoices)])
    assert len(table.rows) == 1 and table.skipped == 0
    assert write_table(table, tmp_path / "payments.csv", "csv").exists()
