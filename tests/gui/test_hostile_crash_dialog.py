"""An unexpected error's message may hold a panel's text (a KeyError naming a key the panel sent): the crash
dialog shows it as typed. QMessageBox's informative label detects rich text and opens links by itself, so a
message holding `<a href=...>` was a live link to a site of the panel's choosing in a dialog that speaks as Sett."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.views.crash_dialog import CrashDialog


def test_the_crash_summary_is_plain_text_with_no_live_link(qapp):
    summary = "KeyError: '<a href=\"https://evil.example/\">Reinstall Sett</a><img src=x>'"
    dialog = CrashDialog(summary, "/tmp/sett.log")
    try:
        label = dialog.findChild(QLabel, "qt_msgbox_informativelabel")
        assert label is not None and summary in label.text()
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert not label.openExternalLinks()
    finally:
        dialog.deleteLater()
