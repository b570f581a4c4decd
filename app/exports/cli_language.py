"""The language of `sett export`: the one Sett shows (Preferences ▸ Language, else the system's), with no window.

The command runs without a QApplication, so Qt's translators cannot be installed on one: Sett's .qm is loaded
into a QTranslator and asked directly (Qt picks the plural form from the count as it does in the window), and
numbers and dates follow the same locale as the screens. argparse's own words ("usage:", "the following arguments
are required") are routed through the same translation while the command parses its arguments. English, or a
language without a .qm, leaves every word as written in the code.
"""
from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from app.core import local_format, text
from app.core.text import translate

log = logging.getLogger(__name__)
_kept: list = []        # the QTranslator in use: it must outlive every call that asks it


def language_setting(data_dir: str | None) -> str:
    """"system", "en" or "de" as Sett would read it at start for this data folder; "system" when unreadable. A
    data folder that does not hold a settings file yet is never created here (the command may refuse it later)."""
    try:
        from PySide6.QtCore import QSettings

        from app import settings as keys

        if data_dir:
            ini = Path(data_dir) / "settings.ini"
            if not ini.is_file():
                return keys.LANGUAGE.default
            stored = QSettings(str(ini), QSettings.Format.IniFormat)
        else:
            stored = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, keys.ORGANISATION,
                               keys.APPLICATION)
        return keys.Settings(stored).language
    except Exception:   # noqa: BLE001 - an unreadable setting is the default language, never a failed export
        log.debug("language setting unreadable", exc_info=True)
        return "system"


def use_language(setting: str) -> str:
    """Translate the command's words (and write numbers and dates) for `setting`; returns the language code used."""
    from PySide6.QtCore import QTranslator

    from app.shell import language

    local_format.set_locale(language.locale_name(setting))
    code = language.language_code(setting)
    if code == "en":
        text.install(None)
        return code
    translator = QTranslator()
    if not translator.load(str(language.qm_path(code))):
        log.warning("no translation file %s: the command's words stay English", language.qm_path(code))
        text.install(None)
        return "en"
    _kept[:] = [translator]

    def words(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = translator.translate(context, source, disambiguation, n) or source
        if n >= 0:      # QCoreApplication.translate fills these in; a bare QTranslator does not
            found = found.replace("%Ln", local_format.number(n)).replace("%n", str(n))
        return found

    text.install(words)
    return code


@contextlib.contextmanager
def in_language(data_dir: str | None) -> Iterator[str]:
    """The command's words and formats in Sett's language for `data_dir` while the block runs; what was in use
    before (a window's translator, when called in its process) is put back after."""
    before_words, before_locale = text.current_translator(), local_format.current_locale()
    try:
        code = use_language(language_setting(data_dir))
    except Exception:   # noqa: BLE001 - the words stay English rather than the export failing
        log.debug("language not set", exc_info=True)
        code = "en"
    try:
        yield code
    finally:
        text.install(before_words)
        local_format.set_locale(before_locale)


@contextlib.contextmanager
def english_words() -> Iterator[None]:
    """The code's own (English) words while the block runs, whatever language is in use."""
    before = text.current_translator()
    text.install(None)
    try:
        yield
    finally:
        text.install(before)


def _argparse_words() -> dict[str, str]:
    # Written out call by call so pyside6-lupdate collects each one; the keys are argparse's own texts (3.11+).
    return {
        "usage: ": translate("ExportCli", "usage: "),
        "positional arguments": translate("ExportCli", "positional arguments"),
        "options": translate("ExportCli", "options"),
        "show this help message and exit": translate("ExportCli", "show this help message and exit"),
        "argument %(argument_name)s: %(message)s": translate("ExportCli", "argument %(argument_name)s: %(message)s"),
        "unrecognized arguments: %s": translate("ExportCli", "unrecognized arguments: %s"),
        "the following arguments are required: %s": translate("ExportCli",
                                                               "the following arguments are required: %s"),
        "expected one argument": translate("ExportCli", "expected one argument"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "ExportCli", "invalid choice: %(value)r (choose from %(choices)s)"),
        "invalid %(type)s value: %(value)r": translate("ExportCli", "invalid %(type)s value: %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "ExportCli", "ambiguous option: %(option)s could match %(matches)s"),
        "%(prog)s: error: %(message)s\n": translate("ExportCli", "%(prog)s: error: %(message)s") + "\n",
    }


@contextlib.contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse's own words in the command's language while the block runs (its `_` is read at each call)."""
    words = _argparse_words()
    before = argparse._          # type: ignore[attr-defined]
    argparse._ = lambda message: words.get(message, message)      # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before      # type: ignore[attr-defined]
