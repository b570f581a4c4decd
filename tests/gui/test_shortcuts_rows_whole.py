"""Every row of Keyboard shortcuts shows its whole text: Qt measured a wrapped cell at the column's whole width but
painted it inside the themes' cell padding, so a line that just fitted the measure wrapped once more when painted,
and in German "Strg+F"'s row ended in "…" ("…zurück zur Suche seine…"). Checked at many widths, in both themes and
both languages: somewhere a line falls in that gap."""
from __future__ import annotations

import contextlib

import pytest
from PySide6.QtWidgets import QMainWindow

from app.views.shortcuts_dialog import CELL_SIDES, ShortcutsDialog, wrapped_height
from app.views.theme import apply_theme
from tests.gui.layout_steps import settle
from tests.support.german import speaking_german


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("german", [False, True])
def test_every_row_is_as_tall_as_its_text_wrapped_inside_the_cells_padding(qtbot, qapp, german, theme):
    apply_theme(qapp, theme)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    for number, letter in enumerate("ABCDEFGHIJKLMNOPQRST"):     # as many as Sett's menus have
        menu.addAction(f"Command {number}").setShortcut(f"Ctrl+Shift+{letter}")
    window.resize(1000, 650)
    window.show()
    try:
        with speaking_german() if german else contextlib.nullcontext():
            dialog = ShortcutsDialog(window.menuBar(), window)
            qtbot.addWidget(dialog)
            dialog.show()
            table = dialog.table
            for width in range(640, 440, -12):
                dialog.resize(width, 560)
                settle(qtbot)
                short = [table.item(row, 1).text() for row in range(table.rowCount())
                         if table.rowHeight(row) < wrapped_height(table, table.item(row, 1).text(),
                                                                  table.columnWidth(1))]
                assert short == [], (width, table.columnWidth(1) - CELL_SIDES)
    finally:
        apply_theme(qapp, "light")
