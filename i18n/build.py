"""Compile the German translation: i18n/sett_de.ts plus every i18n/pending/*_de.ts into resources/i18n/sett_de.qm.

`python i18n/build.py update` (make translations) first collects every string of app/ into i18n/sett_de.ts with
pyside6-lupdate, keeping the translations already there; new strings arrive as unfinished, to be translated.
`python i18n/build.py fold` (make fold-translations) does the same and takes in the translations of
i18n/pending/*.ts, removing each pending file once all of it is in sett_de.ts.

`make` runs this before `run`, `test` and `dist` (and build.spec runs it too, so a bundle never ships a stale .qm);
the .qm is build output, never committed. Several .ts files go into one .qm: other branches put the German of the
words they add into i18n/pending/ until they are folded into sett_de.ts.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("de",)


def sources(language: str) -> list[Path]:
    return [ROOT / "i18n" / f"sett_{language}.ts", *sorted((ROOT / "i18n" / "pending").glob(f"*_{language}.ts"))]


def target(language: str) -> Path:
    return ROOT / "resources" / "i18n" / f"sett_{language}.qm"


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project (make) first")
    return found


def lrelease() -> str:
    return tool("pyside6-lrelease")


def _translations(path: Path) -> dict[tuple[str, str, str], list[str]]:
    """(context, source, comment) -> its translation's forms (one, or one per plural form), where it has one."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            if any(f.strip() for f in forms):
                found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = forms
    return found


def rewrite(ts: Path, known: dict[tuple[str, str, str], list[str]]) -> None:
    """Write `ts` back in lupdate's layout after lupdate ran: every message whose source holds %n becomes
    numerus="yes" (lupdate's Python reader sees `translate("Ctx", "%n file(s)", None, n)` but not that it is a
    plural, and drops the forms), so the .qm keeps one form per plural rule (German: 2); a message lupdate left
    unfinished takes the translation `known` has for it (the forms lupdate dropped, or a pending file's)."""
    root = ElementTree.parse(ts).getroot()
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="{root.get("version", "2.1")}" language="{root.get("language", "")}">']
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        lines += ["<context>", f"    <name>{escape(name)}</name>"]
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            finished = translation.get("type") != "unfinished" and all(f.strip() for f in forms)
            if not finished and (name, source, comment) in known:
                forms, finished = known[(name, source, comment)], True
            plural = "%n" in source or "%Ln" in source
            # lupdate's guesses (the same text in another context) stay unfinished until someone checks them
            attr = "" if finished else ' type="unfinished"'
            lines.append('    <message numerus="yes">' if plural else "    <message>")
            lines.append(f"        <source>{escape(source)}</source>")
            if comment:
                lines.append(f"        <comment>{escape(comment)}</comment>")
            if plural:
                forms = (forms + forms[-1:] * 2)[:2]
                lines.append(f"        <translation{attr}>")
                lines += [f"            <numerusform>{escape(f)}</numerusform>" for f in forms]
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{attr}>{escape(forms[0])}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update(language: str, fold: bool = False) -> Path:
    """lupdate over app/ into i18n/sett_<language>.ts, keeping its translations; with `fold`, the pending files'
    translations are taken in too and each pending file whose every message is now translated is removed."""
    ts = ROOT / "i18n" / f"sett_{language}.ts"
    known = _translations(ts)
    pending = sources(language)[1:] if fold else []
    for path in pending:
        known = {**_translations(path), **known}
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files,
                    "-ts", str(ts)], check=True, cwd=ROOT, capture_output=True)
    rewrite(ts, known)
    done = _translations(ts)
    for path in pending:
        if set(_translations(path)) <= set(done):
            path.unlink()
            print(f"folded {path.relative_to(ROOT)}")
    return ts


def build(language: str) -> Path:
    out = target(language)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed over: a Sett running meanwhile (or a test) keeps reading the whole old file, never a
    # half-written one, and a failed lrelease leaves the old .qm as it was.
    partial = out.with_name(out.name + ".partial")
    try:
        subprocess.run([lrelease(), "-silent", *map(str, sources(language)), "-qm", str(partial)], check=True)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def main(argv: list[str]) -> int:
    for language in LANGUAGES:
        if argv[:1] in (["update"], ["fold"]):
            print(update(language, fold=argv[:1] == ["fold"]))
        print(build(language))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
