"""Dialogs no larger than the room they open in. About (720x600), Keyboard shortcuts (640x560), the Outbox, New
ticket and Cancel were given a fixed size: on a 1024x600 laptop (540 px under its panel) About's Close and the
shortcuts' last rows sat below the screen's edge. They take the size they want up to the room (window_fit)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QWidget

from app.views import window_fit
from app.views.about import AboutDialog
from app.views.new_ticket import NewTicketDialog
from app.views.outbox import OutboxDialog
from app.views.service_page import CancelDialog
from app.views.shortcuts_dialog import ShortcutsDialog
from tests.gui.layout_steps import shown_window

SMALL = QRect(0, 0, 1024, 540)      # a 1024x600 screen less its panel


def make(kind: str, window: QMainWindow) -> QWidget:
    return {"about": lambda: AboutDialog(window), "outbox": lambda: OutboxDialog(window),
            "new ticket": lambda: NewTicketDialog(parent=window),
            "cancel": lambda: CancelDialog("Cloud VPS S", "2027-08-13", window),
            "shortcuts": lambda: ShortcutsDialog(window.menuBar(), window)}[kind]()


@pytest.mark.parametrize("kind", ["about", "outbox", "new ticket", "cancel", "shortcuts"])
def test_a_dialog_fits_a_small_screen_with_its_buttons_in_view(qtbot, monkeypatch, kind):
    monkeypatch.setattr(window_fit, "room", lambda dialog: SMALL)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&File").addAction("&Quit")
    window.resize(1000, 540)
    dialog = make(kind, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    assert dialog.width() <= SMALL.width() and dialog.height() + window_fit.TITLE_ROOM <= SMALL.height(), kind
    inside = QRect(0, 0, dialog.width(), dialog.height())
    for box in dialog.findChildren(QDialogButtonBox):
        if box.isVisible():
            assert inside.contains(QRect(box.mapTo(dialog, QPoint(0, 0)), box.size())), kind


def test_a_dialog_keeps_its_size_where_there_is_room(qtbot):
    window = shown_window(qtbot, 1240, 800)
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert (dialog.width(), dialog.height()) == (720, 600)
