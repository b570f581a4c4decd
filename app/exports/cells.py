"""Text from a panel, made safe for a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return) is
run as a formula by Excel and LibreOffice (`=cmd|' /C calc'!A0`), so such text gets a leading apostrophe, as
OWASP's CSV-injection advice says. Only text is changed: amounts are numbers Sett writes itself."""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
