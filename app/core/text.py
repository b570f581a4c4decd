"""Visible words for code that has no QObject to call `tr()` on (pure modules, module-level helpers).

`translate("Context", "Source text")` is the call Qt's `pyside6-lupdate` collects into the `.ts` sources, exactly as
it collects `self.tr(...)` and `QCoreApplication.translate(...)`. The pure core cannot import Qt, so the shell installs
Qt's translator here at start-up (`install`); until then, and in the command-line tools that run without Qt, the
source text is used as is. Plurals: pass `n` and write `%n` in the text, as Qt does.
"""
from __future__ import annotations

import re
from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]


def _untranslated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%Ln", f"{n:,}").replace("%n", str(n)) if n >= 0 else text


_PLURAL = re.compile(r"(?<=\w)\(s\)")


def english_plural(text: str, n: int) -> str:
    """The source language's own plural: "%n invoice(s)" reads "1 invoice", "3 invoices" when nothing translated
    it (English, or a language whose .qm lacks the message) -- what Qt does with an English .qm, without one."""
    return _PLURAL.sub("" if n == 1 else "s", text)


_translator: Translator = _untranslated


_generation = 0


def install(translator: Translator | None) -> None:
    """Use `translator` (Qt's QCoreApplication.translate) for every later call; None restores the source texts."""
    global _translator, _generation
    _translator = translator or _untranslated
    _generation += 1


def current_translator() -> Translator | None:
    """The translator `install` put in place (None: the source texts), to put back after a temporary one."""
    return None if _translator is _untranslated else _translator


def generation() -> int:
    """Changes with every `install`: words translated once and kept (a table's status words) are stale after it."""
    return _generation


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    result = _translator(context, text, disambiguation, n)
    if n >= 0 and "(s)" in result:
        result = english_plural(result, n)
    return result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name Qt's lupdate looks for)
    """Mark a constant's words for Qt's tools without translating them yet (at import, before any translator is
    installed); the code that shows it calls `translate(context, CONSTANT)`."""
    return text
