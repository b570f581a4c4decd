"""The German build shows no English: every main screen is built twice from the same cached account, once in English
and once in German, and every visible word of the widget tree is compared. A text both runs show alike is English
left untranslated, unless it is the account's own data (product names, numbers, e-mail) or a word German writes
the same ("Status", "Server"). The German source (i18n/sett_de.ts) is checked too: complete, its {fields} and
plurals intact, and holding every string the code marks for translation.
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from app import paths
from app import settings as keys
from app.api.auth import Credentials
from app.core import local_format
from app.session.accounts import AccountStore
from app.settings import Settings
from app.shell import language

from . import samples
from .conftest import WAIT, close
from .screens import RECORD_PAGES, visit

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "i18n" / "sett_de.ts", *sorted((ROOT / "i18n" / "pending").glob("*_de.ts"))]
FIELD = re.compile(r"\{[a-z_]*\}")

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]


# -- the .ts sources ----------------------------------------------------------------------------------------------
def messages() -> Iterator[tuple[str, ElementTree.Element]]:
    for path in SOURCES:
        for context in ElementTree.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                yield context.findtext("name") or "", message


def translations(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_message_has_a_german_translation_with_the_same_fields():
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = translations(message)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for text in texts:
            if sorted(FIELD.findall(text)) != sorted(FIELD.findall(source)):
                problems.append(f"{context}: {source!r} -> {text!r} changes the {{fields}}")
        counted = all("%n" in t or "%Ln" in t for t in texts)
        if message.get("numerus") == "yes" and not (len(texts) == 2 and counted):
            problems.append(f"{context}: {source!r} needs a singular and a plural form, each with %n")
        elif ("%n" in source or "%Ln" in source) and not counted:      # a pending file's single form
            problems.append(f"{context}: {source!r} -> {texts!r} drops the count (%n)")
    assert not problems, "\n".join(problems)


def marked_in_code() -> set[tuple[str, str]]:
    """(context, source) of every translate("Ctx", "..."), QT_TRANSLATE_NOOP("Ctx", "...") and self.tr("...")."""
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {node: node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
        for cls, name in [(None, ""), *classes.items()]:
            for node in ast.walk(cls or tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = node.args
                if called in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                    found.add((args[0].value, args[1].value))
                elif (called == "tr" and cls is not None and args and isinstance(args[0], ast.Constant)
                      and isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "self"):
                    found.add((name, args[0].value))
    return found


def test_the_german_source_holds_every_string_the_code_marks():
    """Run `make translations` (then translate what is new) when this fails."""
    known = {(context, message.findtext("source") or "") for context, message in messages()}
    missing = sorted(marked_in_code() - known)
    assert not missing, "not in i18n/*.ts: " + "; ".join(f"{c}: {s!r}" for c, s in missing[:20])


# -- the screens in German ----------------------------------------------------------------------------------------
def compiled_qm() -> Path:
    """The .qm `make` builds; built here when a test run starts without it (it is never committed)."""
    qm = language.qm_path("de")
    newest = max(p.stat().st_mtime for p in SOURCES)
    if not qm.exists() or qm.stat().st_mtime < newest:
        if shutil.which("pyside6-lrelease") is None and not (Path(sys.executable).parent / "pyside6-lrelease").exists():
            pytest.fail("pyside6-lrelease is missing: install the project (make)")
        subprocess.run([sys.executable, str(ROOT / "i18n" / "build.py")], check=True, capture_output=True)
    return qm


@pytest.fixture
def cached_account(data_dir, secrets, tmp_path):
    """The sample account (tests/gui/samples.py) in the app's own cache, at a panel that cannot be reached: the
    screens show what was saved, the status line says offline."""
    account = AccountStore(paths.accounts_file()).add(name="Badger", panel_url="http://127.0.0.1:9",
                                                      email=samples.ME["email"], auth_kind="password")
    secrets.save(account.id, Credentials.from_tokens("access", "refresh"))
    samples.account_data(tmp_path)
    target = paths.data_dir() / "accounts" / account.id / "cache.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "account.sqlite", target)
    return account


def plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.accessibleName()           # what a screen reader says: German too
    yield widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
        menu = getattr(widget, "menu", lambda: None)()      # "Export ▾": its entries show only when it is open
        if menu is not None:
            yield from menu_texts(menu)
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.text()
    elif isinstance(widget, QPlainTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        header = getattr(widget, "horizontalHeader", lambda: None)()
        for column in range(model.columnCount()):
            if header is None or not header.isSectionHidden(column):
                yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                for row in range(min(model.rowCount(), 20)):
                    yield str(model.index(row, column).data() or "")
                    yield str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")


def menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        yield action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def visible_texts(window: QWidget) -> set[str]:
    """The window's title and every text its visible widgets show or read out, once pending events are handled."""
    QApplication.processEvents()
    texts = {window.windowTitle()}
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible():
            texts.update(widget_texts(widget))
    return {plain(t) for t in texts if plain(t)}


def screen_texts(make_app, qtbot, account_id: str) -> dict[str, set[str]]:
    """Every visible text of each main screen, the window's chrome (sidebar, status line, banners) and menus."""
    app = make_app()
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    window = app.window
    seen: dict[str, set[str]] = {}

    def look(widget: QWidget, name: str) -> None:
        seen[name] = visible_texts(widget)

    # The sample account's cache holds no order or ticket: their pages are test_translations_pages' work.
    visit(app, qtbot, look, records=RECORD_PAGES[:3], notices=False)
    seen["menus"] = {plain(t) for action in window.menuBar().actions()
                     for t in [action.text(), *menu_texts(action.menu())] if plain(t)}
    seen["tray"] = {plain(a.text()) for a in app.tray_menu.menu.actions() if plain(a.text())}
    close(app)
    return seen


def data_words() -> set[str]:
    """Words of the account's own data, which no translation changes: names, descriptions, numbers, addresses."""
    words: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(WORD.findall(value))

    for name in dir(samples):
        if name.isupper():
            walk(getattr(samples, name))
    return words


WORD = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß'’-]+")      # words of two letters or more: "S" is the logo
# Names and codes that are the same in every language.
NAMES = {"Sett", "PayPal", "Stripe", "EUR", "USD", "VPS", "API", "PDF", "CPU", "RAM", "MB", "GB", "TB", "Ctrl", "F1",
         "Badger", "Hosting", "localhost", "http", "https"}
def same_in_german() -> set[str]:
    """Sources whose German translation is the source itself ("Status", "Support", "Server")."""
    same = set()
    for _context, message in messages():
        source = message.findtext("source") or ""
        if translations(message) == [source]:
            same.add(plain(source))
    return same


def test_the_german_build_shows_no_english_on_the_main_screens(make_app, qapp, qtbot, cached_account):
    compiled_qm()
    english = screen_texts(make_app, qtbot, cached_account.id)
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")        # dates and sizes too, as a German start sets them (app/__main__.py)
    try:
        assert translators, "the German .qm did not load"
        german = screen_texts(make_app, qtbot, cached_account.id)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)}
    everything_english = set().union(*english.values())
    left = {}
    for screen, texts in german.items():
        untranslated = sorted(t for t in texts if t in everything_english and t not in same
                              and not set(WORD.findall(t)) <= allowed)
        if untranslated:
            left[screen] = untranslated
    assert german["dashboard"] != english["dashboard"]          # the German words did come through
    assert "Übersicht" in german["dashboard"] and "Rechnungen" in german["invoices"]
    assert "1 Konto mit gespeicherten Daten" in german["dashboard/all"]
    assert any(text.startswith("Über 1 Konto") for text in german["invoices/all"]), german["invoices/all"]
    assert not left, "English left on the German screens:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


# -- choosing the language ----------------------------------------------------------------------------------------
def test_the_language_follows_the_system_unless_one_is_chosen():
    assert language.language_code("de") == "de" and language.language_code("en") == "en"
    assert language.locale_for("de").name() == "de_DE"
    assert language.language_code("system") in language.TRANSLATED + ("en",)


def test_preferences_choose_the_language_for_the_next_start(make_app, qtbot):
    app = make_app()
    dialog = app.preferences.open_dialog()
    assert dialog.language.currentData() == "system" and not dialog.language_note.isVisibleTo(dialog)
    with qtbot.waitSignal(app.preferences.language_changed, timeout=WAIT) as blocker:
        dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert blocker.args == ["de"]
    assert Settings().language == "de" and dialog.language_note.isVisibleTo(dialog)   # "when it next starts"
    dialog.reject()
    app.sessions.settings.set(keys.LANGUAGE, "klingon")
    assert Settings().language == "system"             # an unknown value reads as the default
