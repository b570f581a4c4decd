"""Text from a panel, made safe for a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return) is
run as a formula by Excel and LibreOffice (`=cmd|' /C calc'!A0`), so such text gets a leading apostrophe, as
OWASP's CSV-injection advice says. Only text is changed: amounts are numbers Sett writes itself.

`cell_text` is what every text cell of an export goes through, CSV and XLSX alike: first what no cell may hold is
dropped (C0 control characters other than tab, line feed and carriage return: NUL made many CSV readers stop, and a
reader dropping it then saw `=cmd` where Sett had checked `\\0=cmd`; direction overrides, embeddings and isolates,
which Sett drops from a panel's text everywhere else, and which turned the rest of a CSV line backwards for
whoever read it), then the formula check sees the text as a spreadsheet will."""
from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NOT_IN_A_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(text: str) -> str:
    """`text` as an export's cell holds it: without control and direction characters, formula-safe."""
    return safe_text(_NOT_IN_A_CELL.sub("", text))
