"""Go to… (Ctrl+K) while a very large account's records are still being read ("Still reading…"): Enter pressed with
nothing found yet did nothing; it now opens the first match once the records are read (or says nothing matches),
without holding the window meanwhile. Escape closes it and stops the reading; typing again forgets the Enter."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_r11_goto_window import BIG, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAITING = "Still reading… Enter opens the first match once everything is read."


@pytest.fixture
def window(qtbot):
    return make_window(qtbot, BIG)


def reading_dialog(window, qtbot):
    window.open_go_to()
    dialog = window.go_to_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.reading and window.go_to_batches.busy
    return dialog


def test_enter_with_nothing_found_yet_opens_the_first_match_once_the_records_are_read(window, qtbot):
    dialog = reading_dialog(window, qtbot)
    qtbot.keyClicks(dialog.field, "inv-17")
    assert dialog.shown == []
    opened: list[tuple] = []
    dialog.chosen.connect(lambda *args: opened.append(args))

    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    # Remembered, not worked out then and there: the window goes on turning, the dialog says what will happen
    assert window.go_to_batches.busy and dialog.isVisible() and opened == []
    assert dialog.nothing.isVisible() and dialog.nothing.text() == WAITING
    assert QApplication.focusWidget() is dialog.field

    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)      # the dialog closed (and went) with it
    assert opened == [("invoice", "inv-17", "")]        # INV-000017, the best match for "inv-17"
    assert window.current_key == "invoices"


def test_enter_that_finds_nothing_once_read_says_so_and_typing_again_forgets_an_enter(window, qtbot):
    dialog = reading_dialog(window, qtbot)
    opened: list[tuple] = []
    dialog.chosen.connect(lambda *args: opened.append(args))
    qtbot.keyClicks(dialog.field, "zzzz")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.enter_waiting and dialog.nothing.text() == WAITING
    qtbot.keyClick(dialog.field, Qt.Key.Key_Backspace)     # typing again: the Enter was for "zzzz"
    assert not dialog.enter_waiting and dialog.nothing.text() == "Still reading…"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)        # and again for "zzz"

    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    assert dialog.isVisible() and opened == [] and not dialog.enter_waiting
    assert dialog.nothing.isVisible() and dialog.nothing.text() == "Nothing here matches “zzz”."
    dialog.field.setText("inv-4242")              # another try, now that everything is read: Enter opens at once
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert opened == [("invoice", "inv-4242", "")] and not dialog.isVisible()


def test_escape_while_reading_closes_go_to_and_stops_the_reading(window, qtbot):
    dialog = reading_dialog(window, qtbot)
    qtbot.keyClicks(dialog.field, "inv-17")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    opened: list[tuple] = []
    dialog.chosen.connect(lambda *args: opened.append(args))

    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not window.go_to_batches.busy           # no work goes on for a dialog nobody sees
    qtbot.wait(50)
    assert opened == [] and window.current_key != "invoices"      # the Enter went with the dialog

    again = reading_dialog(window, qtbot)           # opened again: read again, and found once read
    qtbot.keyClicks(again.field, "inv-17")
    qtbot.waitUntil(lambda: not again.reading, timeout=60_000)
    assert again.shown[0].title == "INV-000017" and not again.enter_waiting
