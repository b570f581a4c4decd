"""Country names for ISO 3166-1 alpha-2 codes in the user's language (the locale's CLDR data, through
app.core.local_format; Qt's English name where the locale has none). The codes are app.core.countries'."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from app.core import local_format
from app.core.countries import COUNTRY_CODES


def country_name(code: str) -> str:
    """"Germany" (en) / "Deutschland" (de) for "DE"; the code itself when no one has a name for it, "" for none."""
    if not code:
        return ""
    named = local_format.country_name(code) if code.upper() in COUNTRY_CODES else None
    if named:
        return named
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory) or code


def countries_by_name() -> list[tuple[str, str]]:
    """(name, code) of every accepted code, sorted by name as the user's locale sorts."""
    from PySide6.QtCore import QCollator

    collator = QCollator(QLocale())
    named = [(country_name(code), code) for code in COUNTRY_CODES]
    return sorted(named, key=lambda pair: collator.sortKey(pair[0]))
