"""`python -m app export` (`sett export` in the installed app): invoices, payments or credit transactions from the
saved caches to a CSV or XLSX file, with no window and no network, for resellers who script their bookkeeping.

Exit codes: 0 written, 2 a usage mistake (argparse's own code), 1 anything else; every failure is one line on
stderr, never a traceback. The account list is read with the sessions' AccountStore (a JSON file; importing it
loads Qt's core library but creates no application, so no display is needed).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app import paths

from .records import KINDS, Period
from .writers import FORMATS

USAGE_ERROR, FAILED = 2, 1


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sett export", description="Write invoices, their payments, or credit transactions from Sett's saved "
        "data (what the last sync brought) to a CSV or XLSX file. Amounts in CSV are plain decimals with a '.', "
        "dates ISO 8601; every row names its account and currency, and per-currency totals close the file.")
    p.add_argument("kind", choices=KINDS, help="what to export")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write (replaced if it exists)")
    p.add_argument("--format", choices=FORMATS, help="csv or xlsx (default: from FILE's extension, else csv)")
    p.add_argument("--account", action="append", metavar="NAME_OR_ID",
                   help="only this account (repeat for several; default: every account)")
    p.add_argument("--from", dest="start", type=_day, metavar="DATE", help="from this day (YYYY-MM-DD), included")
    p.add_argument("--to", dest="end", type=_day, metavar="DATE", help="to this day (YYYY-MM-DD), included")
    p.add_argument("--status", action="append", metavar="STATUS",
                   help="only these statuses (invoices: paid, pending, overdue, cancelled, refunded; payments: "
                   "succeeded, pending, failed, ...; credits: the type, e.g. top_up); comma-separated or repeated")
    p.add_argument("--no-totals", action="store_true", help="leave out the per-currency total rows")
    p.add_argument("--data-dir", metavar="DIR", help="the data folder Sett was started with (--data-dir)")
    return p


def _choose(accounts: list, wanted: list[str] | None) -> list:
    if not wanted:
        return accounts
    chosen = []
    for text in wanted:
        match = [a for a in accounts if a.id == text] or [a for a in accounts if a.name.casefold() == text.casefold()]
        if not match:
            names = ", ".join(a.name for a in accounts) or "none"
            raise LookupError(f"there is no account called {text!r} (accounts: {names})")
        if len(match) > 1:
            raise LookupError(f"several accounts are called {text!r}: name one by its id "
                              f"({', '.join(a.id for a in match)})")
        if match[0] not in chosen:
            chosen.append(match[0])
    return chosen


def run(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    from app.session.accounts import AccountStore

    from .saved import read_saved
    from .table import build_table
    from .writers import write_table

    if args.data_dir:
        paths.use_data_dir(args.data_dir)
        try:
            paths.check_data_dir()
        except paths.DataDirError as exc:
            p.error(f"--data-dir: {exc}")
    try:
        period = Period(args.start, args.end)
    except ValueError as exc:
        p.error(str(exc))
    output = Path(args.output)
    fmt = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    statuses = [s for text in args.status for s in text.split(",")] if args.status else None
    accounts = AccountStore(paths.accounts_file()).all()
    if not accounts:
        raise LookupError(f"no accounts are saved in {paths.data_dir()}: add one in Sett first")
    try:
        chosen = _choose(accounts, args.account)
    except LookupError as exc:
        p.error(str(exc))
    saved = read_saved([(a.id, a.name) for a in chosen])
    for name in saved.never_synced:
        print(f"note: {name} has never been synced: nothing of it is saved", file=sys.stderr)
    table = build_table(args.kind, saved.accounts, period=period, statuses=statuses)
    if table.skipped:
        print(f"note: {table.skipped} invoice(s) left out: their payment history was never read from the panel "
              "(open them in Sett once, online)", file=sys.stderr)
    write_table(table, output, fmt, totals=not args.no_totals)
    sums = "; ".join(f"{code} {sums.get('total', sums.get('amount'))}" for code, sums in table.totals.items())
    print(f"wrote {len(table.rows)} {args.kind} row(s) of {len(saved.accounts)} account(s) to {output}"
          + (f" (totals: {sums})" if sums else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = parser()
    try:
        args = p.parse_args(argv)
        return run(args, p)
    except SystemExit as exc:          # argparse: --help (0) or a usage mistake (2, its message already printed)
        return exc.code if isinstance(exc.code, int) else USAGE_ERROR
    except KeyboardInterrupt:
        print("sett export: interrupted; nothing was written", file=sys.stderr)
        return FAILED
    except Exception as exc:   # noqa: BLE001 - a command-line tool answers in one line, never a traceback
        print(f"sett export: {exc}", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
