"""What a German user gets from an export. CSV stays for scripts (the panel's codes, ISO dates, '.' decimals; from
the command line English column titles too); XLSX is for reading (statuses in words, real dates in the spreadsheet's
own date format); `sett export` speaks Sett's language, argparse's words included, with proper plural forms."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import paths
from app.exports import AccountRecords, build_table, write_table

from .saved_accounts import EURO_INVOICES, EURO_TRANSACTIONS, FRANC_INVOICES, FRANC_TRANSACTIONS

ROOT = Path(__file__).resolve().parents[2]
EUROS = AccountRecords("a-eur", "Euros", "EUR", 2, EURO_INVOICES, EURO_TRANSACTIONS)
FRANCS = AccountRecords("a-chf", "Francs", "CHF", 2, FRANC_INVOICES, FRANC_TRANSACTIONS)


def sheet_rows(path: Path) -> tuple[list[str], list[list]]:
    rows = list(load_workbook(path).active.iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def test_xlsx_says_statuses_in_words_and_holds_dates_the_spreadsheet_formats(tmp_path):
    header, rows = sheet_rows(write_table(build_table("invoices", [EUROS, FRANCS]), tmp_path / "i.xlsx", "xlsx"))
    statuses = {row[header.index("Invoice ID")].value: row[header.index("Status")].value for row in rows
                if row[header.index("Invoice ID")].value}
    assert statuses == {"e-1": "Paid", "e-2": "Pending", "e-3": "Overdue", "c-1": "Paid", "c-2": "Pending"}
    assert {row[header.index("Kind")].value for row in rows if row[1].value} == {"Order"}
    issued = rows[0][header.index("Issued")]
    assert issued.is_date and issued.number_format == "mm-dd-yy"       # Excel's built-in short date (14)

    header, rows = sheet_rows(write_table(build_table("payments", [EUROS, FRANCS]), tmp_path / "p.xlsx", "xlsx"))
    when = rows[0][header.index("Date")]
    assert isinstance(when.value, datetime) and when.number_format == "m/d/yy h:mm"     # built-in 22
    assert rows[0][header.index("Method")].value == "Card (Stripe)"
    assert rows[0][header.index("Status")].value == "Succeeded"

    header, rows = sheet_rows(write_table(build_table("credits", [EUROS, FRANCS]), tmp_path / "c.xlsx", "xlsx"))
    assert [row[header.index("Type")].value for row in rows if row[1].value] == ["Payment", "Adjustment", "Top-up"]


def test_csv_keeps_the_panels_codes_and_iso_dates_for_scripts(tmp_path):
    path = write_table(build_table("credits", [EUROS, FRANCS]), tmp_path / "c.csv", "csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Type"] for r in rows if r["Account"] in ("Euros", "Francs")] == ["payment", "adjustment", "top_up"]
    assert rows[0]["Date"] == "2026-04-02T08:00:00.000000Z"


# -- the command line in German -------------------------------------------------------------------------------------
def compiled_qm() -> None:
    """The .qm `make` builds from i18n/*.ts (never committed); built here when missing or older than a source."""
    qm = ROOT / "resources" / "i18n" / "sett_de.qm"
    sources = [ROOT / "i18n" / "sett_de.ts", *(ROOT / "i18n" / "pending").glob("*_de.ts")]
    if not qm.exists() or qm.stat().st_mtime < max(p.stat().st_mtime for p in sources):
        subprocess.run([sys.executable, str(ROOT / "i18n" / "build.py")], check=True, capture_output=True)


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LANG"] = "C.UTF-8"         # the language comes from Sett's own setting, as the window's does
    return subprocess.run([sys.executable, "-m", "app", "export", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def german_folder(saved):
    compiled_qm()
    folder = paths.data_dir()
    (folder / "settings.ini").write_text("[appearance]\nlanguage=de\n", encoding="utf-8")
    return folder


def test_the_command_line_speaks_german_with_plural_forms(german_folder, tmp_path):
    out = tmp_path / "rechnungen.csv"
    done = run_cli("invoices", "-o", str(out), data_dir=german_folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("5 Rechnungen geschrieben, aus 2 Konten, in "), done.stdout
    assert "Hinweis: Never synced wurde nie synchronisiert" in done.stderr
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # a CSV is for scripts: English column titles and the panel's codes, whatever the language (README)
    assert {r["Status"] for r in rows if r["Account"] == "Euros"} == {"paid", "pending", "overdue"}
    assert [r["Account"] for r in rows][-2:] == ["Total", "Total"]
    one = run_cli("invoices", "--account", "Euros", "--status", "overdue", "-o", str(tmp_path / "eins.csv"),
                  data_dir=german_folder)
    assert one.stdout.startswith("1 Rechnung geschrieben, aus 1 Konto, in "), one.stdout
    payments = run_cli("payments", "-o", str(tmp_path / "z.xlsx"), data_dir=german_folder)
    assert "Hinweis: 1 Rechnung ausgelassen" in payments.stderr
    header, rows = sheet_rows(tmp_path / "z.xlsx")         # an XLSX is read: German titles and words
    assert header[:3] == ["Konto", "Konto-ID", "Währung"]
    assert [rows[0][header.index(k)].value for k in ("Status", "Zahlungsart")] == ["Erfolgreich", "Karte (Stripe)"]


def test_command_line_mistakes_are_german_too(german_folder, tmp_path):
    nobody = run_cli("invoices", "--account", "Nobody", "-o", str(tmp_path / "x.csv"), data_dir=german_folder)
    assert nobody.returncode == 2 and "es gibt kein Konto namens 'Nobody'" in nobody.stderr
    assert nobody.stderr.startswith("Aufruf: sett export") and "sett export: Fehler:" in nobody.stderr
    missing = run_cli("invoices", data_dir=german_folder)
    assert missing.returncode == 2 and "diese Argumente fehlen: -o/--output" in missing.stderr
    assert "Traceback" not in missing.stderr
    failed = run_cli("credits", "-o", str(tmp_path / "fehlt" / "c.csv"), data_dir=german_folder)
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines()[-1].startswith("sett export: Der Ordner")


def test_english_stays_english(saved, tmp_path):
    done = run_cli("invoices", "--account", "Euros", "--status", "overdue", "-o", str(tmp_path / "one.csv"),
                   data_dir=paths.data_dir())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote 1 invoice from 1 account to "), done.stdout
