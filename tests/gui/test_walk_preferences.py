"""Preferences tell the truth about the theme: started with `--theme dark` over a saved "Light", the dialog shows
"Dark" (the window is dark) and says the command line set it for this run; choosing a theme there ends that."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app import settings as keys
from app.settings import Settings
from app.views.theme import apply_theme

from .test_preferences import open_preferences


def test_a_command_line_theme_shows_as_the_one_in_use_with_its_reason(make_app, qtbot, qapp):
    Settings().set(keys.THEME, "light")
    app = make_app(theme_name="dark")
    apply_theme(qapp, "dark")           # what `python -m app --theme dark` does before the window shows
    dialog = open_preferences(qtbot, app)
    assert dialog.theme.currentData() == "dark"
    note = dialog.theme_note
    assert note.isVisible() and "--theme" in note.text() and "Light" in note.text()
    assert note.width() >= note.minimumSizeHint().width()
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))      # the user's choice: used and saved
    assert not note.isVisible()
    assert QApplication.instance().property("theme") == "light" and Settings().theme == "light"
    dialog.reject()


def test_without_an_override_the_saved_theme_shows_and_no_note(make_app, qtbot):
    Settings().set(keys.THEME, "light")
    app = make_app()
    dialog = open_preferences(qtbot, app)
    assert dialog.theme.currentData() == "light" and not dialog.theme_note.isVisible()
    dialog.reject()
