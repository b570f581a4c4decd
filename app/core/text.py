"""Visible words for code that has no QObject to call `tr()` on (pure modules, module-level helpers).

`translate("Context", "Source text")` is the call Qt's `pyside6-lupdate` collects into the `.ts` sources, exactly as
it collects `self.tr(...)` and `QCoreApplication.translate(...)`. The pure core cannot import Qt, so the shell installs
Qt's translator here at start-up (`install`); until then, and in the command-line tools that run without Qt, the
source text is used as is. Plurals: pass `n` and write `%n` in the text, as Qt does.
"""
from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]


def _untranslated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _untranslated


def install(translator: Translator | None) -> None:
    """Use `translator` (Qt's QCoreApplication.translate) for every later call; None restores the source texts."""
    global _translator
    _translator = translator or _untranslated


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return _translator(context, text, disambiguation, n)
