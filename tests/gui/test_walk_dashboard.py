"""The dashboard as it looks: the spending chart's card lines up with the figures' cards above it (it stood 9 px in
on each side, QtCharts' own margin)."""
from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from app.views.dashboard import DashboardSection
from app.views.theme import apply_theme, colour

from .samples import account_data


def drawn_edges(image: QImage, y: int, ground: QColor) -> tuple[int, int]:
    """The first and the last x on row `y` whose pixel is not the window's colour: a card's left and right border."""
    drawn = [x for x in range(image.width()) if image.pixelColor(x, y) != ground]
    return drawn[0], drawn[-1]


def test_the_spending_charts_card_lines_up_with_the_cards_above(qtbot, qapp, tmp_path):
    for theme in ("light", "dark"):
        apply_theme(qapp, theme)
        dashboard = DashboardSection()
        qtbot.addWidget(dashboard)
        dashboard.show_data(account_data(tmp_path))
        dashboard.resize(1172, 1400)        # tall: everything shows without a scroll bar
        dashboard.show()
        qtbot.waitExposed(dashboard)
        chart = dashboard.chart
        qtbot.waitUntil(chart.isVisible)
        image = dashboard.grab().toImage()
        ground = QColor(colour("window"))

        def row_through(widget) -> int:
            return widget.mapTo(dashboard, QPoint(0, widget.height() // 2)).y()     # noqa: B023 (used at once)
        left_card = drawn_edges(image, row_through(dashboard.cards["services"]), ground)[0]
        right_card = drawn_edges(image, row_through(dashboard.cards["overdue"]), ground)[1]
        chart_left, chart_right = drawn_edges(image, row_through(chart), ground)
        assert abs(chart_left - left_card) <= 1 and abs(chart_right - right_card) <= 1, theme
    apply_theme(qapp, "light")
