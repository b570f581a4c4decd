"""The Outbox is not modal: left open behind the window and opened again from the status bar, it comes to the
front with the keyboard's focus (it stayed behind, and Escape then went back a page in the window)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from .test_drift_actions import canned_app  # noqa: F401  (the fixture)


def test_opening_the_outbox_again_brings_it_to_the_front(canned_app, qtbot):  # noqa: F811
    app = canned_app
    dialog = app.features["outbox"].open()
    qtbot.waitExposed(dialog)
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    assert app.features["outbox"].open() is dialog            # the same dialog, not a second one
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
