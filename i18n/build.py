"""Compile the German translation: i18n/sett_de.ts plus every i18n/pending/*_de.ts into resources/i18n/sett_de.qm.

`python i18n/build.py update` (make translations) first collects every string of app/ into i18n/sett_de.ts with
pyside6-lupdate, keeping the translations already there; new strings arrive as unfinished, to be translated.

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


def mark_plurals(ts: Path) -> None:
    """lupdate's Python reader sees `translate("Ctx", "%n file(s)", None, n)` but not that it is a plural (and drops
    the forms it did not find): every message whose source holds %n becomes numerus="yes" again, keeping its forms,
    so the .qm has one form per plural rule (German: 2). Written back in lupdate's own layout."""
    kept = _numerus_forms(ts)
    root = ElementTree.parse(ts).getroot()
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="{root.get("version", "2.1")}" language="{root.get("language", "")}">']
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        lines += ["<context>", f"    <name>{escape(name)}</name>"]
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            attr = f' type="{kind}"' if kind else ""
            plural = "%n" in source or "%Ln" in source
            lines.append('    <message numerus="yes">' if plural else "    <message>")
            lines.append(f"        <source>{escape(source)}</source>")
            if comment:
                lines.append(f"        <comment>{escape(comment)}</comment>")
            if plural:
                forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
                forms = forms if any(forms) else kept.get((name, source, comment or ""), [])
                if not any(forms) and translation is not None and (translation.text or "").strip():
                    forms = [translation.text.strip()]
                forms = (forms + forms[-1:] * 2)[:2] if forms else ["", ""]
                lines.append(f"        <translation{attr if not all(forms) else ''}>")
                lines += [f"            <numerusform>{escape(f)}</numerusform>" for f in forms]
                lines.append("        </translation>")
            else:
                text = (translation.text or "") if translation is not None else ""
                lines.append(f"        <translation{attr}>{escape(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _numerus_forms(ts: Path) -> dict[tuple[str, str, str], list[str]]:
    """The plural forms in the .ts before lupdate rewrote it (read from git's copy when lupdate dropped them)."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for path in (ts.with_suffix(".ts.before"),):
        if path.exists():
            for context in ElementTree.parse(path).getroot().iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    forms = [f.text or "" for f in message.iter("numerusform")]
                    if any(forms):
                        found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = forms
    return found


def update(language: str) -> Path:
    ts = ROOT / "i18n" / f"sett_{language}.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    before = ts.with_suffix(".ts.before")
    shutil.copyfile(ts, before)       # lupdate drops the plural forms it does not know are plural: kept from here
    try:
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files,
                        "-ts", str(ts)], check=True, cwd=ROOT)
        mark_plurals(ts)
    finally:
        before.unlink(missing_ok=True)
    return ts


def build(language: str) -> Path:
    out = target(language)
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([lrelease(), "-silent", *map(str, sources(language)), "-qm", str(out)], check=True)
    return out


def main(argv: list[str]) -> int:
    for language in LANGUAGES:
        if argv[:1] == ["update"]:
            print(update(language))
        print(build(language))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
