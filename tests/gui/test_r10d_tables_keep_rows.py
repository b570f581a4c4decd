"""At the smallest window Sett supports (1000x650), with banners open over the screens (offline, plus a notice),
every list screen's main table still shows a usable number of rows: a real-window walk found the Credits screen's
history squeezed to one row under the banners and the balance card, and Invoices' table fell to two and a half
under four banners. The banners scroll past a quarter of the height, and the Credits page scrolls rather than
squeeze its history below three rows."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.views.theme import apply_theme

from .layout_steps import settle as settle_layouts
from .test_drift_actions import Panel, canned_app, credit, invoice, order, service, signed_in  # noqa: F401

ROWS = 3        # a table that shows fewer rows than this is no use as a list


def visible_rows(table) -> float:
    """How many of the table's rows its viewport shows, as the window lays it out now."""
    row = table.verticalHeader().defaultSectionSize() or 1
    return table.viewport().height() / row


@pytest.mark.parametrize("key, table_name", [
    ("credits", "table"), ("invoices", "table"), ("services", "table"), ("orders", "table")])
def test_the_main_table_keeps_three_rows_at_1000x650_under_banners(canned_app, qtbot, key, table_name):  # noqa: F811
    apply_theme(QApplication.instance(), "light")      # the real sizes: the style sheet's fonts and paddings
    app = canned_app
    many = 30
    signed_in(app, Panel({}), invoices=[invoice(n, "pending", "10.00") for n in range(1, many)]
              + [{**invoice(many, "pending", "20.00"), "kind": "top_up"}],
              orders=[order(n, "pending") for n in range(1, many)],
              services=[service(n, "active") for n in range(1, many)],
              credit_transactions=[credit(n, "1.00", f"{n}.00") for n in range(1, many)],
              config={"credits": {"enabled": True, "balance": "29.00", "currency": "USD"}})
    window = app.window
    window.show_banner("test:offline", "warning", "Offline: the panel cannot be reached. Changes wait in the Outbox "
                       "and are sent when it can be reached again.")
    window.show_banner("test:notice", "info", "A notice from the panel that takes a line or two of the window's "
                       "width to say what it has to say about something that matters now.", ("Open", lambda: None))
    window.show_banner("test:sync", "error", "The last sync failed: the panel answered with an error. Sett tries "
                       "again in a minute.", ("Retry", lambda: None))
    window.sections["credits"].set_online(False)      # its note under Top up takes a line of the card too
    window.resize(1000, 650)
    window.select_section(key)
    settle_layouts(qtbot)
    section = window.sections[key]
    table = getattr(section, table_name)
    if not table.isVisible():
        table = getattr(section, "list", table)
    assert window.height() <= 650 + 1, window.height()
    assert table.isVisible()
    assert visible_rows(table) >= ROWS, (key, table.viewport().height())

