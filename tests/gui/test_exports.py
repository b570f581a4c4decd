"""Export from the window: the Invoices list with a status filter in the All-accounts scope writes exactly the rows
it shows, with their accounts and currencies and per-currency totals; File > Export… (Ctrl+E) on the Credits screen;
Save all PDFs of a period; a failure said in words with nothing left behind. Two accounts in two currencies are
saved through the real cache before Sett starts; their panels are unreachable, so all of it comes from the cache."""
from __future__ import annotations

import csv
from datetime import date

import pytest
from pypdf import PdfReader

from app.api import Credentials
from tests.exports.saved_accounts import save_accounts

from .conftest import WAIT

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]


def rows_of(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def sett(make_app, data_dir, secrets, qtbot):
    ids = save_accounts(data_dir)
    for account_id in ids.values():
        secrets.save(account_id, Credentials(api_key="unused"))     # signed in; the panels are just unreachable
    app = make_app()
    app.ids = ids
    qtbot.waitUntil(lambda: app.window.data is not None, timeout=WAIT)
    return app


def invoices_in_all_accounts(qtbot, app):
    app.window.select_section("invoices")
    section = app.window.sections["invoices"]
    qtbot.waitUntil(lambda: section.scope_toggle.isVisible(), timeout=WAIT)
    section.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: section.everything is not None and section.proxy.rowCount() == 5, timeout=WAIT)
    return section


def test_export_writes_what_the_filtered_all_accounts_list_shows(qtbot, sett, tmp_path):
    section = invoices_in_all_accounts(qtbot, sett)
    section.list.filters.set_statuses("paid,pending")
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 4, timeout=WAIT)      # the overdue EU-0003 is filtered out
    shown = [(r["account"], r["id"]) for r in section.proxy.rows()]
    asked = []
    feature = sett.features["exports"]
    feature.ask_file = lambda window, kind: asked.append(kind) or (str(tmp_path / "paid.csv"), "csv")
    section.export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "paid.csv").exists(), timeout=WAIT)
    assert asked == ["invoices"]
    rows = rows_of(tmp_path / "paid.csv")
    data = [r for r in rows if r["Account"] not in ("", "Total")]
    assert [(r["Account"], r["Invoice ID"]) for r in data] == shown        # the list's rows, in its order
    assert {r["Currency"] for r in data} == {"EUR", "CHF"}
    totals = {r["Currency"]: r["Total"] for r in rows if r["Account"] == "Total"}
    assert totals == {"EUR": "100.2000000000000000000001", "CHF": "1234667.50"}
    qtbot.waitUntil(lambda: "Exported 4 rows" in sett.window.statusBar().currentMessage(), timeout=WAIT)

    feature.ask_file = lambda window, kind: (str(tmp_path / "payments.xlsx"), "xlsx")
    section.export_button.actions_by_kind["payments"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "payments.xlsx").exists(), timeout=WAIT)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "payments.xlsx").active
    amounts = {(row[2].value, row[5].value): row[10].value for row in sheet.iter_rows(min_row=2) if row[5].value}
    # numbers in the sheet (read back as floats), each written with its own digits
    assert amounts == {("EUR", "ep-1"): 60.05, ("EUR", "ep-2"): 40.05, ("CHF", "cp-1"): 1234567.55}


def test_export_of_this_account_follows_the_search(qtbot, sett, tmp_path):
    sett.window.select_section("invoices")
    section = sett.window.sections["invoices"]
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 3, timeout=WAIT)        # the current account: Euros
    section.list.filters.search.setText("EU-0001")
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 1, timeout=WAIT)
    sett.features["exports"].ask_file = lambda window, kind: (str(tmp_path / "one.csv"), "csv")
    section.export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "one.csv").exists(), timeout=WAIT)
    rows = rows_of(tmp_path / "one.csv")
    assert [(r["Account"], r["Invoice"], r["Total"], r["Amount paid"]) for r in rows] == [
        ("Euros", "EU-0001", "100.10", "100.10"), ("Total", "", "100.10", "100.10")]     # (a blank line between)


def test_ctrl_e_on_the_credits_screen_exports_its_transactions(qtbot, sett, tmp_path):
    sett.window.select_section("credits")
    credits = sett.window.sections["credits"]
    qtbot.waitUntil(lambda: credits.model.rowCount() == 2, timeout=WAIT)       # the current account's
    sett.features["exports"].ask_file = lambda window, kind: (str(tmp_path / "credits.csv"), kind and "csv")
    sett.window.menus.actions["export"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "credits.csv").exists(), timeout=WAIT)
    rows = rows_of(tmp_path / "credits.csv")
    assert [r["Note"] for r in rows if r["Account"] == "Euros"] == ["'@SUM(1+1)", "Welcome credit"]
    assert [(r["Currency"], r["Amount"]) for r in rows if r["Account"] == "Total"] == [("EUR", "0.50")]


def test_a_failed_export_says_why_and_leaves_nothing(qtbot, sett, tmp_path):
    section = invoices_in_all_accounts(qtbot, sett)
    feature = sett.features["exports"]
    feature.ask_file = lambda window, kind: (str(tmp_path / "gone" / "x.csv"), "csv")
    section.export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: "export" in sett.sessions.global_notes, timeout=WAIT)
    note = sett.sessions.global_notes["export"]
    assert note.level == "error" and "does not exist" in note.text
    assert not (tmp_path / "gone").exists()


def test_save_all_pdfs_writes_each_cached_invoice_of_the_period_and_says_what_it_skipped(qtbot, sett, tmp_path):
    section = invoices_in_all_accounts(qtbot, sett)
    folder = tmp_path / "pdfs"
    folder.mkdir()
    sett.features["exports"].ask_batch = lambda window, everyone: (date(2026, 1, 1), date(2026, 5, 31), str(folder))
    section.export_button.actions_by_kind["pdfs"].trigger()
    qtbot.waitUntil(lambda: sett.features["exports"].batch is None and "export" in sett.sessions.global_notes,
                    timeout=WAIT)
    names = sorted(p.name for p in folder.iterdir())
    # EU-0003 (May) has no detail: skipped; CH-0002 (June) is outside the period; the draft never counts.
    assert names == ["Euros =cmd_' _C calc'!A0.pdf", "Euros EU-0001.pdf", "Francs CH _quoted_, two_lines.pdf"]
    text = PdfReader(folder / "Francs CH _quoted_, two_lines.pdf").pages[0].extract_text()
    assert "CHF1,234,567.55" in text  # the PDF writes money in the locale (en_US in tests)
    note = sett.sessions.global_notes["export"].text
    assert "Saved 3 PDFs" in note and "1 invoice skipped" in note


def test_save_all_pdfs_can_be_cancelled_and_leaves_no_half_file(qtbot, sett, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from app.views import invoice_pdf

    section = invoices_in_all_accounts(qtbot, sett)
    feature = sett.features["exports"]
    real = invoice_pdf.write_invoice_pdf

    def then_cancel(*args, **kwargs):        # the user presses Cancel while the first PDF is being written
        QTimer.singleShot(0, feature.batch.progress.cancel)
        return real(*args, **kwargs)

    monkeypatch.setattr(invoice_pdf, "write_invoice_pdf", then_cancel)
    feature.ask_batch = lambda window, everyone: (date(2026, 1, 1), date(2026, 12, 31), str(tmp_path))
    section.export_button.actions_by_kind["pdfs"].trigger()
    qtbot.waitUntil(lambda: "export" in sett.sessions.global_notes, timeout=WAIT)
    assert feature.batch is None
    note = sett.sessions.global_notes["export"].text
    assert "Cancelled before the end" in note
    written = list(tmp_path.glob("*.pdf"))
    saved = f"Saved {len(written)} PDF{'' if len(written) == 1 else 's'}"
    assert 1 <= len(written) < 4 and saved in note
    assert not list(tmp_path.glob(".*"))        # no temporary file left
