"""A table's headings stand over their column's text, left-aligned as the text is: About's list of components
centred its headings over left-aligned names, versions and licences (no other table in Sett does)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.views.about import AboutDialog

LEFT = Qt.AlignmentFlag.AlignLeft


def test_the_about_dialogs_headings_are_left_aligned_like_their_columns(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        heading = table.horizontalHeaderItem(column)
        aligned = heading.textAlignment() if heading.textAlignment() else header.defaultAlignment()
        assert Qt.AlignmentFlag(int(aligned)) & LEFT, heading.text()
        cell = table.item(0, column)
        assert not (Qt.AlignmentFlag(int(cell.textAlignment())) & (Qt.AlignmentFlag.AlignHCenter
                                                                    | Qt.AlignmentFlag.AlignRight))
