"""Exports for bookkeeping (no Qt): invoices, their payments and credit transactions as CSV or XLSX, every row with
its account and currency and the file closed by per-currency totals.

`records.py` holds what is exported (each account's cached rows), `columns.py` which columns each kind has,
`table.py` turns records into a table with totals, `cells.py` keeps panel text from being run as a spreadsheet
formula, `writers.py` writes CSV and XLSX whole or not at all, `saved.py` reads the saved caches (through
app.cache's public readers, never writing), and `cli.py` is `python -m app export`.
"""
from .records import KINDS, AccountRecords, Period
from .table import ExportTable, build_table
from .writers import FORMATS, ExportError, write_table

__all__ = ["FORMATS", "KINDS", "AccountRecords", "ExportError", "ExportTable", "Period", "build_table",
           "write_table"]
