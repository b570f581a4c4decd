"""Add account's error under the address is as tall as its words and no taller: the dialog grew by the label's
height at a narrow guess of a width (more lines than it wraps to), and left an empty gap of two lines under it."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from app.views.add_account_dialog import AddAccountDialog
from tests.gui.layout_steps import settle, shown_window

ERROR = ("The panel could not be reached.\nCould not reach notapanel.invalid: the name could not be found (check the "
         "address and your internet connection).")


def gap_between(above: QWidget, below: QWidget, dialog: QWidget) -> int:
    return below.mapTo(dialog, QPoint(0, 0)).y() - above.mapTo(dialog, QPoint(0, above.height())).y()


def test_no_empty_gap_under_the_address_error(qtbot):
    window = shown_window(qtbot, 1000, 650)
    dialog = AddAccountDialog(None, None, window)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot)
    usual = gap_between(dialog.url_edit, dialog.continue_button, dialog)       # the gap under the field, no error
    dialog.url_error.show_error(ERROR)
    settle(qtbot)
    error = dialog.url_error
    assert error.height() >= error.heightForWidth(error.width())             # every line of it shows
    assert dialog.continue_button.geometry().bottom() <= dialog.continue_button.parentWidget().height()
    # Under the error, what there was under the field before (the spacing and the buttons' margin), not more.
    assert gap_between(error, dialog.continue_button, dialog) <= usual + 2
