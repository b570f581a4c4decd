"""Preferences: how often to sync, how early to remind of a due invoice, the theme, desktop notifications, keeping
Sett in the tray when the window closes, and starting at login. Each change applies at once (as KDE and GNOME
settings do) through `changed(name, value)`; the dialog only shows and asks. A new language shows from the next
start, so choosing one offers "Restart now" (`restart_requested`)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.text import translate
from app.models.plain_text import PLAIN

from .dialog_buttons import set_dialog_margins
from .size_fields import SpinBox


# The labels are translated when the dialog is built (QT_TRANSLATE_NOOP-style: lupdate sees the translate() calls).
def theme_choices() -> tuple[tuple[str, str], ...]:
    return (("system", translate("PreferencesDialog", "Follow the system")),
            ("light", translate("PreferencesDialog", "Light")), ("dark", translate("PreferencesDialog", "Dark")))


def language_choices() -> tuple[tuple[str, str], ...]:
    """Each language under its own name (a user who cannot read the current one still finds theirs)."""
    return (("system", translate("PreferencesDialog", "System default")), ("en", "English"), ("de", "Deutsch"))


@dataclass
class PreferenceValues:
    poll_seconds: int
    reminder_days: int
    theme: str
    language: str
    notifications: bool
    keep_in_tray: bool
    start_at_login: bool
    # The saved theme when the command line (`--theme`) overrides it for this run; `theme` is then the one in use.
    saved_theme: str | None = None


class PreferencesDialog(QDialog):
    changed = Signal(str, object)     # a PreferenceValues field's name, its new value
    restart_requested = Signal()      # "Restart now" after a language change: quit and start again

    def __init__(self, values: PreferenceValues, *, tray_available: bool, autostart_note: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout()
        form.setHorizontalSpacing(12)     # the style's 6 px ran a long German label into its field

        self.sync_interval = SpinBox()
        self.sync_interval.setRange(0, 24 * 3600)
        self.sync_interval.setSingleStep(15)
        self.sync_interval.setSuffix(self.tr(" s"))
        self.sync_interval.setSpecialValueText(self.tr("Only when asked"))
        self.sync_interval.setValue(values.poll_seconds)
        self.sync_interval.setToolTip(self.tr("Ask every account's panel this often whether anything changed (one "
                                              "small request; a full sync only when something did). 0: only at start "
                                              "and when you ask"))
        form.addRow(self.tr("Check for changes &every"), self.sync_interval)

        self.reminder_days = SpinBox()
        self.reminder_days.setRange(0, 60)
        self.reminder_days.setSuffix(self.tr(" days before"))
        self.reminder_days.setSpecialValueText(self.tr("On the due date"))
        self.reminder_days.setValue(values.reminder_days)
        form.addRow(self.tr("Remind of &due invoices"), self.reminder_days)

        self.theme = QComboBox()
        for key, label in theme_choices():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.theme)))
        form.addRow(self.tr("&Theme"), self.theme)
        # A `--theme` flag wins over the saved choice for this run: the box shows the theme in use, and the note
        # says why, naming the flag as typed and the choice that is saved.
        overridden = values.saved_theme is not None and values.saved_theme != values.theme
        saved = dict(theme_choices()).get(values.saved_theme or "", values.saved_theme or "")
        self.theme_note = QLabel(self.tr("Set for this run by the command line (--theme {theme}); the saved choice "
                                         "is “{saved}”.").format(theme=values.theme, saved=saved)
                                 if overridden else "", textFormat=PLAIN, objectName="themeNote")
        self.theme_note.setWordWrap(True)
        self.theme_note.setProperty("role", "muted")
        self.theme_note.setVisible(overridden)
        form.addRow("", self.theme_note)

        self.language = QComboBox()
        for key, label in language_choices():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.language.setToolTip(self.tr("The language of Sett's menus and screens"))
        form.addRow(self.tr("&Language"), self.language)
        self.language_note = QLabel(self.tr("Sett shows the new language when it next starts."), textFormat=PLAIN)
        self.language_note.setWordWrap(True)
        self.language_note.setProperty("role", "muted")
        self.restart = QPushButton(self.tr("&Restart now"), objectName="restartNow")
        self.restart.setToolTip(self.tr("Quit Sett and start it again in the chosen language; nothing you did "
                                        "is lost (what waits to be sent stays in the outbox)"))
        self.restart.clicked.connect(self.restart_requested)
        note_row = QHBoxLayout()
        note_row.addWidget(self.language_note, 1)
        note_row.addWidget(self.restart, 0, Qt.AlignmentFlag.AlignTop)
        self.language_note.setVisible(False)
        self.restart.setVisible(False)
        form.addRow("", note_row)

        self.notifications = QCheckBox(self.tr("Show desktop &notifications for new notices and reminders"))
        self.notifications.setChecked(values.notifications)
        form.addRow("", self.notifications)

        self.keep_in_tray = QCheckBox(self.tr("&Keep running in the tray when the window closes"))
        self.keep_in_tray.setChecked(values.keep_in_tray and tray_available)
        self.keep_in_tray.setEnabled(tray_available)
        if not tray_available:
            self.keep_in_tray.setToolTip(self.tr("This desktop shows no tray icons, so closing the window quits Sett."))
        form.addRow("", self.keep_in_tray)

        self.start_at_login = QCheckBox(self.tr("&Start Sett when I log in"))
        self.start_at_login.setChecked(values.start_at_login and autostart_note is None)
        self.start_at_login.setEnabled(autostart_note is None)
        form.addRow("", self.start_at_login)
        self.autostart_note = QLabel(autostart_note or "", textFormat=PLAIN)
        self.autostart_note.setWordWrap(True)
        self.autostart_note.setProperty("role", "muted")
        self.autostart_note.setVisible(autostart_note is not None)
        form.addRow("", self.autostart_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Every choice applies as it is made: Enter, as in every other dialog, presses the one button. It did
        # nothing in a field, where Enter is what ends typing a number. (Made default once it is in the dialog:
        # Qt keeps a dialog's default button on the dialog, and a button with no dialog yet has none to tell.)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        self.sync_interval.valueChanged.connect(lambda v: self.changed.emit("poll_seconds", v))
        self.reminder_days.valueChanged.connect(lambda v: self.changed.emit("reminder_days", v))
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.notifications.toggled.connect(lambda on: self.changed.emit("notifications", on))
        self.keep_in_tray.toggled.connect(lambda on: self.changed.emit("keep_in_tray", on))
        self.start_at_login.toggled.connect(lambda on: self.changed.emit("start_at_login", on))

    def _theme_chosen(self, _index: int) -> None:
        self.theme_note.setVisible(False)     # the choice made here is used and saved: no override any more
        self.changed.emit("theme", self.theme.currentData())

    def _language_chosen(self, _index: int) -> None:
        self.language_note.setVisible(True)
        self.restart.setVisible(True)
        self.changed.emit("language", self.language.currentData())
