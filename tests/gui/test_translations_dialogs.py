"""The German build shows no English in Sett's dialogs either: each dialog (adding and managing accounts, the login
prompt, Preferences, the billing profile, Save all PDFs, a new ticket, a cancellation, a top-up's checkout, the notices
and outbox lists, About, the crash box) is opened on the same cached account once in English and once in German, and
every text of its widgets -- hidden pages too, such as the add-account dialog's two-factor step -- is compared, as
test_translations.py does for the main screens. So are the banners and the status line, which must also fit the
smallest window in German.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from app.core import local_format
from app.shell import language

from .conftest import WAIT, close
from .test_translations import (
    NAMES,
    WORD,
    cached_account,  # noqa: F401 - the fixture
    compiled_qm,
    data_words,
    plain,
    same_in_german,
    widget_texts,
)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]


@contextmanager
def german(qapp):
    """Sett's words and the formatting locale German, as a German start sets them (app/__main__.py)."""
    compiled_qm()
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        yield
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)


def english_left(german_texts: Iterable[str], english_texts: Iterable[str], also: set[str] = frozenset()) -> list[str]:
    """The German run's texts the English run showed too, unless they are data, names or German written alike."""
    same = same_in_german() | ours_in_any_language() | also
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)}
    english = set(english_texts)
    return sorted({t for t in german_texts if t in english and t not in same and not set(WORD.findall(t)) <= allowed})


def all_texts(widget: QWidget) -> Iterator[str]:
    """Every text of a dialog and its children, shown or not (a dialog's later pages are hidden at first)."""
    yield widget.windowTitle()
    for child in [widget, *widget.findChildren(QWidget)]:
        yield from widget_texts(child)
        if isinstance(child, QMenu):
            yield from (action.text() for action in child.actions())


def texts_of(widget: QWidget) -> set[str]:
    return {plain(t) for t in all_texts(widget) if plain(t)}


DIALOGS = ("add account", "manage accounts", "login prompt", "preferences", "billing profile", "save all PDFs",
           "new ticket", "cancellation", "top-up", "notices", "outbox", "about", "crash")


def ours_in_any_language() -> set[str]:
    """Texts no translation changes: the languages by their own names, the example address, the dependencies' names
    and licences in About, and the countries German names as English does ("Portugal"; their names come from CLDR)."""
    from app.views.about import dependencies
    from app.views.country_names import countries_by_name

    local_format.set_locale("de_DE")
    try:
        countries = {name for name, _code in countries_by_name()}
    finally:
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    return ({"English", "Deutsch", "https://panel.example.com", "bp_…"} | countries
            | {text for d in dependencies() for text in (d.name, d.version, d.licence)} - {"see its distribution"})


def dialog_texts(make_app, qtbot) -> dict[str, set[str]]:
    """The texts of every dialog Sett opens, by name."""
    from app.views.about import AboutDialog
    from app.views.crash_dialog import CrashDialog
    from app.views.exports import PdfBatchDialog

    app = make_app()
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    window, session = app.window, app.sessions.current
    seen: dict[str, set[str]] = {}

    def look(name: str, dialog: QWidget) -> None:
        QApplication.processEvents()
        seen[name] = texts_of(dialog)
        dialog.close()

    look("add account", app.dialogs.open_add_dialog())
    look("manage accounts", app.dialogs.open_manage_dialog())
    look("login prompt", app.dialogs._login_prompt(session))
    look("preferences", app.preferences.open_dialog())
    look("billing profile", app.features["billing_profile"].open())
    look("save all PDFs", PdfBatchDialog(window, all_accounts=True))
    window.select_section("support")
    look("new ticket", window.sections["support"].open_new_ticket())
    window.select_section("services")
    assert window.sections["services"].open_service("svc-flex")
    page = window.sections["services"].page
    cancel = page.open_cancel_dialog()
    if cancel is not None:                              # offline without an outbox, cancelling is refused
        look("cancellation", cancel)
    checkout = app.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    look("top-up", checkout.dialog)
    look("notices", app.notices.open_dialog())
    look("outbox", app.features["outbox"].open())
    look("about", AboutDialog(window))
    look("crash", CrashDialog("RuntimeError: boom", "/tmp/sett.log", window))
    close(app)
    return seen


def test_the_german_build_shows_no_english_in_the_dialogs(make_app, qapp, qtbot, cached_account):  # noqa: F811
    english = dialog_texts(make_app, qtbot)
    with german(qapp):
        in_german = dialog_texts(make_app, qtbot)
    assert set(in_german) == set(english) == set(DIALOGS), sorted(in_german)
    assert in_german["preferences"] != english["preferences"]
    assert "Guthaben aufladen" in in_german["top-up"] and "Bestellung prüfen" not in in_german["top-up"]
    left = {name: english_left(texts, english[name]) for name, texts in in_german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left in the German dialogs:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


class FailingDemo:
    """A demo panel that cannot start (the note it leaves is what is checked)."""

    def start_and_login(self):
        raise RuntimeError("port 0")

    def stop(self) -> None:
        pass


def banner_texts(make_app, qtbot) -> list[str]:
    """The banners and the status line of an offline account with no keyring, a demo that did not start and a sync
    under way."""
    from app.secrets import SecretStore

    app = make_app()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    app._keyring_checked(SecretStore.memory_only().note)
    app.start_demo(FailingDemo())
    qtbot.waitUntil(lambda: any("port 0" in text for text in app.window.banner_texts()), timeout=WAIT)
    app.window.status.start_progress()
    QApplication.processEvents()
    status = [w.text() for w in app.window.status.findChildren(QLabel) if w.isVisible()]
    texts = [plain(t) for t in [*app.window.banner_texts(), *status] if plain(t)]
    close(app)
    return texts


def test_the_german_banners_and_status_line_have_no_english(make_app, qapp, qtbot, cached_account):  # noqa: F811
    english = banner_texts(make_app, qtbot)
    with german(qapp):
        in_german = banner_texts(make_app, qtbot)
    assert any("Schlüsselbund" in t for t in in_german) and any("Demo-Panel" in t for t in in_german), in_german
    left = english_left(in_german, english)
    assert not left, f"English left in the German banners: {left}"


def test_the_german_status_bar_fits_the_smallest_window_while_syncing(make_app, qapp, qtbot, cached_account):  # noqa: F811
    """German words are longer: connecting, syncing with its progress bar, "Am 24.11.2026 um 09:30 synchronisiert",
    who is signed in and the Outbox button share 1000 pixels; who is signed in gives way ("Ada Lov…")."""
    with german(qapp):
        app = make_app()
        window = app.window
        qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None,
                        timeout=WAIT)
        window.resize(1000, 650)
        window.status.set_connection("unknown", "127.0.0.1:9")
        window.status.start_progress()
        QApplication.processEvents()
        shown = [w for w in window.status.findChildren(QWidget) if w.isVisible() and w.width() > 0]
        outside = [w.objectName() or type(w).__name__ for w in shown
                   if w.mapTo(window, w.rect().topRight()).x() > window.width()]
        assert "Postausgang" in {getattr(w, "text", str)() for w in shown}
        assert not outside, f"off the window's right edge: {outside}"
        assert window.who.toolTip() == window.who.text() and "Ada Lovelace" in window.who.text()
        close(app)
