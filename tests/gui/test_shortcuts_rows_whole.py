"""Every row of Keyboard shortcuts shows its whole text: Qt measured a wrapped cell at the column's whole width but
painted it inside the themes' cell padding, so a line that just fitted the measure wrapped once more when painted,
and in German "Strg+F"'s row ended in "…" ("…zurück zur Suche seine…"). Checked at many widths, in both themes and
both languages: somewhere a line falls in that gap."""
from __future__ import annotations

import contextlib

import pytest
from PySide6.QtWidgets import QMainWindow

from app.views.shortcuts_dialog import ShortcutsDialog
from app.views.theme import apply_theme
from app.views.wrapped_rows import CELL_SIDES, wrapped_height
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


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_about_shows_each_licence_whole_however_narrow(qtbot, qapp, theme):
    """About's licences wrap in a narrow dialog ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"): whole too."""
    from app.views.about import AboutDialog

    apply_theme(qapp, theme)
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        table = dialog.table
        for width in range(720, 420, -20):
            dialog.resize(width, 600)
            settle(qtbot)
            short = [table.item(row, 2).text() for row in range(table.rowCount())
                     if table.rowHeight(row) < wrapped_height(table, table.item(row, 2).text(), table.columnWidth(2))]
            assert short == [], width
    finally:
        apply_theme(qapp, "light")
