"""Exports of two saved accounts in two currencies: the rows are the cached rows exactly and the totals add up per
currency, through the library and through `python -m app export` in a process with no display at all."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from app import paths
from app.cache import open_account_cache
from app.exports import build_table, write_table
from app.exports.saved import read_saved

ROOT = Path(__file__).resolve().parents[2]


def rows_of(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def cached(account_id: str) -> tuple[list[dict], list[dict]]:
    with open_account_cache(account_id) as cache:
        return cache.invoices(), cache.credit_transactions()


def check_matches_the_cache(path: Path, saved: dict[str, str]) -> None:
    rows = rows_of(path)
    data = [r for r in rows if r["Account"] not in ("Total", "")]
    totals = {r["Currency"]: r for r in rows if r["Account"] == "Total"}
    expected_sums: dict[str, Decimal] = {}
    exported = {(r["Account ID"], r["Invoice ID"]): r for r in data}
    for name, account_id in saved.items():
        invoices, _ = cached(account_id)
        shown = [i for i in invoices if i["status"] != "draft"]
        assert len([r for r in data if r["Account ID"] == account_id]) == len(shown)
        for invoice in shown:
            row = exported[(account_id, invoice["id"])]
            assert row["Account"] == name and row["Currency"] == invoice["currency"]
            for header, key in (("Total", "total"), ("Balance due", "balance_due"), ("Subtotal", "subtotal")):
                assert row[header] == invoice[key]          # the cached decimal string, exactly
            assert row["Status"] == invoice["status"] and row["Issued"] == invoice["issue_date"]
            expected_sums[invoice["currency"]] = expected_sums.get(invoice["currency"], Decimal(0)) \
                + Decimal(invoice["total"])
    assert {code: Decimal(r["Total"]) for code, r in totals.items()} == expected_sums
    assert set(expected_sums) == {"EUR", "CHF"}


def test_an_export_of_two_accounts_matches_their_caches_and_sums_per_currency(saved, tmp_path):
    records = read_saved([(account_id, name) for name, account_id in saved.items()] + [("never", "Never")])
    assert records.never_synced == ["Never"] and not paths.account_cache("never").exists()   # nothing created
    path = write_table(build_table("invoices", records.accounts), tmp_path / "all.csv", "csv")
    check_matches_the_cache(path, saved)


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "app", "export", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_the_command_line_export_needs_no_display(saved, tmp_path):
    data_dir = paths.data_dir()
    out = tmp_path / "invoices.csv"
    done = run_cli("invoices", "-o", str(out), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "wrote 5 invoices" in done.stdout and "Never synced has never been synced" in done.stderr
    check_matches_the_cache(out, {k: v for k, v in saved.items()})

    francs = tmp_path / "francs.xlsx"
    done = run_cli("payments", "--account", "Francs", "--from", "2026-01-01", "--to", "2026-12-31",
                   "--status", "succeeded", "-o", str(francs), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(francs).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Account", "Account ID", "Currency"]
    assert [row[5] for row in values[1:] if row[0] == "Francs"] == ["cp-1"]
    assert values[-1][0] == "Total" and values[-1][2] == "CHF"


def test_the_command_line_says_what_went_wrong_in_one_line(saved, tmp_path):
    data_dir = paths.data_dir()
    usage = run_cli("invoices", "--account", "Nobody", "-o", str(tmp_path / "x.csv"), data_dir=data_dir)
    assert usage.returncode == 2 and "no account called 'Nobody'" in usage.stderr
    assert run_cli("receipts", "-o", "x.csv", data_dir=data_dir).returncode == 2
    bad_dates = run_cli("credits", "--from", "2026-02-01", "--to", "2026-01-01", "-o", "x.csv", data_dir=data_dir)
    assert bad_dates.returncode == 2 and "starts" in bad_dates.stderr
    failed = run_cli("credits", "-o", str(tmp_path / "missing" / "c.csv"), data_dir=data_dir)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert failed.stderr.strip().splitlines()[-1].startswith("sett export: The folder")
    assert not (tmp_path / "missing").exists()
    empty = run_cli("credits", "-o", str(tmp_path / "c.csv"), data_dir=tmp_path / "empty")
    assert empty.returncode == 1 and "no accounts are saved" in empty.stderr
    (tmp_path / "a-file").write_text("not a folder")
    not_a_folder = run_cli("credits", "-o", str(tmp_path / "c.csv"), data_dir=tmp_path / "a-file")
    assert not_a_folder.returncode == 2 and "Traceback" not in not_a_folder.stderr
    assert "--data-dir: " in not_a_folder.stderr and "is a file, not a folder" in not_a_folder.stderr


def test_help_points_to_the_export_command(capsys):
    import pytest

    from app.__main__ import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    assert "sett export invoices|payments|credits" in " ".join(capsys.readouterr().out.split())
