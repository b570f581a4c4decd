"""The lists fit the minimum window (1000x650) and the default one (1240x800) in German too, against the demo
panel's data: no list of the account scrolls sideways, and the Services list shows every product name whole (in
German it cut 'Cloud V… Custom' and 'Valheim…dicated', and a stretched last column a few pixels too wide made
it scroll sideways). The server's name, which repeats the product's, is the column that gives way."""
from __future__ import annotations

from contextlib import nullcontext

import pytest

from app.models.table import RIGHT, Column, RowTableModel
from app.shell.demo import DEMO_EMAIL, DEMO_PASSWORD
from app.views.column_fit import elided_text
from app.views.filtered_table import make_table

from .conftest import add_account
from .test_fit import SIZES, demo_panel, settle, show_view  # noqa: F401 - demo_panel: the fixture
from .test_translations_dialogs import german

LISTS = ("services", "invoices", "orders", "support", "credits")


def cut_names(section, key: str) -> list[str]:
    """The texts of column `key` that the list shows cut: narrower than the cell's size hint (the width Qt's style
    draws it whole in). The proxy over the section's model filters rows only, so the columns are the model's."""
    table, column = section.table, section.model.column_of(key)
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())
            if table.sizeHintForIndex(model.index(row, column)).width() > table.columnWidth(column)]


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_list_scrolls_sideways_and_product_names_stay_whole(make_app, demo_panel, qtbot, qapp, language):  # noqa: F811
    with german(qapp) if language == "de" else nullcontext():
        app = make_app()
        add_account(qtbot, app, demo_panel.url, DEMO_EMAIL, DEMO_PASSWORD)
        problems = []
        for width, height in SIZES:
            app.window.resize(width, height)
            settle(qtbot)
            for view in LISTS:
                show_view(app, view)
                settle(qtbot)
                table = app.window.sections[view].table
                assert table.isVisible() and table.model().rowCount() > 0, view
                if table.horizontalScrollBar().isVisible():
                    problems.append(f"{view} at {width}x{height} scrolls sideways")
            show_view(app, "services")
            settle(qtbot)
            if cut := cut_names(app.window.sections["services"], "product"):
                problems.append(f"product names cut at {width}x{height}: {cut}")
        assert problems == []


def test_a_minor_column_gives_up_its_width_before_the_name(qtbot):
    columns = [Column("product", "Product"), Column("price", "Price", alignment=RIGHT),
               Column("server", "Server", minor=True)]
    rows = [{"id": str(i), "product": f"Valheim Dedicated Server {i}", "price": "$12.00 / month",
             "server": f"Valheim Dedicated Server {i} 4354c379"} for i in range(3)]
    model = RowTableModel(columns)
    model.set_rows(rows)
    table = make_table(None, "fitTable", model)
    qtbot.addWidget(table)
    table.resize(table.sizeHintForColumn(0) + table.sizeHintForColumn(1) + 140, 200)
    table.show()
    qtbot.waitUntil(lambda: table.columnWidth(0) >= table.sizeHintForColumn(0))
    assert [elided_text(table, model.index(r, 0)) for r in range(3)] == [None] * 3     # the names whole
    assert elided_text(table, model.index(0, 2)) == rows[0]["server"]                 # the server's cut
    assert not table.horizontalScrollBar().isVisible()


def test_the_all_accounts_lists_fit_the_minimum_window_in_german(make_app, demo_panel, qtbot, qapp):  # noqa: F811
    """With an Account column more, the All-accounts scope of each list still fits 1000x650 in German."""
    from app.shell.demo import RESELLER_EMAIL

    with german(qapp):
        app = make_app()
        add_account(qtbot, app, demo_panel.url, RESELLER_EMAIL, DEMO_PASSWORD)
        add_account(qtbot, app, demo_panel.url, DEMO_EMAIL, DEMO_PASSWORD)
        app.window.resize(1000, 650)
        problems = []
        for view in LISTS:
            show_view(app, view)
            section = app.window.sections[view]
            if not hasattr(section, "set_scope"):
                continue
            section.set_scope("all")
            qtbot.waitUntil(lambda s=section: s.table.model().rowCount() > 0, timeout=10_000)
            settle(qtbot)
            if section.table.horizontalScrollBar().isVisible():
                problems.append(f"{view} (all accounts) scrolls sideways")
        assert problems == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_pending_top_ups_page_keeps_its_title_and_buttons_whole(qtbot, qapp, tmp_path, language):
    """A credit top-up left unpaid adds Cancel top-up to its invoice page: with the dates, so the title row keeps
    the number and its buttons whole at the minimum window's width (1000 less the narrow sidebar)."""
    from app.views.invoices import InvoicesSection

    from .samples import account_data
    from .test_fit import offenders

    with german(qapp) if language == "de" else nullcontext():
        section = InvoicesSection()
        qtbot.addWidget(section)
        section.resize(932, 650)
        section.show_data(account_data(tmp_path))
        section.show()
        assert section.open_invoice("inv-7")                       # the sample's pending top-up
        settle(qtbot)
        page = section.page
        assert page.cancel_top_up_button.isVisible() and page.pay_button.isVisible()
        assert page.width() <= 932 and offenders(section) == []
        assert page.title.text().endswith("INV-2026-0007")
        assert page.title.width() >= page.title.sizeHint().width()      # the number is not cut
