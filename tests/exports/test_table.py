"""The pure part of exports: rows to a table with per-currency totals, exact decimals, no formula injection, and a
file written whole or not at all."""
from __future__ import annotations

import csv
import errno
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from app.exports import AccountRecords, ExportError, Period, build_table, write_table, writers
from app.exports.cells import safe_text
from app.exports.records import in_order

from .saved_accounts import EURO_INVOICES, EURO_TRANSACTIONS, FRANC_INVOICES, FRANC_TRANSACTIONS

EUROS = AccountRecords("a-eur", "Euros", "EUR", 2, EURO_INVOICES, EURO_TRANSACTIONS)
FRANCS = AccountRecords("a-chf", "Francs", "CHF", 2, FRANC_INVOICES, FRANC_TRANSACTIONS)


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_totals_are_per_currency_and_exact():
    table = build_table("invoices", [EUROS, FRANCS])
    assert [row[0] for row in table.rows] == ["Euros"] * 3 + ["Francs"] * 2      # the draft is never exported
    assert table.totals["EUR"]["total"] == Decimal("125.2000000000000000000001")
    assert table.totals["CHF"]["total"] == Decimal("1234667.50")
    assert "discount" not in table.totals["EUR"]        # no row has one: no total rather than a made-up 0
    payments = build_table("payments", [EUROS, FRANCS])
    assert {code: sums["amount"] for code, sums in payments.totals.items()} == {
        "EUR": Decimal("100.10"), "CHF": Decimal("1234567.55")}
    assert payments.skipped == 1          # EU-0003: its payment history was never fetched
    credits = build_table("credits", [EUROS, FRANCS])
    assert credits.totals == {"CHF": {"amount": Decimal("20.05")}, "EUR": {"amount": Decimal("0.50")}}


def test_csv_keeps_every_decimal_and_the_totals_under_the_rows(tmp_path):
    path = write_table(build_table("invoices", [EUROS, FRANCS]), tmp_path / "invoices.csv", "csv")
    rows = read_csv(path)
    header = rows[0]
    total = header.index("Total")
    by_id = {row[header.index("Invoice ID")]: row for row in rows[1:] if row and row[0] != "Total"}
    for invoice in EURO_INVOICES[:3] + FRANC_INVOICES:
        assert by_id[invoice["id"]][total] == invoice["total"]           # the cached string, character for character
        assert Decimal(by_id[invoice["id"]][total]) == Decimal(invoice["total"])
    assert rows[6] == []
    totals = {row[header.index("Currency")]: row[total] for row in rows[7:]}
    assert totals == {"CHF": "1234667.50", "EUR": "125.2000000000000000000001"}
    assert all(row[0] == "Total" for row in rows[7:])


def test_hostile_text_is_never_a_formula_in_csv_or_xlsx(tmp_path):
    assert [safe_text(t) for t in ("=1+1", "+41", "-x", "@SUM(A1)", "\tx", "ok=1")] == [
        "'=1+1", "'+41", "'-x", "'@SUM(A1)", "'\tx", "ok=1"]
    table = build_table("credits", [EUROS, FRANCS])
    rows = read_csv(write_table(table, tmp_path / "c.csv", "csv"))
    notes = [row[rows[0].index("Note")] for row in rows[1:4]]
    assert notes == ["'@SUM(1+1)", "Welcome credit", "'-Top-up"]
    assert rows[1][rows[0].index("Amount")] == "-4.50"        # an amount stays a number, minus and all
    quoted = read_csv(write_table(build_table("invoices", [EUROS, FRANCS]), tmp_path / "i.csv", "csv"))
    numbers = [row[3] for row in quoted[1:6]]
    assert "'=cmd|' /C calc'!A0" in numbers and 'CH "quoted", two\nlines' in numbers
    xlsx = write_table(build_table("invoices", [EUROS, FRANCS]), tmp_path / "i.xlsx", "xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    texts = [cell.value for cell in sheet["D"]]
    assert "'=cmd|' /C calc'!A0" in texts
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_amounts_are_numbers_in_their_currency_format_written_exactly(tmp_path):
    path = write_table(build_table("invoices", [EUROS, FRANCS]), tmp_path / "i.xlsx", "xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    total = header.index("Total")
    rows = list(sheet.iter_rows(min_row=2))
    franc = next(r for r in rows if r[header.index("Invoice ID")].value == "c-1")
    assert franc[total].data_type == "n" and franc[total].number_format == '#,##0.00 "CHF"'
    assert franc[header.index("Issued")].value.date() == date(2026, 2, 10)
    assert [r[0].value for r in rows[-2:]] == ["Total", "Total"] and rows[-1][0].font.b
    with zipfile.ZipFile(path) as archive:        # the XML holds the amount's own digits
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>1234567.55</v>" in xml
    # More digits than a spreadsheet number keeps: exact text rather than a rounded 0.1
    tiny = next(r for r in rows if r[header.index("Invoice ID")].value == "e-2")[total]
    assert tiny.value == "0.1000000000000000000001" and tiny.data_type == "s"


def test_period_and_statuses_filter_each_kind_by_its_own_date_and_status():
    spring = Period(date(2026, 2, 1), date(2026, 5, 31))
    invoices = build_table("invoices", [EUROS, FRANCS], period=spring, statuses=["pending", "overdue"])
    assert [row[4] for row in invoices.rows] == ["e-2", "e-3"]
    payments = build_table("payments", [EUROS, FRANCS], period=Period(date(2026, 1, 6), None))
    assert [row[5] for row in payments.rows] == ["ep-2", "cp-1"]
    assert [r[4] for r in build_table("credits", [EUROS, FRANCS], statuses=["top_up"]).rows] == ["top_up"]
    with pytest.raises(ValueError, match="starts"):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_in_order_keeps_the_screens_order_across_accounts():
    picked = in_order([EUROS, FRANCS], [("a-chf", "c-2"), ("a-eur", "e-1"), ("a-eur", "e-3"), ("a-eur", "gone")])
    table = build_table("invoices", picked)
    assert [row[4] for row in table.rows] == ["c-2", "e-1", "e-3"]


def test_a_failed_write_leaves_nothing_behind_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("the old export")

    def full_disk(table, handle, totals):
        handle.write("half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers, "_write_csv", full_disk)
    with pytest.raises(ExportError, match="disk is full"):
        write_table(build_table("invoices", [EUROS]), target, "csv")
    assert target.read_text() == "the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_folder_without_permission_is_said_in_words(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_table(build_table("invoices", [EUROS]), tmp_path / "missing" / "x.csv", "csv")
