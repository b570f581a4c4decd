"""The store browsed by category, and an export, in the running client against the real panel: a category shows only
its products, each card with its resources, a price for every cycle and its stock when limited, and the product page
prices the cycle chosen; Invoices > Export writes the invoices the panel has, as the list shows them."""
from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT, sync_now
from tests.support.catalogue import buy

YEARLY_TOO = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"},
              {"billing_cycle": "annual", "price": "100.00", "setup_fee": "0.00"}]


def click_category(qtbot, store, name: str) -> None:
    lists = store.categories
    (row,) = [r for r in range(lists.count()) if lists.item(r).text().startswith(f"{name} (")]
    qtbot.mouseClick(lists.viewport(), Qt.MouseButton.LeftButton, pos=lists.visualItemRect(lists.item(row)).center())


def test_a_category_shows_its_products_with_resources_prices_per_cycle_and_stock(qtbot, client_of, e2e_shop):
    games = e2e_shop.category(name="R6 Game servers")
    web = e2e_shop.category(name="R6 Web hosting")
    e2e_shop.product(games["id"], name="R6 Game Box", pricing=YEARLY_TOO, stock=3,
                     resources={"memory": 4096, "disk": 30720, "cpu": 200, "swap": 0, "io_weight": 500,
                                "database_limit": 1, "backup_limit": 1, "allocation_limit": 1})
    site = e2e_shop.product(web["id"], name="R6 Site", pricing=YEARLY_TOO)
    app, account, buyer = client_of(product=site)
    store = app.window.sections["store"]
    app.window.select_section("store")

    click_category(qtbot, store, "R6 Game servers")
    qtbot.waitUntil(lambda: [c.name.text() for c in store.cards] == ["R6 Game Box"], timeout=WAIT)
    (card,) = store.cards
    resources = card.resources.text()
    assert "4 GB" in resources and "30 GB" in resources and "2 cores" in resources, resources
    assert "$10.00" in card.price.text() and "$100.00" in card.other_prices.text()
    assert card.stock.text() == "Only 3 left"
    click_category(qtbot, store, "R6 Web hosting")
    qtbot.waitUntil(lambda: [c.name.text() for c in store.cards] == ["R6 Site"], timeout=WAIT)
    assert store.cards[0].stock.text() == ""                   # unlimited: no stock shown

    with qtbot.waitSignal(store.product_opened, timeout=WAIT):
        qtbot.mouseClick(store.cards[0], Qt.MouseButton.LeftButton)
    page = store.product_page
    cycles = {page.cycle.itemData(i): i for i in range(page.cycle.count())}
    assert set(cycles) == {"monthly", "annual"}
    page.cycle.setCurrentIndex(cycles["annual"])
    qtbot.waitUntil(lambda: "$100.00" in page.price.text(), timeout=WAIT)
    page.cycle.setCurrentIndex(cycles["monthly"])
    qtbot.waitUntil(lambda: "$10.00" in page.price.text(), timeout=WAIT)


def test_invoices_export_writes_the_panels_invoices_as_listed(qtbot, client_of, vps, tmp_path):
    app, account, buyer = client_of(credits="20.00")
    placed = buy(buyer, vps["id"])
    sync_now(qtbot, app, account.id)
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    number = placed["invoice"]["invoice_number"]
    qtbot.waitUntil(lambda: invoices.proxy.rowCount() == 1, timeout=WAIT)
    app.features["exports"].ask_file = lambda window, kind: (str(tmp_path / "invoices.csv"), "csv")
    invoices.export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "invoices.csv").exists(), timeout=WAIT)
    with open(tmp_path / "invoices.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (row,) = [r for r in rows if r.get("Invoice") == number]
    assert (row["Status"], row["Total"], row["Amount paid"], row["Currency"]) == ("paid", "10.00", "10.00", "USD")
    qtbot.waitUntil(lambda: "Exported 1 row" in app.window.statusBar().currentMessage(), timeout=WAIT)
