"""The "All accounts" scope of the dashboard and of the services, invoices and credits lists: every account's rows
with an Account column, amounts in each account's own currency; cards that open those lists; rows that open in
their own account. Widget tests use sample accounts; the last tests drive the app against two real panels."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.core.account_data import AccountData
from app.models.all_accounts import gather
from app.views.credits import CreditsSection
from app.views.dashboard import DashboardSection
from app.views.invoices import InvoicesSection
from app.views.services import ServicesSection
from tests.support.catalogue import Shop, buy
from tests.support.clock import a_month_on

from . import samples
from .conftest import WAIT, add_account, admin_of, close

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.usefixtures("utc")]


@pytest.fixture
def euros(tmp_path) -> AccountData:
    return samples.account_data(tmp_path)


@pytest.fixture
def dollars(euros) -> AccountData:
    """A second account in dollars: one active service, an overdue and a paid invoice, $10.00 of credit."""
    def usd(row: dict) -> dict:
        return {**row, "id": f"usd-{row['id']}", "currency": "USD"}
    invoices = [{**usd(r), "invoice_number": r["invoice_number"].replace("INV", "USD")}
                for r in euros.invoices if r["id"] in ("inv-1", "inv-4")]
    return dataclasses.replace(
        euros, account_id="acct-usd", invoices=invoices,
        billing_config={**euros.billing_config, "currency": {"code": "USD", "symbol": "$", "places": 2}},
        services=[usd(s) for s in euros.services if s["id"] == "svc-flex"],
        credit_transactions=[usd(t) for t in euros.credit_transactions[:2]],
        credits={"enabled": True, "balance": "10.00", "currency": "USD"},
        dashboard={"currency": "USD"})


def every(euros, dollars, *more):
    return gather([("Euros", euros), ("Dollars", dollars), *more])


def shown(qtbot, cls, data, scope_available=True):
    section = cls()
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.show()
    section.show_data(data)
    section.set_scope_available(scope_available)
    return section


def column(section, key: str) -> list[str]:
    model = section.table.model()
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    index = source.column_of(key)
    assert index >= 0, key
    return [model.index(r, index).data() for r in range(model.rowCount())]


def headers(section) -> list[str]:
    model = section.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


# -- invoices -----------------------------------------------------------------------------------------------------
def test_all_accounts_invoices_show_every_accounts_rows_in_their_own_currency(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros)
    assert headers(section)[0] == "Invoice"
    section.scope_toggle.all_button.click()
    assert section.scope == "all" and section.summary.text() == "Reading every account's saved data…"
    section.show_all(every(euros, dollars))
    assert headers(section)[:3] == ["Account", "Invoice", "Status"]
    totals = dict(zip(zip(column(section, "account"), column(section, "invoice_number"), strict=True),
                      column(section, "total"), strict=True))
    assert len(totals) == 10
    assert totals[("Euros", "INV-2026-0004")] == "€25.00"
    assert totals[("Dollars", "USD-2026-0004")] == "$25.00"
    assert section.summary.text() == "Across 2 accounts · 3 overdue · €62.00 + $25.00 due"
    assert section.list.count.text() == "10 invoices"


def test_sorting_amounts_of_two_currencies_keeps_each_currency_together(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros)
    section.scope_toggle.all_button.click()
    section.show_all(every(euros, dollars))
    section.table.sortByColumn(section.model.column_of("balance_due"), Qt.SortOrder.DescendingOrder)
    shown_rows = list(zip(column(section, "account"), column(section, "balance_due"), strict=True))
    assert shown_rows[:2] == [("Dollars", "$25.00"), ("Dollars", "$0.00")]
    assert [balance for account, balance in shown_rows if account == "Euros"][:4] == [
        "€25.00", "€20.00", "€12.00", "€5.00"]


def test_search_finds_an_account_by_name_and_the_status_filter_spans_accounts(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros)
    section.apply_filter({"scope": "all", "status": "overdue"})
    toggle = section.scope_toggle
    assert [toggle.this_button.property("kind"), toggle.all_button.property("kind")] == ["", "primary"]
    section.show_all(every(euros, dollars))
    assert sorted(zip(column(section, "account"), column(section, "invoice_number"), strict=True)) == [
        ("Dollars", "USD-2026-0004"), ("Euros", "INV-2026-0004"), ("Euros", "INV-2026-0009")]
    section.filters.status.setCurrentIndex(0)
    qtbot.keyClicks(section.filters.search, "dollars")
    assert sorted(column(section, "invoice_number")) == ["USD-2026-0001", "USD-2026-0004"]
    assert section.list.count.text() == "2 of 10 invoices"


def test_opening_a_row_of_another_account_asks_for_that_account(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros)
    section.apply_filter({"scope": "all", "search": "USD-2026-0004"})
    section.show_all(every(euros, dollars))
    chosen = []
    section.row_chosen.connect(lambda account_id, row_id: chosen.append((account_id, row_id)))
    section.table.setCurrentIndex(section.table.model().index(0, 0))
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert chosen == [("acct-usd", "usd-inv-4")] and not section.page_open


def test_back_to_this_account_drops_the_account_column_and_keeps_the_sort(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros)
    section.scope_toggle.all_button.click()
    section.show_all(every(euros, dollars))
    section.table.sortByColumn(section.model.column_of("total"), Qt.SortOrder.AscendingOrder)
    section.scope_toggle.this_button.click()
    assert section.scope == "account" and headers(section)[0] == "Invoice"
    assert section.table.horizontalHeader().sortIndicatorSection() == section.model.column_of("total")
    assert column(section, "total")[:3] == ["€3.50", "€9.50", "€12.00"]
    assert section.summary.text() == "2 overdue · €62.00 due"


def test_the_toggle_shows_only_when_the_feature_says_there_are_two_accounts(qtbot, euros, dollars):
    section = shown(qtbot, InvoicesSection, euros, scope_available=False)
    assert not section.scope_toggle.isVisible()
    section.set_scope_available(True)
    assert section.scope_toggle.isVisible()
    section.scope_toggle.all_button.click()
    section.set_scope_available(False)                   # an account was removed
    assert section.scope == "account" and headers(section)[0] == "Invoice"


# -- services and credits -----------------------------------------------------------------------------------------
def test_all_accounts_services_count_only_synced_accounts(qtbot, euros, dollars):
    section = shown(qtbot, ServicesSection, euros)
    section.apply_filter({"scope": "all", "status": "active"})
    section.show_all(every(euros, dollars, ("New shop", AccountData("acct-new"))))
    assert section.summary.text() == ("Across 2 accounts (of 3) · 4 active · 1 pending · 1 suspended · "
                                      "1 terminated · 1 cancelled")
    prices = dict(zip(zip(column(section, "account"), column(section, "product"), strict=True),
                      column(section, "recurring_amount"), strict=True))
    assert prices == {("Euros", "Minecraft Flex"): "€12.00 / month", ("Euros", "Cloud VPS M"): "€120.00 / year",
                      ("Euros", "Server Migration"): "€49.00 one-time",
                      ("Dollars", "Minecraft Flex"): "$12.00 / month"}


def test_all_accounts_credits_show_each_balance_in_its_currency(qtbot, euros, dollars):
    section = shown(qtbot, CreditsSection, euros)
    assert section.top_up_row.isVisible()
    section.apply_filter({"scope": "all"})
    section.show_all(every(euros, dollars))
    assert section.balance.text() == "€25.50 + $10.00"
    assert section.balance_note.text() == "Euros: €25.50 · Dollars: $10.00"
    assert not section.top_up_row.isVisible()
    assert headers(section)[0] == "Account" and section.count.text() == "7 transactions"
    rows = list(zip(column(section, "account"), column(section, "amount"), strict=True))
    assert sorted(amount for account, amount in rows if account == "Dollars") == ["+$20.00", "-$4.50"]
    assert "+€20.00" in [amount for account, amount in rows if account == "Euros"]
    section.scope_toggle.this_button.click()
    assert section.balance.text() == "€25.50" and section.top_up_row.isVisible()


# -- the dashboard's cards ----------------------------------------------------------------------------------------
def test_all_accounts_cards_open_the_lists_of_every_account(qtbot, euros, dollars):
    section = shown(qtbot, DashboardSection, euros)
    seen = []
    section.navigate.connect(lambda key, filters: seen.append((key, filters)))
    qtbot.mouseClick(section.cards["overdue"], Qt.MouseButton.LeftButton)
    section.all_button.click()
    section.show_all(every(euros, dollars))
    assert section.cards["overdue"].value.text() == "3"
    for card in ("overdue", "due", "services", "credits"):
        qtbot.mouseClick(section.cards[card], Qt.MouseButton.LeftButton)
    assert seen == [("invoices", {"status": "overdue"}),
                    ("invoices", {"status": "overdue", "scope": "all"}),
                    ("invoices", {"status": "pending,overdue", "scope": "all"}),
                    ("services", {"status": "active", "scope": "all"}),
                    ("credits", {"scope": "all"})]


# -- the app against two real panels --------------------------------------------------------------------------------
def customer(proc, label: str, price: str, credit_left: str, **settings):
    """A customer of the panel `proc` with a suspended service and its overdue renewal (`price`), and a running
    service bought afterwards, with `credit_left` of credit. Returns the user's API and the overdue invoice."""
    admin = admin_of(proc)
    shop = Shop(admin)
    if settings:
        shop.settings(**settings)
    monthly = [{"billing_cycle": "monthly", "price": price, "setup_fee": "0.00"}]
    late = shop.product(name=f"{label} Late VPS", pricing=monthly)
    user = shop.user(credits=price)
    buy(user, late["id"])                                          # every credit spent: the renewal stays unpaid
    user = a_month_on(proc, user)
    (overdue,) = user.data("GET", "/billing/invoices?status=overdue")
    running = Shop(admin).product(name=f"{label} Web", pricing=monthly)
    topped = Decimal(price) + Decimal(credit_left)
    admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": str(topped), "note": "top-up"},
               expect=201)
    buy(user, running["id"])
    return user, overdue


def rows_of(section, *keys: str) -> list[tuple[str, ...]]:
    return sorted(zip(*(column(section, key) for key in keys), strict=True))


def click_card(qtbot, app, name: str) -> None:
    app.window.select_section("dashboard")
    qtbot.mouseClick(app.window.sections["dashboard"].cards[name], Qt.MouseButton.LeftButton)


@pytest.mark.slow
def test_all_accounts_cards_open_lists_of_both_panels_whose_rows_open_in_their_account(make_app, private_panel,
                                                                                      qtbot):
    dollar_panel, euro_panel = private_panel(), private_panel()
    dollar_user, dollar_overdue = customer(dollar_panel, "Dollar", "10.00", "5.00")
    euro_user, euro_overdue = customer(euro_panel, "Euro", "20.00", "15.00", currency_code="EUR",
                                       currency_symbol="€")
    app = make_app()
    dollars = add_account(qtbot, app, dollar_panel.url, dollar_user.user["email"], name="Dollars")
    euros = add_account(qtbot, app, euro_panel.url, euro_user.user["email"], name="Euros")
    window, dashboard = app.window, app.window.sections["dashboard"]
    invoices, services = window.sections["invoices"], window.sections["services"]
    assert app.current_id == euros.id
    window.select_section("dashboard")
    assert dashboard.scope_toggle.isVisible()
    dashboard.all_button.click()
    qtbot.waitUntil(lambda: dashboard.synced.text() == "2 accounts with saved data", timeout=WAIT)
    assert dashboard.cards["overdue"].value.text() == "2"

    click_card(qtbot, app, "overdue")
    assert window.current_key == "invoices" and invoices.scope == "all"
    assert invoices.filters.status.currentText() == "Overdue"
    qtbot.waitUntil(lambda: invoices.table.model().rowCount() == 2, timeout=WAIT)
    assert headers(invoices)[0] == "Account"
    assert rows_of(invoices, "account", "invoice_number", "balance_due") == [
        ("Dollars", dollar_overdue["invoice_number"], "$10.00"), ("Euros", euro_overdue["invoice_number"], "€20.00")]
    assert invoices.summary.text() == "Across 2 accounts · 2 overdue · €20.00 + $10.00 due"

    click_card(qtbot, app, "due")
    assert invoices.filters.status.currentText() == "Unpaid" and invoices.scope == "all"
    assert [a for a, *_ in rows_of(invoices, "account", "invoice_number")] == ["Dollars", "Euros"]
    invoices.filters.status.setCurrentIndex(0)
    qtbot.keyClicks(invoices.filters.search, "dollars")
    assert {a for a, in rows_of(invoices, "account")} == {"Dollars"} and len(column(invoices, "account")) == 3

    click_card(qtbot, app, "services")
    assert window.current_key == "services" and services.scope == "all"
    qtbot.waitUntil(lambda: services.table.model().rowCount() == 2, timeout=WAIT)
    assert rows_of(services, "account", "product", "recurring_amount") == [
        ("Dollars", "Dollar Web", "$10.00 / month"), ("Euros", "Euro Web", "€20.00 / month")]

    click_card(qtbot, app, "credits")
    credits = window.sections["credits"]
    assert window.current_key == "credits" and credits.scope == "all"
    qtbot.waitUntil(lambda: credits.balance.text() == "€15.00 + $5.00", timeout=WAIT)
    assert {a for a, in rows_of(credits, "account")} == {"Dollars", "Euros"}

    # A sync of the other account while its rows show: the list follows.
    click_card(qtbot, app, "overdue")
    invoices.filters.status.setCurrentIndex(0)
    assert invoices.table.model().rowCount() == 6
    extra = Shop(admin_of(dollar_panel)).product(name="Dollar Extra", pricing=[
        {"billing_cycle": "monthly", "price": "5.00", "setup_fee": "0.00"}])
    bought = buy(dollar_user, extra["id"])
    app.sync.sync(dollars.id)
    qtbot.waitUntil(lambda: invoices.table.model().rowCount() == 7, timeout=WAIT)
    assert ("Dollars", bought["invoice"]["invoice_number"]) in rows_of(invoices, "account", "invoice_number")

    # A row of the other account opens in that account.
    open_row(qtbot, invoices, "Dollars", dollar_overdue["invoice_number"])
    qtbot.waitUntil(lambda: invoices.page_open, timeout=WAIT)
    assert app.current_id == dollars.id and window.switcher.combo.currentText() == "Dollars"
    assert invoices.page.title.text() == f"Invoice {dollar_overdue['invoice_number']}"
    assert invoices.scope == "account"
    invoices.page.back_requested.emit()      # back where the row was opened: the All-accounts list
    assert invoices.scope == "all" and headers(invoices)[0] == "Account"
    invoices.scope_toggle.this_button.click()
    assert headers(invoices)[0] == "Invoice" and {t[:1] for t in column(invoices, "total")} == {"$"}

    # The "This account" dashboard still leads to this account's lists, the credits too.
    window.select_section("dashboard")
    dashboard.this_button.click()
    click_card(qtbot, app, "credits")
    assert credits.scope == "account" and credits.balance.text() == "$0.00"
    click_card(qtbot, app, "overdue")
    assert invoices.scope == "account" and column(invoices, "invoice_number") == [dollar_overdue["invoice_number"]]

    # Offline, from the caches: another start with both panels gone.
    close(app)
    dollar_panel.stop()
    euro_panel.stop()
    app = make_app()
    window, invoices = app.window, app.window.sections["invoices"]
    assert app.current_id == dollars.id
    window.select_section("invoices")
    assert invoices.scope_toggle.isVisible()
    invoices.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: invoices.table.model().rowCount() == 7, timeout=WAIT)
    assert {a for a, in rows_of(invoices, "account")} == {"Dollars", "Euros"}
    assert euros.id not in app.data              # its saved data is read when it is switched to: it opens after
    open_row(qtbot, invoices, "Euros", euro_overdue["invoice_number"])
    qtbot.waitUntil(lambda: invoices.page_open, timeout=WAIT)
    assert app.current_id == euros.id
    assert invoices.page.title.text() == f"Invoice {euro_overdue['invoice_number']}"


def open_row(qtbot, section, account: str, invoice_number: str) -> None:
    """Find the invoice through the search field (both panels number theirs alike), then press Enter on it."""
    section.filters.search.clear()
    qtbot.keyClicks(section.filters.search, invoice_number)
    found = list(zip(column(section, "account"), column(section, "invoice_number"), strict=True))
    section.table.setCurrentIndex(section.table.model().index(found.index((account, invoice_number)), 0))
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)


def test_the_scope_toggle_shows_only_with_two_accounts_or_more(make_app, shop, qtbot):
    first, second = shop.user(), shop.user()
    app = make_app()
    add_account(qtbot, app, shop.admin.panel.url, first.user["email"], name="First")
    toggles = {key: app.window.sections[key].scope_toggle for key in ("dashboard", "services", "invoices", "credits")}
    app.window.select_section("invoices")
    assert not toggles["invoices"].isVisible()
    added = add_account(qtbot, app, shop.admin.panel.url, second.user["email"], name="Second")
    assert toggles["invoices"].isVisible()
    toggles["invoices"].all_button.click()
    assert app.window.sections["invoices"].scope == "all"
    dashboard = app.window.sections["dashboard"]
    dashboard.all_button.click()
    qtbot.waitUntil(lambda: "Second: 0 active" in dashboard.breakdown.text(), timeout=WAIT)
    app.sessions.rename(added.id, "Renamed")
    qtbot.waitUntil(lambda: "Renamed: 0 active" in dashboard.breakdown.text(), timeout=WAIT)
    app.sessions.remove(added.id)
    assert not any(toggle.isVisibleTo(app.window) for toggle in toggles.values())
    assert app.window.sections["invoices"].scope == "account"


def test_a_pending_cancellation_shows_in_the_services_status_column_in_both_scopes(qtbot, euros, dollars):
    section = shown(qtbot, ServicesSection, euros)
    statuses = dict(zip(column(section, "product"), column(section, "status"), strict=True))
    assert statuses["Cloud VPS M"] == "Active · cancelling"      # short: the product's name keeps its room
    assert statuses["Minecraft Flex"] == "Active"
    section.scope_toggle.all_button.click()
    section.show_all(every(euros, dollars))
    keys = zip(column(section, "account"), column(section, "product"), strict=True)
    statuses = dict(zip(keys, column(section, "status"), strict=True))
    assert statuses[("Euros", "Cloud VPS M")] == "Active · cancelling"
    assert statuses[("Dollars", "Minecraft Flex")] == "Active"
