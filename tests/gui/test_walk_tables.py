"""A narrow list as a person reads it: names give up width first (cut in the middle, whole in a tooltip); a date
gives up width only when the names have none left to give. A left-aligned date column was cut at the names' level
("Nov …2026", the day gone) while the names beside it still had width to spare."""
from __future__ import annotations

from app.models.table import RIGHT, Column, RowTableModel
from app.views.column_fit import elided_text
from app.views.filtered_table import make_table

from .test_fit import demo_panel  # noqa: F401 - the fixture


def test_a_narrow_table_cuts_names_but_never_a_date(qtbot):
    columns = [Column("account", "Account"), Column("product", "Product"),
               Column("due", "Next due", display=lambda r: r["due_text"], sort_key=lambda r: r["due"]),
               Column("price", "Price", alignment=RIGHT)]
    rows = [{"id": str(i), "account": f"Demo customer number {i}", "product": f"Valheim Dedicated Server {i}",
             "due": f"2026-11-{10 + i}", "due_text": f"November {10 + i}, 2026", "price": "$12.00 / month"}
            for i in range(5)]
    rows.append({"id": "x", "account": "Demo reseller", "product": "Server Migration", "due": None,
                 "due_text": "—", "price": "$20.00 one-time"})     # a service with no next due date
    model = RowTableModel(columns)
    model.set_rows(rows)
    table = make_table(None, "walkTable", model)
    qtbot.addWidget(table)
    wants = [table.sizeHintForColumn(c) for c in range(4)]
    assert wants[2] > 110                   # a long date: cut like a name, it would lose its day
    # Narrower than everything by nearly all the names can give (each down to 100 px): something must give, and
    # the names can give it all.
    table.resize(sum(wants) + table.frameWidth() * 2 - (min(wants[:2]) - 100) * 2 + 20, 300)
    table.show()
    qtbot.waitExposed(table)
    # fitted: the columns share the width (Qt's first 140 px each were wider than the table)
    qtbot.waitUntil(lambda: sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width())
    assert elided_text(table, model.index(0, 0)) is not None          # the names gave up width
    assert [elided_text(table, model.index(r, 2)) for r in range(len(rows))] == [None] * len(rows)
    assert [elided_text(table, model.index(r, 3)) for r in range(len(rows))] == [None] * len(rows)
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())     # Qt updates the bar after the fit


def all_accounts_services(make_app, panel, qtbot):
    """The app with the demo's two accounts at 1000x650, on Services in the All accounts scope, rows shown."""
    from app.shell.demo import DEMO_EMAIL, DEMO_PASSWORD, RESELLER_EMAIL

    from .conftest import add_account
    from .test_fit import settle, show_view

    app = make_app()
    add_account(qtbot, app, panel.url, RESELLER_EMAIL, DEMO_PASSWORD)
    add_account(qtbot, app, panel.url, DEMO_EMAIL, DEMO_PASSWORD)
    app.window.resize(1000, 650)
    show_view(app, "services")
    section = app.window.sections["services"]
    section.set_scope("all")
    qtbot.waitUntil(lambda: section.table.model().rowCount() > 0, timeout=10_000)
    settle(qtbot)
    return section


def test_all_accounts_services_at_the_minimum_window_keep_dates_whole_without_scrolling(make_app, demo_panel,  # noqa: F811
                                                                                        qtbot):
    """The demo's two accounts in one Services list at 1000x650, in English: every Next due date whole (it read
    "Nov …2026"), and the list still fits (no sideways scroll bar)."""
    section = all_accounts_services(make_app, demo_panel, qtbot)
    table = section.table
    model, column = table.model(), section.model.column_of("next_due_date")
    assert not table.horizontalScrollBar().isVisible()
    cut = [elided_text(table, model.index(row, column)) for row in range(model.rowCount())]
    assert [text for text in cut if text] == []
