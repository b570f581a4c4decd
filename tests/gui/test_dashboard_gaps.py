"""The dashboard's parts stand as far apart as its cards do (16 px): the recent orders, and in the All-accounts
scope each account's line, sat 6 px under the cards, the style's spacing, against 16 between the cards."""
from __future__ import annotations

from PySide6.QtCore import QPoint

from app.views.dashboard import DashboardSection

from .samples import account_data


def top_in(widget, dashboard) -> int:
    return widget.mapTo(dashboard, QPoint(0, 0)).y()


def test_what_follows_the_cards_stands_as_far_from_them_as_the_cards_from_each_other(qtbot, tmp_path):
    dashboard = DashboardSection()
    qtbot.addWidget(dashboard)
    dashboard.show_data(account_data(tmp_path))
    dashboard.resize(1172, 1400)        # tall: everything shows without a scroll bar
    dashboard.show()
    qtbot.waitExposed(dashboard)
    first_row, second_row = dashboard.cards["services"], dashboard.cards["next_due"]
    between_cards = top_in(second_row, dashboard) - (top_in(first_row, dashboard) + first_row.height())
    under_cards = top_in(dashboard.recent_orders, dashboard) - (top_in(second_row, dashboard) + second_row.height())
    assert between_cards == 16
    assert under_cards == between_cards
