"""Sett's German words for tests of the pure modules, without Qt: read from i18n/sett_de.ts and the pending files
(what `make` compiles), and put where app.core.text.translate looks, choosing plural forms as Qt does for
German (the first form for 1, the second for any other count)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

from app.core import local_format, text

ROOT = Path(__file__).resolve().parents[2]
Words = dict[tuple[str, str], list[str]]


def german_words() -> Words:
    """(context, source) -> the German forms (one, or a plural's two)."""
    found: Words = {}
    for path in [ROOT / "i18n" / "sett_de.ts", *sorted((ROOT / "i18n" / "pending").glob("*_de.ts"))]:
        for context in ElementTree.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                found[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return found


@contextmanager
def speaking_german(*, numbers: bool = True) -> Iterator[Words]:
    """German words while inside; with `numbers`, German numbers and dates too (the de_DE locale)."""
    words = german_words()

    def translated(context, source, _disambiguation=None, n=-1):
        forms = words.get((context, source)) or [source]
        form = forms[0] if n == 1 or len(forms) == 1 else forms[1]
        return form.replace("%Ln", local_format.number(n)).replace("%n", str(n)) if n >= 0 else form

    text.install(translated)
    before = local_format.current_locale()
    if numbers:
        local_format.set_locale("de_DE")
    try:
        yield words
    finally:
        text.install(None)
        if numbers:
            local_format.set_locale(before)
