"""Preferences tell the truth about the theme: started with `--theme dark` over a saved "Light", the dialog shows
"Dark" (the window is dark) and names the flag that set it for this run; choosing a theme there ends that."""
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
    assert note.isVisible() and "(--theme dark)" in note.text() and "“Light”" in note.text()
    assert note.width() >= note.minimumSizeHint().width()
    assert note.height() >= note.heightForWidth(note.width())      # wrapped, every line shown
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


def test_the_preferences_labels_keep_clear_of_their_fields_in_german(qtbot, qapp):
    """"An fällige Rechnungen erinnern" ended 6 px from its field: label and value ran together."""
    from PySide6.QtWidgets import QFormLayout

    from app.views.preferences import PreferencesDialog, PreferenceValues

    from .test_translations_dialogs import german

    with german(qapp):
        values = PreferenceValues(poll_seconds=60, reminder_days=3, theme="light", language="system",
                                  notifications=True, keep_in_tray=False, start_at_login=False)
        dialog = PreferencesDialog(values, tray_available=False, autostart_note=None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        form = dialog.findChild(QFormLayout)
        checked = 0
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not label.widget().text():
                continue
            words = label.widget().text().replace("&", "")
            words_end = label.geometry().left() + label.widget().fontMetrics().horizontalAdvance(words)
            assert field.geometry().left() - words_end >= 10, words
            checked += 1
        assert checked >= 4
