"""What Sett shows after an unexpected error: what happened, in one sentence, that the details are in the log, and
a button that opens the log folder. Window-modal and opened with `open()`, so it never blocks the event loop."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.core.text import translate


class CrashDialog(QMessageBox):
    open_log_folder = Signal()

    def __init__(self, summary: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(translate("CrashDialog", "Sett hit an unexpected error"))
        self.setText(translate("CrashDialog", "Something went wrong inside Sett. What you were doing may not have "
                                              "finished; your accounts and saved data are unharmed."))
        self.setInformativeText(translate("CrashDialog", "{summary}\n\nThe details were written to {path}. If it "
                                          "happens again, please send that file with your report.").format(
            summary=summary, path=log_path))
        # The summary is an error's message, which may hold a panel's text: QMessageBox makes this label detect
        # rich text and open links, so "<a href=...>" would be a live link. Shown as typed instead.
        informative = self.findChild(QLabel, "qt_msgbox_informativelabel")
        if informative is not None:
            informative.setTextFormat(Qt.TextFormat.PlainText)
            informative.setOpenExternalLinks(False)
        self.folder_button = self.addButton(translate("CrashDialog", "Open log folder"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.close_button)
        # An action button would close the box; the folder opens and the box stays until closed.
        self.folder_button.clicked.disconnect()
        self.folder_button.clicked.connect(self.open_log_folder)
