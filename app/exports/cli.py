"""`python -m app export` (`sett export` in the installed app): invoices, payments or credit transactions from the
saved caches to a CSV or XLSX file, with no window and no network, for resellers who script their bookkeeping.

Exit codes: 0 written, 2 a usage mistake (argparse's own code), 1 anything else; every failure is one line on
stderr, never a traceback. The account list is read with the sessions' AccountStore (a JSON file; importing it
loads Qt's core library but creates no application, so no display is needed).

What it says (help, notes, errors, the summary) is in Sett's language (cli_language.py), with plural forms from
the translation ("1 invoice", "2 Rechnungen"); what it writes follows writers.py: CSV keeps the panel's codes and
ISO dates for scripts, XLSX is for people.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from pathlib import Path

from app import paths
from app.core.text import translate

from .records import CREDITS, INVOICES, KINDS, PAYMENTS, Period
from .writers import FORMATS

USAGE_ERROR, FAILED = 2, 1


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("ExportCli", "{text} is not a date like 2026-01-31").format(
            text=repr(text))) from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sett export", description=translate(
            "ExportCli", "Write invoices, their payments, or credit transactions from Sett's saved data (what the "
            "last sync brought) to a CSV or XLSX file. CSV is for scripts and spreadsheets: amounts are plain "
            "decimals with a '.', dates ISO 8601, statuses the panel's codes (overdue, top_up). XLSX is for "
            "reading: statuses in words, dates as your spreadsheet shows dates. Every row names its account and "
            "currency, and per-currency totals close the file."))
    p.add_argument("kind", choices=KINDS, help=translate("ExportCli", "what to export"))
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=translate("ExportCli", "the file to write (replaced if it exists)"))
    p.add_argument("--format", choices=FORMATS,
                   help=translate("ExportCli", "csv or xlsx (default: from FILE's extension, else csv)"))
    p.add_argument("--account", action="append", metavar="NAME_OR_ID",
                   help=translate("ExportCli", "only this account (repeat for several; default: every account)"))
    p.add_argument("--from", dest="start", type=_day, metavar="DATE",
                   help=translate("ExportCli", "from this day (YYYY-MM-DD), included"))
    p.add_argument("--to", dest="end", type=_day, metavar="DATE",
                   help=translate("ExportCli", "to this day (YYYY-MM-DD), included"))
    p.add_argument("--status", action="append", metavar="STATUS",
                   help=translate("ExportCli", "only these statuses, as the panel's codes (invoices: paid, pending, "
                                  "overdue, cancelled, refunded; payments: succeeded, pending, failed, ...; credits: "
                                  "the type, e.g. top_up); comma-separated or repeated"))
    p.add_argument("--no-totals", action="store_true",
                   help=translate("ExportCli", "leave out the per-currency total rows"))
    p.add_argument("--data-dir", metavar="DIR",
                   help=translate("ExportCli", "the data folder Sett was started with (--data-dir)"))
    return p


def _choose(accounts: list, wanted: list[str] | None) -> list:
    if not wanted:
        return accounts
    chosen = []
    for text in wanted:
        match = [a for a in accounts if a.id == text] or [a for a in accounts if a.name.casefold() == text.casefold()]
        if not match:
            names = ", ".join(a.name for a in accounts) or translate("ExportCli", "none")
            raise LookupError(translate("ExportCli", "there is no account called {name} (accounts: {names})").format(
                name=repr(text), names=names))
        if len(match) > 1:
            raise LookupError(translate("ExportCli", "several accounts are called {name}: name one by its id "
                                                     "({ids})").format(name=repr(text),
                                                                       ids=", ".join(a.id for a in match)))
        if match[0] not in chosen:
            chosen.append(match[0])
    return chosen


def run(args: argparse.Namespace, p: argparse.ArgumentParser) -> int:
    from app.session.accounts import AccountStore

    from .cli_language import english_words
    from .saved import read_saved
    from .table import build_table
    from .writers import write_table

    if args.data_dir:
        paths.use_data_dir(args.data_dir)
    try:
        paths.check_data_dir()
    except paths.DataDirError as exc:
        # As `sett` says it: 2 for a folder given on the command line (a usage mistake), 1 for the platform's own,
        # whose file in the folder's place failed later in the OS's words ("File exists"), read as the output file.
        if args.data_dir:
            p.error(f"--data-dir: {exc}")
        problem = translate("ExportCli", "cannot use the data folder: {problem}").format(problem=exc)
        raise RuntimeError(problem) from None
    try:
        period = Period(args.start, args.end)
    except ValueError as exc:
        p.error(str(exc))
    output = Path(args.output)
    fmt = args.format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    statuses = [s for text in args.status for s in text.split(",")] if args.status else None
    accounts = AccountStore(paths.accounts_file()).all()
    if not accounts:
        raise LookupError(translate("ExportCli", "no accounts are saved in {folder}: add one in Sett first").format(
            folder=paths.data_dir()))
    try:
        chosen = _choose(accounts, args.account)
    except LookupError as exc:
        p.error(str(exc))
    saved = read_saved([(a.id, a.name) for a in chosen])
    for name in saved.never_synced:
        print(translate("ExportCli", "note: {name} has never been synced: nothing of it is saved").format(name=name),
              file=sys.stderr)
    # A CSV is for scripts: its column titles (and the totals' label) stay English whatever the language, so a
    # cron job reads the same file on every computer (README, Exports); an XLSX is read, in the user's language.
    with english_words() if fmt == "csv" else contextlib.nullcontext():
        table = build_table(args.kind, saved.accounts, period=period, statuses=statuses)
    if table.skipped:
        skipped = table.skipped      # a plain name: lupdate reads the count argument only as one
        print(translate("ExportCli", "note: %n invoice(s) left out: their payment history was never read from the "
                                     "panel (open them in Sett once, online)", None, skipped), file=sys.stderr)
    write_table(table, output, fmt, totals=not args.no_totals)
    print(summary(args.kind, len(table.rows), len(saved.accounts), output, table))
    return 0


def summary(kind: str, rows: int, accounts: int, output: Path, table) -> str:
    """"wrote 5 invoices from 2 accounts to out.csv (totals: EUR 125.20; CHF 1234667.50)", with each count's own
    plural form in the user's language (a hand-made "row(s)" read "5 invoices row(s) of 2 account(s)")."""
    if kind == INVOICES:
        wrote = translate("ExportCli", "wrote %n invoice(s)", None, rows)
    elif kind == PAYMENTS:
        wrote = translate("ExportCli", "wrote %n payment(s)", None, rows)
    elif kind == CREDITS:
        wrote = translate("ExportCli", "wrote %n credit transaction(s)", None, rows)
    else:
        wrote = translate("ExportCli", "wrote %n row(s)", None, rows)
    text = translate("ExportCli", "{wrote} from %n account(s) to {file}", None, accounts).format(
        wrote=wrote, file=output)
    # The sums as CSV writes them (plain decimals, '.'), so a script can read them back.
    sums = "; ".join(f"{code} {sums.get('total', sums.get('amount'))}" for code, sums in table.totals.items())
    if sums:
        text += " " + translate("ExportCli", "(totals: {sums})").format(sums=sums)
    return text


def _data_dir_given(argv: list[str] | None) -> str | None:
    """--data-dir, read ahead of the rest (the settings, and so the language, live there); quietly, since the
    parser proper says what is wrong with the arguments, in that language."""
    given = list(sys.argv[1:] if argv is None else argv)
    found = None
    for index, arg in enumerate(given):
        if arg == "--":
            break
        if arg == "--data-dir" and index + 1 < len(given):
            found = given[index + 1]
        elif arg.startswith("--data-dir="):
            found = arg.split("=", 1)[1]
    return found


def main(argv: list[str] | None = None) -> int:
    from .cli_language import in_language

    with in_language(_data_dir_given(argv)):
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    from .cli_language import argparse_in_language

    try:
        with argparse_in_language():
            p = parser()
            args = p.parse_args(argv)
            return run(args, p)
    except SystemExit as exc:          # argparse: --help (0) or a usage mistake (2, its message already printed)
        return exc.code if isinstance(exc.code, int) else USAGE_ERROR
    except KeyboardInterrupt:
        print(translate("ExportCli", "sett export: interrupted; nothing was written"), file=sys.stderr)
        return FAILED
    except Exception as exc:   # noqa: BLE001 - a command-line tool answers in one line, never a traceback
        print(f"sett export: {exc}", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
