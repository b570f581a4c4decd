"""Every amount of an export in its own currency, never summed across currencies, and no text a spreadsheet or a
CSV reader would misread: a credit transaction or invoice naming another currency than its account's is written
and totalled in that one, with that currency's places in XLSX; control characters (NUL) and direction controls
are dropped from CSV cells as from XLSX ones, before the formula check (a NUL ahead of '=cmd' hid the formula from
it); an account with no rows is a header alone; an invoice's PDF is written in the invoice's currency."""
from __future__ import annotations

import csv
from decimal import Decimal

from openpyxl import load_workbook

from app.core.account_data import AccountData
from app.exports.records import AccountRecords
from app.exports.table import build_table
from app.exports.writers import write_table
from app.models.row_money import own_currency_money


def invoice(iid: str, currency: str | None, total: str) -> dict:
    return {"id": iid, "invoice_number": f"INV-{iid}", "status": "pending", "kind": "order",
            "issue_date": "2026-01-05", "due_date": "2026-01-05", "subtotal": total, "tax_amount": "0.00",
            "total": total, "balance_due": total, "currency": currency}


def transaction(tid: str, amount: str, note: str, **more) -> dict:
    return {"id": tid, "amount": amount, "type": "adjustment", "note": note, "invoice_id": None,
            "balance_after": amount, "created_at": "2026-01-05T08:00:00Z", **more}


DOLLARS = AccountRecords("a-1", "Dollars", "USD", 2,
                         [invoice("1", "USD", "10.00"), invoice("2", "EUR", "25.00"), invoice("3", "JPY", "500"),
                          invoice("4", None, "1.00"), invoice("5", " EUR ", "5.00")],
                         [transaction("t-1", "5.00", "Welcome"), transaction("t-2", "7.00", "Old", currency="EUR")])
EMPTY = AccountRecords("a-2", "Empty", "CHF", 2)


def csv_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_each_amount_is_totalled_in_its_own_currency_never_across():
    table = build_table("invoices", [DOLLARS, EMPTY])
    assert table.totals == {"EUR": {"subtotal": Decimal("30.00"), "tax_amount": Decimal("0.00"),
                                    "total": Decimal("30.00"), "balance_due": Decimal("30.00")},
                            "JPY": {"subtotal": Decimal("500"), "tax_amount": Decimal("0.00"),
                                    "total": Decimal("500"), "balance_due": Decimal("500")},
                            "USD": {"subtotal": Decimal("11.00"), "tax_amount": Decimal("0.00"),
                                    "total": Decimal("11.00"), "balance_due": Decimal("11.00")}}
    credits = build_table("credits", [DOLLARS])
    assert [row[2] for row in credits.rows] == ["USD", "EUR"]            # the one naming euros is in euros
    assert credits.totals == {"EUR": {"amount": Decimal("7.00")}, "USD": {"amount": Decimal("5.00")}}


def test_xlsx_writes_each_currency_with_its_own_places_and_code(tmp_path):
    path = write_table(build_table("invoices", [DOLLARS]), tmp_path / "i.xlsx", "xlsx")
    rows = list(load_workbook(path).active.iter_rows())
    header = [c.value for c in rows[0]]
    at, total = header.index("Currency"), header.index("Total")
    formats = {row[at].value: row[total].number_format for row in rows[1:] if row[1].value}
    assert formats == {"USD": '#,##0.00 "USD"', "EUR": '#,##0.00 "EUR"', "JPY": '#,##0 "JPY"'}


def test_csv_and_xlsx_drop_control_and_direction_characters_before_the_formula_check(tmp_path):
    hostile = AccountRecords("a-3", "\u202e=HYPERLINK(\"http://x\")", "USD", 2, [],
                             [transaction("t-9", "1.00", "\x00=cmd|' /C calc'!A0"),
                              transaction("t-8", "2.00", "Refund \u2066\u05e9\u05e8\u05ea\u2069 done\x07")])
    table = build_table("credits", [hostile])
    rows = csv_rows(write_table(table, tmp_path / "c.csv", "csv"))
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "\x00" not in text and "\x07" not in text and "\u202e" not in text and "\u2066" not in text
    assert rows[1][0] == "'=HYPERLINK(\"http://x\")"
    assert rows[1][5] == "'=cmd|' /C calc'!A0"
    assert rows[2][5] == "Refund \u05e9\u05e8\u05ea done"                # the Hebrew itself stays
    sheet = list(load_workbook(write_table(table, tmp_path / "c.xlsx", "xlsx")).active.iter_rows(values_only=True))
    assert sheet[1][0] == "'=HYPERLINK(\"http://x\")" and sheet[1][5] == "'=cmd|' /C calc'!A0"
    assert sheet[2][5] == "Refund \u05e9\u05e8\u05ea done"


def test_an_account_with_no_rows_is_a_header_alone(tmp_path):
    for kind in ("invoices", "payments", "credits"):
        table = build_table(kind, [EMPTY])
        assert table.rows == [] and table.totals == {}
        assert len(csv_rows(write_table(table, tmp_path / f"{kind}.csv", "csv"))) == 1
        assert len(list(load_workbook(write_table(table, tmp_path / f"{kind}.xlsx", "xlsx")).active.iter_rows())) == 1


def test_an_invoices_pdf_money_is_in_the_invoices_own_currency():
    data = AccountData("a-1", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}})
    euros = own_currency_money(data.money, invoice("2", "EUR", "25.00"))
    dollars = own_currency_money(data.money, invoice("1", "USD", "10.00"))
    assert "EUR" in euros("25.00") or "€" in euros("25.00")
    assert "$" not in euros("25.00")
    assert dollars("10.00") == data.money("10.00")
    assert own_currency_money(data.money, invoice("4", None, "1.00"))("1.00") == data.money("1.00")
