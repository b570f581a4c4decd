"""Lists a panel makes as long as it likes open at once, where each entry is widgets of its own rather than a table
row: the store builds its cards CARDS_AT_ONCE at a time (2,000 froze the window for seconds at every category
change and typed letter) and "Show more" brings the next ones, the keyboard on the first new card; a ticket shows
its newest MESSAGES_AT_ONCE messages and "Show earlier messages" the ones before; an order's page lists its first
SERVICES_LISTED services and says how many more."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication

from app.views.store import CARDS_AT_ONCE, StoreSection
from app.views.support import SupportSection
from app.views.ticket_page import MESSAGES_AT_ONCE

from . import samples


def catalogue(tmp_path, count: int):
    data = samples.account_data(tmp_path)
    base = next(p for p in data.products if p["id"] == "valheim-dedicated")
    products = [dict(base, id=f"p-{i}", slug=f"p-{i}", name=f"Product {i:04d}") for i in range(count)]
    return dataclasses.replace(data, products=products)


def test_thousands_of_products_show_a_page_of_cards_and_more_on_demand(qtbot, tmp_path):
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(1240, 800)
    store.show()
    store.show_data(catalogue(tmp_path, 2000))
    QApplication.processEvents()
    assert len(store.cards) == CARDS_AT_ONCE
    assert [c.product["name"] for c in store.cards[:2]] == ["Product 0000", "Product 0001"]
    assert store.more_button.isVisible()
    assert store.more_button.text() == f"Show more ({2000 - CARDS_AT_ONCE:,} not shown)"

    store.more_button.click()
    assert len(store.cards) == 2 * CARDS_AT_ONCE
    assert store.cards[CARDS_AT_ONCE].hasFocus()            # the keyboard goes on where the new cards begin
    assert store.cards[CARDS_AT_ONCE].product["name"] == f"Product {CARDS_AT_ONCE:04d}"

    store.search.setText("19")                              # a search lists what matches, a page at a time too
    matching = sum("19" in f"{i:04d}" for i in range(2000))
    assert len(store.cards) == CARDS_AT_ONCE
    assert store.more_button.text() == f"Show more ({matching - CARDS_AT_ONCE} not shown)"
    store.search.setText("Product 1999")
    assert [c.product["name"] for c in store.cards] == ["Product 1999"] and not store.more_button.isVisible()


def test_a_small_catalogue_has_no_show_more(qtbot, tmp_path):
    store = StoreSection()
    qtbot.addWidget(store)
    store.show()
    store.show_data(catalogue(tmp_path, CARDS_AT_ONCE))
    assert len(store.cards) == CARDS_AT_ONCE and not store.more_button.isVisible()


def ticket_with(count: int) -> dict:
    return {"id": "t-1", "ticket_number": "TKT-000001", "subject": "A long story", "status": "answered",
            "department": "technical", "related": {"invoice_id": None, "service_id": None},
            "created_at": "2026-11-20T10:00:00Z", "last_reply_at": "2026-11-21T10:00:00Z",
            "updated_at": "2026-11-21T10:00:00Z",
            "messages": [{"id": f"m{i}", "author": {"name": "Ada", "staff": i % 2 == 1}, "body": f"Message {i}",
                          "created_at": "2026-11-20T10:00:00Z"} for i in range(count)]}


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


def test_a_ticket_of_thousands_of_messages_shows_the_newest_and_earlier_ones_on_demand(qtbot, tmp_path):
    support = SupportSection()
    qtbot.addWidget(support)
    support.resize(1240, 800)
    support.show()
    support.show_data(samples.account_data(tmp_path, tickets=[ticket_with(2000)]))
    assert support.open_ticket("t-1")
    page = support.page
    QApplication.processEvents()
    assert len(page.messages) == MESSAGES_AT_ONCE
    assert bodies(page)[0] == f"Message {2000 - MESSAGES_AT_ONCE}" and bodies(page)[-1] == "Message 1999"
    assert page.earlier_button.isVisible()
    assert page.earlier_button.text() == f"Show earlier messages ({2000 - MESSAGES_AT_ONCE:,} not shown)"
    bar = page.scroll.verticalScrollBar()
    assert bar.value() == bar.maximum()                     # the newest message in view

    page.earlier_button.click()
    QApplication.processEvents()
    assert len(page.messages) == 2 * MESSAGES_AT_ONCE
    assert bodies(page)[0] == f"Message {2000 - 2 * MESSAGES_AT_ONCE}" and bodies(page)[-1] == "Message 1999"
    assert bar.value() == 0                                 # reading back in time: the view stays at the top

    # A sync that brings the same ticket again keeps what was shown; a new message brings the view to it.
    support.show_data(samples.account_data(tmp_path / "again", tickets=[ticket_with(2001)]))
    QApplication.processEvents()
    assert len(page.messages) == 2 * MESSAGES_AT_ONCE and bodies(page)[-1] == "Message 2000"
    assert bar.value() == bar.maximum()


def test_a_short_ticket_shows_every_message(qtbot, tmp_path):
    support = SupportSection()
    qtbot.addWidget(support)
    support.show()
    support.show_data(samples.account_data(tmp_path, tickets=[ticket_with(3)]))
    assert support.open_ticket("t-1")
    assert bodies(support.page) == ["Message 0", "Message 1", "Message 2"]
    assert not support.page.earlier_button.isVisible()


def test_an_order_of_hundreds_of_services_lists_the_first_and_says_how_many_more(qtbot, tmp_path):
    from app.views.order_page import SERVICES_LISTED
    from app.views.orders import OrdersSection

    order = dict(samples.ORDER, service_ids=[f"svc-{i}" for i in range(500)])
    orders = OrdersSection()
    qtbot.addWidget(orders)
    orders.show()
    orders.show_data(samples.account_data(tmp_path, orders=[order]))
    assert orders.open_order("ord-1")
    page = orders.page
    buttons = [page.services_box.itemAt(i).widget() for i in range(page.services_box.count())]
    assert len(buttons) == SERVICES_LISTED and buttons[0].text().startswith("Service svc-0")
    assert page.services_note.isVisibleTo(page)
    assert page.services_note.text() == f"…and {500 - SERVICES_LISTED} more: Services lists them all."
