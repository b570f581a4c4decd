"""The language of Sett's words: the system's (QLocale.system()) unless the Preferences chose one; read at start.

Qt's translators are installed on the QApplication before any window is built: Sett's own (resources/i18n/, built
by `make` from i18n/*.ts) and Qt's (its standard buttons and dialogs, from QLibraryInfo's translations folder).
`app.core.text` then routes the pure modules' words through the same translators. A language without a .qm (or
English, the source language) leaves every word as written in the code.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths
from app.core import text

log = logging.getLogger(__name__)

TRANSLATED = ("de",)      # the languages with a .qm; English is the source language


def locale_for(setting: str) -> QLocale:
    """The locale a language setting ("system", "en", "de") stands for; the system's locale for "system"."""
    if setting == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if setting == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    return QLocale.system()


def language_code(setting: str) -> str:
    """"de" or "en": the language whose words Sett shows for this setting (English when none is translated)."""
    name = locale_for(setting).name().split("_")[0]
    return name if name in TRANSLATED else "en"


def locale_name(setting: str) -> str:
    """"de_DE", "en_US", or the system's locale name for "system": what number and date formatting should follow
    (the Preferences announce a change with `Preferences.language_changed`)."""
    return locale_for(setting).name()


def qm_path(code: str):
    return paths.resource_dir() / "i18n" / f"sett_{code}.qm"


def load_copy(translator: QTranslator, path) -> bool:
    """Load Sett's .qm from a copy in memory, kept with the translator. Loaded by name, Qt maps the file itself:
    a .qm written over while Sett ran (a new build or bundle copied over the old one) changed the words under the
    running window, then crashed it (a segmentation fault in the next translation)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return False
    if not translator.load(data):
        return False
    translator.sett_qm = data        # Qt reads the bytes where they are, for the translator's whole life
    return True


def install(setting: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the translators for `setting` on the application (returned: keep them alive, `uninstall` them)."""
    app = app or QCoreApplication.instance()
    code = language_code(setting)
    installed: list[QTranslator] = []
    if code != "en" and app is not None:
        own = QTranslator(app)
        if load_copy(own, qm_path(code)):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("no translation file %s: Sett's words stay English", qm_path(code))
        qt = QTranslator(app)
        if qt.load(locale_for(setting), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    text.install(QCoreApplication.translate)
    return installed


def uninstall(translators: list[QTranslator], app: QCoreApplication | None = None) -> None:
    app = app or QCoreApplication.instance()
    for translator in translators:
        app.removeTranslator(translator)
    text.install(None)
