"""Add account's sign-in step: the Email and Password fields in their tab and the Account name field below the
tabs share their left and right edges (they stood 13 px apart: the tab's own side margin and labels of other
widths); the API key's field, which has no label, ends where they end."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from app.views.add_account_dialog import AddAccountDialog
from app.views.theme import apply_theme
from tests.gui.layout_steps import settle, shown_window


def edges(widget, dialog) -> tuple[int, int]:
    left = widget.mapTo(dialog, QPoint(0, 0)).x()
    return left, left + widget.width()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_sign_in_fields_share_their_edges(qapp, qtbot, theme):
    apply_theme(qapp, theme)
    window = shown_window(qtbot, 1000, 650)
    dialog = AddAccountDialog(None, "No system keyring is available.", window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pages.setCurrentIndex(1)
    settle(qtbot)
    name = edges(dialog.name_edit, dialog)
    assert edges(dialog.email_edit, dialog) == name
    assert edges(dialog.password_edit, dialog) == name
    dialog.tabs.setCurrentIndex(1)
    settle(qtbot)
    key_left, key_right = edges(dialog.key_edit, dialog)
    assert key_right == name[1] and key_left < name[0]
