"""A dialog's row of buttons in the order the platform puts them, as every QDialogButtonBox does: Cancel before the
main button on GNOME and macOS, after it on Windows and KDE. The dialogs that laid their buttons out by hand
(main rightmost) disagreed with the ones built on QDialogButtonBox in the same window."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLayout, QPushButton

Role = QDialogButtonBox.ButtonRole
# A dialog's edges: left, top, right, bottom. The style's 11 px sat the New ticket and Cancel dialogs' titles, fields
# and buttons against their edges, beside dialogs of 24 px (Keyboard shortcuts, Accounts) in the same window.
DIALOG_MARGINS = (24, 20, 24, 16)


def set_dialog_margins(layout: QLayout) -> QLayout:
    """Give a dialog's outer layout the edges every dialog of Sett has."""
    layout.setContentsMargins(*DIALOG_MARGINS)
    return layout


class _KeepMainDefault(QObject):
    """Makes the main button the dialog's default again each time its row is shown. Made default before it was in
    the dialog, it was not the dialog's own: on showing, QDialog made the first button of its focus chain the default
    instead, a hidden Try again in the checkout, so Enter pressed nothing there."""

    def __init__(self, box: QDialogButtonBox, main: QPushButton) -> None:
        super().__init__(box)
        self.main = main
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.main.setDefault(False)     # setDefault(True) on a button already flagged does nothing
            self.main.setDefault(True)
        return False


def dialog_buttons(main: QPushButton | None, cancel: QPushButton | None = None, *others: QPushButton,
                   destructive: bool = False) -> QDialogButtonBox:
    """`main` is the dialog's answer (with `destructive`, a danger button such as Remove: placed as the platform
    places those, and never made the default Enter presses), `cancel` leaves, `others` are actions beside them.
    The buttons keep their own `clicked` connections: the box only lays them out."""
    # The box shows every button it lays out: one hidden on purpose (a Try again for later) is hidden again.
    hidden = [b for b in (main, cancel, *others) if b is not None and b.isHidden()
              and b.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)]
    box = QDialogButtonBox()
    for button in others:
        box.addButton(button, Role.ActionRole)
    if cancel is not None:
        box.addButton(cancel, Role.RejectRole)
    if main is not None:
        box.addButton(main, Role.DestructiveRole if destructive else Role.AcceptRole)
    for button in hidden:
        button.hide()
    if main is not None and not destructive and main.isDefault():
        _KeepMainDefault(box, main)
    return box
