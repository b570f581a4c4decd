"""The status bar of a 1000 px window while offline and syncing: "Offline — 127.0.0.1:9 cannot be reached since
6:40 PM; showing saved data" beside "Syncing…" ended in "showin…", and nothing let the user read the rest. Cut
short, the whole sentence is its tooltip; the labels beside it keep their own width."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.api import NetworkError

from .test_drift_actions import Panel, canned_app, settle, signed_in  # noqa: F401 - canned_app is the fixture


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")     # the tooltip, offscreen
def test_the_offline_sentence_cut_short_beside_syncing_reads_whole_in_its_tooltip(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}))
    window = app.window
    window.resize(1000, 650)
    session.took_error(NetworkError("Could not reach 127.0.0.1"))
    status = window.status
    status.start_progress()
    for _ in range(4):
        settle()
        qtbot.wait(20)
    label = status.connection
    whole = label.text()
    assert whole.startswith("Offline — ") and whole.endswith("showing saved data")
    assert status.sync_label.isVisible() and status.sync_label.width() >= status.sync_label.sizeHint().width()
    assert label.shown_text().endswith("…") and label.shown_text() != whole     # cut short beside "Syncing…"
    point = QPoint(5, 5)
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, point, label.mapToGlobal(point)))
    assert QToolTip.isVisible() and QToolTip.text() == whole
    QToolTip.hideText()
