"""Writing an export table as CSV or XLSX, whole or not at all: the file is written beside its target under a
temporary name and moved into place only when complete (os.replace), so a full disk or a cancelled export never
leaves half a file behind, nor destroys an older file of the same name.

CSV is for machines as much as people: amounts are plain decimal strings with a '.' (exactly the cached value,
never rounded through a float), dates ISO 8601, statuses, kinds, methods and types the panel's stable codes
("overdue", "top_up": what `--status` filters on and a script compares), UTF-8 with a byte-order mark (so
spreadsheet programs read accents right); only the column titles and the totals' label are in the user's language.
XLSX is for reading: amounts are numbers formatted with their currency's places and code (an amount with more
significant digits than a spreadsheet number keeps, 17 or more, is written as exact text instead of being rounded),
statuses and the like are words in the user's language ("Überfällig"), days and times are real dates in the
spreadsheet's own short date format (Excel's built-in formats 14 and 22, which it and LibreOffice show as the
computer's locale writes dates: 24.11.2026 in German), times in local time as the screens show them.
"""
from __future__ import annotations

import contextlib
import csv
import errno
import os
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

from app.core.status_words import status_word
from app.core.text import translate

from .cells import cell_text
from .columns import CODE, CURRENCY, DATE, STAMP, total_label
from .table import Cell, ExportTable, total_rows

FORMATS = ("csv", "xlsx")


class ExportError(OSError):
    """The file could not be written; `str()` says why in words."""


def _why(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return translate("Exports", "The disk is full: {path} could not be written.").format(path=path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate("Exports", "Sett may not write to {folder}: choose another folder.").format(
            folder=path.parent)
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return translate("Exports", "The folder {folder} does not exist.").format(folder=path.parent)
    return translate("Exports", "{path} could not be written: {reason}.").format(
        path=path, reason=exc.strerror or str(exc))


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path`, moved onto it when the block ends without an error, deleted otherwise."""
    target = Path(path)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(_why(exc, target)) from exc
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportError(_why(exc, target)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(cell, "f")      # "1234.50": no grouping, no exponent, every decimal kept
    return cell_text(cell)


def _write_csv(table: ExportTable, handle: IO[str], totals: bool) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")     # RFC 4180
    writer.writerow([cell_text(c.title) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    if totals and table.rows:
        writer.writerow([])
        for row in total_rows(table, table.total_title or total_label()):
            writer.writerow([_csv_cell(cell) for cell in row])


def number_format(places: int, currency: str) -> str:
    """"#,##0.00 "EUR"": the currency's places, its code after the number."""
    code = "".join(ch for ch in currency if ch.isalnum())[:8]
    digits = "#,##0" + ("." + "0" * places if places > 0 else "")
    return f'{digits} "{code}"' if code else digits


def fits_a_number(value: Decimal) -> bool:
    """Whether a spreadsheet number (a double) holds `value` exactly as written: every real amount does
    ("1234567.55" is stored as those digits); one with 17 or more significant digits would be rounded."""
    return Decimal(repr(float(value))) == value


def _xlsx_text(value: str) -> str:
    # What XML 1.0 (a worksheet) cannot hold, C0 control characters other than tab, line feed and carriage return,
    # made openpyxl raise IllegalCharacterError and the whole XLSX export fail: cell_text drops them (they show as
    # nothing anywhere), with direction controls, before the formula check sees the text.
    return cell_text(value)


# Excel's built-in formats 14 (short date) and 22 (short date and time), which openpyxl writes for these
# patterns: Excel and LibreOffice show them in the computer's own date format, a fixed "yyyy-mm-dd" showed ISO
# dates to everyone.
SHORT_DATE = "mm-dd-yy"
SHORT_DATE_TIME = "m/d/yy h:mm"


def local_moment(value: str) -> datetime | None:
    """A panel timestamp as the local wall-clock time a spreadsheet cell holds (no zone); None if it is not one."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.replace(microsecond=0)


def _write_xlsx(table: ExportTable, path: Path, totals: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    titles = {"invoices": translate("Exports", "Invoices"), "payments": translate("Exports", "Payments"),
              "credits": translate("Exports", "Credit transactions")}
    sheet = book.create_sheet(titles[table.kind][:31])     # Excel's limit on a sheet's name
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    currency_at = next(i for i, c in enumerate(table.columns) if c.key == CURRENCY)
    formats: dict[str, str] = {}

    def cells(row: list[Cell], strong: bool = False) -> list:
        currency = str(row[currency_at] or "")
        fmt = formats.setdefault(currency, number_format(table.places.get(currency, 2), currency))
        out = []
        for column, value in zip(table.columns, row, strict=True):
            if isinstance(value, Decimal) and fits_a_number(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = fmt
            elif isinstance(value, Decimal):      # more digits than a spreadsheet number holds: exact as text
                cell = WriteOnlyCell(sheet, value=format(value, "f"))
                cell.alignment = right
            elif column.kind == DATE and value:
                try:
                    cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
                    cell.number_format = SHORT_DATE
                except ValueError:
                    cell = WriteOnlyCell(sheet, value=_xlsx_text(value))
            elif column.kind == STAMP and value and local_moment(value) is not None:
                cell = WriteOnlyCell(sheet, value=local_moment(value))
                cell.number_format = SHORT_DATE_TIME
            elif column.kind == CODE and value:
                cell = WriteOnlyCell(sheet, value=_xlsx_text(status_word(str(value))))
            else:
                cell = WriteOnlyCell(sheet, value=None if value is None else _xlsx_text(str(value)))
            if strong:
                cell.font = bold
            out.append(cell)
        return out

    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(column.title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append(cells(row))
    if totals and table.rows:
        sheet.append([])
        for row in total_rows(table, table.total_title or total_label()):
            sheet.append(cells(row, strong=True))
    book.save(path)


def write_table(table: ExportTable, path: str | Path, fmt: str, *, totals: bool = True) -> Path:
    """Write `table` to `path` as `fmt` ("csv" or "xlsx"); raises ExportError in words when it cannot."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(path)
    with replacing(target) as temporary:
        if fmt == "csv":
            with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
                _write_csv(table, handle, totals)
                handle.flush()
                os.fsync(handle.fileno())
        else:
            _write_xlsx(table, temporary, totals)
    return target

