"""Country names for ISO 3166-1 alpha-2 codes, from Qt's locale data (the codes are app.core.countries')."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from app.core.countries import COUNTRY_CODES


def country_name(code: str) -> str:
    """"Germany" for "DE"; the code itself when Qt has no name for it, "" for no code."""
    if not code:
        return ""
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
