"""Walking the app's screens as a person would look at them: every screen of the sidebar, a record's page from
each list, the all-accounts views, and the notices; `look(window, where)` at each stop."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.views.scope import ACCOUNT, ALL
from app.views.sections import SIDEBAR_ORDER

from .conftest import WAIT

# A record's page from each list of the sample account (tests/gui/samples.py): a suspended service, an overdue
# invoice, a product with sizes to choose; its order and ticket where the cache holds them.
RECORD_PAGES = (("services", "open_service", "svc-rust"), ("invoices", "open_invoice", "inv-4"),
                ("store", "open_product", "cloud-vps-custom"), ("orders", "open_order", "ord-1"),
                ("support", "open_ticket", "t-1"))


def visit(app, qtbot, look: Callable[[QWidget, str], None], records=RECORD_PAGES, notices: bool = True) -> None:
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None, timeout=WAIT)
    window = app.window
    for key in SIDEBAR_ORDER:
        window.select_section(key)
        look(window, key)
    for key, opener, record in records:
        window.select_section(key)
        assert getattr(window.sections[key], opener)(record), f"{opener}({record!r})"
        look(window, f"{key}/{record}")
    # The reseller's view: every account's figures and rows together.
    for key in ("dashboard", "invoices", "credits"):
        window.select_section(key)
        section = window.sections[key]
        if hasattr(section, "show_list"):
            section.show_list()
        section.set_scope(ALL)
        qtbot.waitUntil(lambda s=section: getattr(s, "everything", None) is not None, timeout=WAIT)
        look(window, f"{key}/all")
        section.set_scope(ACCOUNT)
    if notices:
        dialog = app.notices.open_dialog()
        look(dialog, "notices")
        dialog.close()
