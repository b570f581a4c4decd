"""Preferences: how often to sync, how early to remind of a due invoice, the theme, desktop notifications, keeping
Sett in the tray when the window closes, and starting at login. Each change applies at once (as KDE and GNOME
settings do) through `changed(name, value)`; the dialog only shows and asks."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

THEME_CHOICES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


@dataclass
class PreferenceValues:
    poll_seconds: int
    reminder_days: int
    theme: str
    notifications: bool
    keep_in_tray: bool
    start_at_login: bool


class PreferencesDialog(QDialog):
    changed = Signal(str, object)     # a PreferenceValues field's name, its new value

    def __init__(self, values: PreferenceValues, *, tray_available: bool, autostart_note: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        form = QFormLayout()

        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(0, 24 * 3600)
        self.sync_interval.setSingleStep(15)
        self.sync_interval.setSuffix(" s")
        self.sync_interval.setSpecialValueText("Only when asked")
        self.sync_interval.setValue(values.poll_seconds)
        self.sync_interval.setToolTip("Ask every account's panel this often whether anything changed (one small "
                                      "request; a full sync only when something did). 0: only at start and when "
                                      "you ask")
        form.addRow("Check for changes every", self.sync_interval)

        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(0, 60)
        self.reminder_days.setSuffix(" days before")
        self.reminder_days.setSpecialValueText("On the due date")
        self.reminder_days.setValue(values.reminder_days)
        form.addRow("Remind of due invoices", self.reminder_days)

        self.theme = QComboBox()
        for key, label in THEME_CHOICES:
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.theme)))
        form.addRow("Theme", self.theme)

        self.notifications = QCheckBox("Show desktop notifications for new notices and reminders")
        self.notifications.setChecked(values.notifications)
        form.addRow("", self.notifications)

        self.keep_in_tray = QCheckBox("Keep running in the tray when the window closes")
        self.keep_in_tray.setChecked(values.keep_in_tray and tray_available)
        self.keep_in_tray.setEnabled(tray_available)
        if not tray_available:
            self.keep_in_tray.setToolTip("This desktop shows no tray icons, so closing the window quits Sett.")
        form.addRow("", self.keep_in_tray)

        self.start_at_login = QCheckBox("Start Sett when I log in")
        self.start_at_login.setChecked(values.start_at_login and autostart_note is None)
        self.start_at_login.setEnabled(autostart_note is None)
        form.addRow("", self.start_at_login)
        self.autostart_note = QLabel(autostart_note or "")
        self.autostart_note.setWordWrap(True)
        self.autostart_note.setProperty("role", "muted")
        self.autostart_note.setVisible(autostart_note is not None)
        form.addRow("", self.autostart_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.sync_interval.valueChanged.connect(lambda v: self.changed.emit("poll_seconds", v))
        self.reminder_days.valueChanged.connect(lambda v: self.changed.emit("reminder_days", v))
        self.theme.currentIndexChanged.connect(lambda _i: self.changed.emit("theme", self.theme.currentData()))
        self.notifications.toggled.connect(lambda on: self.changed.emit("notifications", on))
        self.keep_in_tray.toggled.connect(lambda on: self.changed.emit("keep_in_tray", on))
        self.start_at_login.toggled.connect(lambda on: self.changed.emit("start_at_login", on))
