"""All accounts' Services at the smallest window (1000x650): the accounts and the service names whole. They read
"Cloud …Custom" and "Valheim…dicated" for want of ~20 px while the screen kept 32 px margins either side; a small
window's screens have narrower sides now, and the banners above them follow."""
from __future__ import annotations

from PySide6.QtCore import QPoint

from app.views.column_fit import elided_text
from app.views.screen_margins import NARROW, WIDE

from .test_fit import demo_panel, settle  # noqa: F401 - the fixture
from .test_walk_tables import all_accounts_services


def test_all_accounts_services_show_whole_names_at_the_minimum_window(make_app, demo_panel, qtbot):  # noqa: F811
    section = all_accounts_services(make_app, demo_panel, qtbot)
    table, model = section.table, section.table.model()
    for key in ("account", "product"):
        column = section.model.column_of(key)
        cut = [elided_text(table, model.index(row, column)) for row in range(model.rowCount())]
        assert [text for text in cut if text] == [], key
    assert not table.horizontalScrollBar().isVisible()


def test_the_sides_narrow_in_a_small_window_and_the_banners_follow(make_app, demo_panel, qtbot):  # noqa: F811
    from app.shell.demo import DEMO_EMAIL, DEMO_PASSWORD

    from .conftest import add_account

    app = make_app()
    add_account(qtbot, app, demo_panel.url, DEMO_EMAIL, DEMO_PASSWORD)
    window = app.window
    window.select_section("services")
    for width, sides in ((1000, NARROW), (1240, WIDE)):
        window.resize(width, 650)
        banner = window.show_banner("walk13", "info", "A note above the screens")
        settle(qtbot)
        screen = window.stack.currentWidget()
        margins = screen.layout().contentsMargins()
        assert (margins.left(), margins.right()) == (sides, sides), width
        left = banner.mapTo(window, QPoint(0, 0)).x()
        assert left == screen.mapTo(window, QPoint(0, 0)).x() + sides - 4, width    # edges still in line
