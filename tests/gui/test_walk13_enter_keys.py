"""Enter presses a dialog's main button, Escape leaves it: in Preferences, Enter in the sync interval's field did
nothing (the dialog had no default button), where every other dialog closes or confirms."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.views.preferences import PreferencesDialog, PreferenceValues

VALUES = PreferenceValues(poll_seconds=300, reminder_days=3, theme="light", language="system", notifications=True,
                          keep_in_tray=True, start_at_login=False)


def test_enter_in_a_preferences_field_applies_it_and_closes(qtbot):
    dialog = PreferencesDialog(VALUES, tray_available=True, autostart_note=None)
    qtbot.addWidget(dialog)
    changes = []
    dialog.changed.connect(lambda name, value: changes.append((name, value)))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field = dialog.sync_interval
    field.setFocus()
    QApplication.processEvents()
    field.selectAll()
    qtbot.keyClicks(field, "120")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert not dialog.isVisible()
    assert changes and changes[-1] == ("poll_seconds", 120)


def test_escape_closes_preferences(qtbot):
    dialog = PreferencesDialog(VALUES, tray_available=True, autostart_note=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
