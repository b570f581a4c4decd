"""The sidebar screens as a user sees them, fed the sample account read from a real cache."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QStackedWidget

from app.models.table import BADGE_ROLE, TONE_COLOURS
from app.views.cart import CartSection
from app.views.credits import CreditsSection
from app.views.dashboard import DashboardSection
from app.views.invoices import InvoicesSection
from app.views.section import Section
from app.views.services import ServicesSection
from app.views.store import StoreSection

from . import samples

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.usefixtures("utc")]

SECTIONS = [DashboardSection, StoreSection, CartSection, ServicesSection, InvoicesSection, CreditsSection]


@pytest.fixture
def data(tmp_path):
    return samples.account_data(tmp_path)


def shown(qtbot, cls, account, size=(1100, 720)):
    section = cls()
    qtbot.addWidget(section)
    section.resize(*size)
    section.show()
    section.show_data(account)
    return section


def navigations(section: Section) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    section.navigate.connect(lambda key, filters: seen.append((key, filters)))
    return seen


def table_text(view, key: str) -> list[str]:
    model = view.model()
    column = model.sourceModel().column_of(key) if hasattr(model, "sourceModel") else model.column_of(key)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def visible_empty(section) -> tuple[str, str]:
    """The title and message of the empty state the user sees, or ("", "") when none shows."""
    from app.views.empty_state import EmptyState
    for state in section.findChildren(EmptyState):
        if state.isVisible():
            return state.title.text(), state.message.text()
    return "", ""


def test_every_section_has_its_sidebar_key_and_title():
    assert [(cls.key, cls.title) for cls in SECTIONS] == [
        ("dashboard", "Dashboard"), ("store", "Store"), ("cart", "Cart"), ("services", "Services"),
        ("invoices", "Invoices"), ("credits", "Credits")]
    assert all(issubclass(cls, Section) and cls.billing for cls in SECTIONS)


@pytest.mark.parametrize("cls", SECTIONS)
def test_every_section_shows_a_heading_and_survives_a_never_synced_account(qtbot, cls):
    section = shown(qtbot, cls, samples.never_synced())
    titles = [label.text() for label in section.findChildren(QLabel, "sectionTitle")]
    assert titles and titles[0] in (cls.title, "Dashboard")
    if cls is not CartSection:
        assert visible_empty(section)[0] == "Not synced yet"


# -- dashboard -----------------------------------------------------------------------------------------------

def card_figures(section: DashboardSection) -> dict[str, tuple[str, str]]:
    return {name: (card.value.text(), card.caption.text())
            for name, card in section.cards.items() if card.isVisible()}


def test_dashboard_cards_show_the_accounts_figures_in_its_currency(qtbot, data):
    section = shown(qtbot, DashboardSection, data)
    assert section.heading.text() == "Welcome back, Ada"
    assert section.synced.text() == "Last synced Nov 24, 2026, 9:30\u202fAM"
    assert card_figures(section) == {
        "services": ("3", "1 suspended"),
        "due": ("€62.00", "4 unpaid invoices"),
        "overdue": ("2", "Pay now to keep your services running"),
        "next_due": ("Nov 10, 2026", "€25.00"),
        "credits": ("€25.50", "Applied automatically to invoices"),
    }
    assert section.cards["overdue"].property("tone") == "danger"


def test_dashboard_works_out_the_same_figures_before_the_panels_dashboard_is_synced(qtbot, data):
    section = shown(qtbot, DashboardSection, dataclasses.replace(data, dashboard={}))
    figures = card_figures(section)
    assert figures["services"][0] == "3"
    assert figures["due"] == ("€62.00", "4 unpaid invoices")        # the pending top-up is due like the rest
    assert figures["overdue"][0] == "2"
    assert figures["next_due"] == ("Nov 10, 2026", "€25.00")
    assert figures["credits"][0] == "€25.50"


@pytest.mark.parametrize(("card", "target"), [
    ("services", ("services", {"status": "active"})),
    ("due", ("invoices", {"status": "pending,overdue"})),
    ("overdue", ("invoices", {"status": "overdue"})),
    ("next_due", ("services", {"status": "active", "sort": "next_due_date"})),
    ("credits", ("credits", {})),
])
def test_clicking_a_card_opens_what_is_behind_it(qtbot, data, card, target):
    section = shown(qtbot, DashboardSection, data)
    seen = navigations(section)
    qtbot.mouseClick(section.cards[card], Qt.MouseButton.LeftButton)
    assert seen == [target]


def test_a_card_opens_from_the_keyboard(qtbot, data):
    section = shown(qtbot, DashboardSection, data)
    seen = navigations(section)
    section.cards["overdue"].setFocus()
    qtbot.keyClick(section.cards["overdue"], Qt.Key.Key_Return)
    qtbot.keyClick(section.cards["due"], Qt.Key.Key_Space)
    assert seen == [("invoices", {"status": "overdue"}), ("invoices", {"status": "pending,overdue"})]


def test_dashboard_without_credits_hides_the_credit_card(qtbot, data):
    config = {**data.billing_config, "credits_enabled": False}
    section = shown(qtbot, DashboardSection, dataclasses.replace(data, billing_config=config))
    assert "credits" not in card_figures(section)


def test_dashboard_of_a_never_synced_account_shows_no_cards(qtbot):
    section = shown(qtbot, DashboardSection, samples.never_synced())
    assert visible_empty(section) == ("Not synced yet",
                                      "Connect to the panel to see your services, invoices and credit.")
    assert card_figures(section) == {}


# -- services ------------------------------------------------------------------------------------------------

def test_services_table_shows_every_service_as_the_user_reads_it(qtbot, data):
    section = shown(qtbot, ServicesSection, data)
    assert section.summary.text() == "3 active · 1 pending · 1 suspended · 1 terminated · 1 cancelled"
    assert section.list.count.text() == "7 services"
    rows = {r: i for i, r in enumerate(table_text(section.table, "product"))}
    price = table_text(section.table, "recurring_amount")
    due = table_text(section.table, "next_due_date")
    server = table_text(section.table, "server")
    assert price[rows["Minecraft Flex"]] == "€12.00 / month"
    assert price[rows["Server Migration"]] == "€49.00 one-time"
    assert due[rows["Minecraft Flex"]] == "Dec 1, 2026"
    assert due[rows["Web Hosting Basic"]] == "—"                  # terminated: never due again
    assert server[rows["Valheim Dedicated"]] == "Not provisioned"
    status = section.table.model().index(rows["Rust Premium"], 1)
    assert (status.data(), status.data(BADGE_ROLE)) == ("Suspended", "danger")
    assert "Cancellation pending" in section.table.model().index(rows["Cloud VPS M"], 1).data(
        Qt.ItemDataRole.ToolTipRole)


def test_services_status_filter_and_search(qtbot, data):
    section = shown(qtbot, ServicesSection, data)
    section.apply_filter({"status": "active"})
    assert section.filters.status.currentText() == "Active"
    assert sorted(table_text(section.table, "product")) == ["Cloud VPS M", "Minecraft Flex", "Server Migration"]
    assert section.list.count.text() == "3 of 7 services"
    qtbot.keyClicks(section.filters.search, "VPS")
    assert table_text(section.table, "product") == ["Cloud VPS M"]
    section.filters.status.setCurrentIndex(0)
    assert sorted(table_text(section.table, "product")) == ["Cloud VPS M", "Storage VPS"]


def test_navigating_to_services_sorted_by_next_due_date(qtbot, data):
    section = shown(qtbot, ServicesSection, data)
    qtbot.keyClicks(section.filters.search, "something old")
    section.apply_filter({"status": "active", "sort": "next_due_date"})
    assert section.filters.search.text() == ""
    assert table_text(section.table, "product") == ["Minecraft Flex", "Cloud VPS M", "Server Migration"]
    assert section.table.horizontalHeader().sortIndicatorSection() == 2


def test_a_filter_nothing_matches_offers_to_clear_it(qtbot, data):
    section = shown(qtbot, ServicesSection, data)
    qtbot.keyClicks(section.filters.search, "no such server")
    assert visible_empty(section) == ("No services match", "Try another status or search.")
    qtbot.mouseClick(section.list.empty.action, Qt.MouseButton.LeftButton)
    assert section.filters.search.text() == ""
    assert section.table.isVisible() and section.table.model().rowCount() == 7


def test_no_services_yet_leads_to_the_store(qtbot, data):
    section = shown(qtbot, ServicesSection, dataclasses.replace(data, services=[]))
    assert visible_empty(section)[0] == "No services yet"
    assert not section.filters.isVisible()
    seen = navigations(section)
    qtbot.mouseClick(section.list.empty.action, Qt.MouseButton.LeftButton)
    assert seen == [("store", {})]


def test_services_of_a_never_synced_account_say_so(qtbot):
    section = shown(qtbot, ServicesSection, samples.never_synced())
    assert visible_empty(section) == ("Not synced yet", "Connect to the panel to see your services.")


def test_ctrl_f_focuses_the_search_of_the_screen_in_view(qtbot, data):
    pages = QStackedWidget()
    qtbot.addWidget(pages)
    services, invoices = ServicesSection(), InvoicesSection()
    for section in (services, invoices):
        pages.addWidget(section)
        section.show_data(data)
    pages.setCurrentWidget(invoices)
    with qtbot.waitActive(pages):
        pages.show()
        pages.activateWindow()
    invoices.table.setFocus()
    qtbot.keyClick(invoices.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert invoices.filters.search.hasFocus()
    assert not services.filters.search.hasFocus()
    qtbot.keyClicks(invoices.filters.search, "0004")
    assert table_text(invoices.table, "invoice_number") == ["INV-2026-0004"]
    qtbot.keyClick(invoices.filters.search, Qt.Key.Key_Escape)
    assert invoices.filters.search.text() == ""


# -- invoices ------------------------------------------------------------------------------------------------

def test_invoices_table_lists_every_invoice_but_drafts(qtbot, data):
    section = shown(qtbot, InvoicesSection, data)
    numbers = table_text(section.table, "invoice_number")
    assert len(numbers) == 8 and "INV-2026-0008" not in numbers
    assert numbers[0] == "INV-2026-0003"                          # newest first, as the panel lists them
    assert section.list.count.text() == "8 invoices"
    assert section.summary.text() == "2 overdue · €62.00 due"
    row = numbers.index("INV-2026-0009")
    model = section.table.model()
    assert [model.index(row, c).data() for c in range(model.columnCount())] == [
        "INV-2026-0009", "Overdue", "Nov 12, 2026", "Nov 12, 2026", "€9.50", "€5.00"]


def test_overdue_invoices_stand_out(qtbot, data):
    section = shown(qtbot, InvoicesSection, data)
    model = section.table.model()
    red = QColor(TONE_COLOURS["danger"])
    for row in range(model.rowCount()):
        overdue = model.index(row, 1).data() == "Overdue"
        assert (model.index(row, 1).data(BADGE_ROLE) == "danger") is overdue
        tint = model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        assert (tint is not None and tint.rgb() == red.rgb()) is overdue


def test_the_overdue_badge_is_painted_red(qtbot, data):
    section = shown(qtbot, InvoicesSection, data)
    view = section.table
    model = view.model()
    row = table_text(view, "invoice_number").index("INV-2026-0004")
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(row, 1))

    def reddish(x: int, y: int) -> bool:
        c = image.pixelColor(QPoint(x, y))
        return c.red() > c.green() + 40 and c.red() > c.blue() + 40

    assert any(reddish(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
    paid_row = table_text(view, "invoice_number").index("INV-2026-0001")
    paid = view.visualRect(model.index(paid_row, 1))
    assert not any(reddish(x, y) for x in range(paid.left(), paid.right()) for y in range(paid.top(), paid.bottom()))


ALL_INVOICES = ["INV-2026-0003", "INV-2026-0007", "INV-2026-0009", "INV-2026-0004", "INV-2026-0005",
                "INV-2026-0002", "INV-2026-0006", "INV-2026-0001"]


@pytest.mark.parametrize(("filters", "numbers", "combo"), [
    ({"status": "overdue"}, ["INV-2026-0009", "INV-2026-0004"], "Overdue"),
    ({"status": "pending,overdue"}, ["INV-2026-0003", "INV-2026-0007", "INV-2026-0009", "INV-2026-0004"], "Unpaid"),
    ({"status": ["refunded"]}, ["INV-2026-0006"], "Refunded"),
    ({"status": "paid,refunded"}, ["INV-2026-0002", "INV-2026-0006", "INV-2026-0001"], "Paid or refunded"),
    ({"search": "inv-2026-0001"}, ["INV-2026-0001"], "All invoices"),
    ({}, ALL_INVOICES, "All invoices"),
])
def test_invoices_follow_the_filter_they_were_opened_with(qtbot, data, filters, numbers, combo):
    section = shown(qtbot, InvoicesSection, data)
    section.apply_filter({"status": "cancelled", "search": "5"})     # whatever the user had before
    section.apply_filter(filters)
    assert table_text(section.table, "invoice_number") == numbers
    assert section.filters.status.currentText() == combo


def test_searching_a_big_account_waits_for_a_pause_in_typing(qtbot, data):
    section = shown(qtbot, InvoicesSection, dataclasses.replace(data, invoices=samples.invoice_rows(20_000)))
    assert section.list.count.text() == "20,000 invoices"
    qtbot.keyClicks(section.filters.search, "INV-01999")
    assert section.proxy.rowCount() == 20_000                     # not once per key press
    qtbot.waitUntil(lambda: section.proxy.rowCount() == 10)
    assert section.list.count.text() == "10 of 20,000 invoices"
    section.apply_filter({"status": "overdue"})                   # a status applies at once, search cleared
    assert section.proxy.rowCount() == 4_000


def test_the_count_says_what_a_big_table_is_working_on(qtbot, data):
    section = shown(qtbot, InvoicesSection, dataclasses.replace(data, invoices=samples.invoice_rows(6_000)))
    section.model.batches.budget_s = 0.0               # every batch waits for the event loop, as a big one would
    section.apply_filter({"search": "INV-00599"})
    assert section.list.count.text() == "Searching 6,000 invoices…"
    assert section.proxy.rowCount() == 6_000           # the rows stay on screen meanwhile
    qtbot.waitUntil(lambda: section.list.count.text() == "10 of 6,000 invoices")
    section.table.sortByColumn(section.model.column_of("due_date"), Qt.SortOrder.DescendingOrder)
    assert section.list.count.text() == "Sorting 6,000 invoices…"
    qtbot.waitUntil(lambda: section.list.count.text() == "10 of 6,000 invoices")
    dates = table_text(section.table, "due_date")
    assert len(dates) == 10 and section.proxy.row(0)["due_date"] >= section.proxy.row(9)["due_date"]


def test_the_filter_survives_a_sync(qtbot, data):
    section = shown(qtbot, InvoicesSection, data)
    section.apply_filter({"status": "overdue"})
    section.show_data(data)
    assert section.filters.status.currentText() == "Overdue"
    assert len(table_text(section.table, "invoice_number")) == 2


def test_clicking_the_total_header_sorts_by_amount_and_again_reverses(qtbot, data):
    section = shown(qtbot, InvoicesSection, data)
    header = section.table.horizontalHeader()
    total = section.model.column_of("total")
    where = QPoint(header.sectionViewportPosition(total) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    by_value = ["€3.50", "€9.50", "€12.00", "€20.00", "€25.00", "€60.00", "€99.00", "€100.00"]
    first = table_text(section.table, "total")
    assert first in (by_value, by_value[::-1])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert table_text(section.table, "total") == first[::-1]


def test_no_invoices_yet(qtbot, data):
    section = shown(qtbot, InvoicesSection, dataclasses.replace(data, invoices=[]))
    assert visible_empty(section) == ("No invoices yet", "Invoices for your orders and renewals will appear here.")
    assert not section.summary.isVisible()


# -- credits -------------------------------------------------------------------------------------------------

def test_credits_show_the_balance_and_every_change_with_the_balance_after(qtbot, data):
    section = shown(qtbot, CreditsSection, data)
    assert section.balance.text() == "€25.50"
    assert table_text(section.table, "amount") == ["-€4.50", "+€20.00", "-€15.00", "+€20.00", "+€5.00"]
    assert table_text(section.table, "balance_after") == ["€25.50", "€30.00", "€10.00", "€25.00", "€5.00"]
    assert table_text(section.table, "type") == ["Payment", "Refund", "Payment", "Top-up", "Adjustment"]
    assert table_text(section.table, "created_at")[0] == "Nov 20, 2026"
    model = section.table.model()
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) == QColor(TONE_COLOURS["danger"])
    assert model.index(1, 3).data(Qt.ItemDataRole.ForegroundRole) == QColor(TONE_COLOURS["success"])
    assert section.count.text() == "5 transactions"


def test_credits_without_transactions(qtbot, data):
    section = shown(qtbot, CreditsSection, dataclasses.replace(data, credit_transactions=[],
                                                               credits={"enabled": True, "balance": "0.00"}))
    assert section.balance.text() == "€0.00"
    assert visible_empty(section)[0] == "No credit transactions yet"


def test_credits_switched_off_on_the_panel(qtbot, data):
    section = shown(qtbot, CreditsSection, dataclasses.replace(data, credits={"enabled": False}))
    assert visible_empty(section)[0] == "Credits are not available"
    assert not section.balance.isVisible()


# -- store ---------------------------------------------------------------------------------------------------

def card_texts(section: StoreSection) -> dict[str, dict[str, str]]:
    return {card.name.text(): {"resources": card.resources.text(), "price": card.price.text(),
                               "setup": card.setup_fee.text(),
                               "others": card.other_prices.text().replace("\u00a0", " "),
                               "stock": card.stock.text() if card.stock.isVisible() else ""}
            for card in section.cards}


def test_store_shows_categories_and_product_cards(qtbot, data):
    section = shown(qtbot, StoreSection, data)
    assert [section.categories.item(i).text() for i in range(section.categories.count())] == [
        "All products", "Game servers (3)", "VPS (1)", "Web hosting (1)", "Extras (0)"]
    cards = card_texts(section)
    assert list(cards) == ["Minecraft Flex", "Valheim Dedicated", "Rust Premium", "Cloud VPS Custom",
                           "Web Hosting Basic"]
    assert cards["Minecraft Flex"] == {"resources": "4 GB RAM · 20 GB disk · 2 cores", "price": "From €6.00 / month",
                                       "setup": "", "others": "Also from €17.00 / 3 months", "stock": ""}
    assert cards["Valheim Dedicated"] == {"resources": "8 GB RAM · 50 GB disk · 3 cores",
                                          "price": "€15.00 / month", "setup": "+ €5.00 setup fee",
                                          "others": "Also €150.00 / year", "stock": "Only 3 left"}
    assert cards["Cloud VPS Custom"]["price"] == "From €7.13 / month"       # 7.125 rounded half-up
    assert cards["Cloud VPS Custom"]["others"] == "Also from €81.50 / year"
    assert cards["Web Hosting Basic"]["resources"] == "512 MB RAM · 1.5 GB disk · 0.5 cores"
    rust = next(card for card in section.cards if card.name.text() == "Rust Premium")
    assert rust.stock.text() == "Out of stock" and rust.stock.objectName() == "outOfStock"
    assert rust.property("outOfStock") is True


def test_store_categories_filter_the_cards(qtbot, data):
    section = shown(qtbot, StoreSection, data)
    qtbot.mouseClick(section.categories.viewport(), Qt.MouseButton.LeftButton,
                     pos=section.categories.visualItemRect(section.categories.item(2)).center())
    assert [card.name.text() for card in section.cards] == ["Cloud VPS Custom"]
    section.apply_filter({"category": "game-servers"})
    assert [card.name.text() for card in section.cards] == ["Minecraft Flex", "Valheim Dedicated", "Rust Premium"]
    section.apply_filter({"category": "cat-extras"})
    assert section.cards == [] and visible_empty(section)[0] == "No products in this category"
    section.show_data(data)                                       # a sync keeps the chosen category
    assert section.selected_category() == "cat-extras"


def test_store_with_nothing_for_sale(qtbot, data):
    section = shown(qtbot, StoreSection, dataclasses.replace(data, products=[]))
    assert visible_empty(section)[0] == "Nothing for sale yet"


# -- cart ----------------------------------------------------------------------------------------------------

def test_empty_cart_leads_to_the_store(qtbot, data):
    section = shown(qtbot, CartSection, data)
    assert visible_empty(section)[0] == "Your cart is empty"
    seen = navigations(section)
    qtbot.mouseClick(section.empty.action, Qt.MouseButton.LeftButton)
    assert seen == [("store", {})]
