"""A catalogue of thousands of products opens at once: the store builds its cards CARDS_AT_ONCE at a time (each is
a dozen widgets; 2,000 froze the window for seconds at every category change and typed letter) and "Show more"
brings the next ones, the keyboard on the first new card."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication

from app.views.store import CARDS_AT_ONCE, StoreSection

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
