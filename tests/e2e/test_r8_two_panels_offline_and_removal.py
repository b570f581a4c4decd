"""Two accounts at two panels (one selling in dollars, one in euros), as a reseller keeps them: switching shows each
account's own services, invoices, credit and login, also after Sett restarts with both panels gone (from what each
saved; All accounts lists both there too); then the euro account is removed, offline, while its invoice is open on
screen, and nothing of it is left: not its invoice page, rows, amounts, notifications or banners, not in the
switcher, not in Go to."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT, add_account, close, texts
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of

NOTICED_MS = 15_000


def switch_to(qtbot, app, account: object, email: str) -> None:
    """The switcher set to the account; until its saved data is on the screens (its login in the status bar)."""
    combo = app.window.switcher.combo
    combo.setCurrentIndex(combo.findData(account.id))
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == account.id
                    and email in app.window.who.text(), timeout=WAIT)


def what_is_shown(app) -> dict:
    """The current account as its screens show it: services, the invoices' amounts, credit balance, who is signed
    in (the status bar's line: name · email · panel)."""
    window = app.window
    window.select_section("services")
    services = texts(window.sections["services"].table.model(), 0)
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    totals = [invoices.proxy.index(r, c).data() for r in range(invoices.proxy.rowCount())
              for c in range(invoices.proxy.columnCount())
              if str(invoices.proxy.index(r, c).data() or "").startswith(("$", "€"))]
    window.select_section("credits")
    return {"services": services, "totals": sorted(set(totals)),
            "balance": window.sections["credits"].balance.text(), "who": window.who.text().split(" · ")[1]}


def account_column(section) -> set[str]:
    model = section.table.model()
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    at = source.column_of("account")
    return {model.index(r, at).data() for r in range(model.rowCount())}


def remove_account(app, account) -> None:
    """Account ▸ Manage accounts…: select the account, Remove, confirm, close."""
    manage = app.open_manage_dialog()
    manage.list.setCurrentRow([manage.list.item(r).data(Qt.ItemDataRole.UserRole)
                               for r in range(manage.list.count())].index(account.id))
    manage.remove_button.click()
    manage.confirm_button.click()
    manage.close()


def test_each_account_shows_its_own_saved_data_offline_and_a_removed_one_leaves_nothing_on_screen(
        qtbot, make_app, private_panel):
    dollars = private_panel()
    dollar_shop = Shop(admin_of(dollars))
    dollar_shop.settings(credits_enabled=True, auto_activate=True)
    euros = private_panel()
    euro_shop = Shop(admin_of(euros))
    euro_shop.settings(currency_code="EUR", currency_symbol="€", credits_enabled=True, auto_activate=True)
    ann = dollar_shop.user(credits="15.00")
    buy(ann, dollar_shop.product(name="Dollar VPS", pricing=MONTHLY_10)["id"])
    bea = euro_shop.user(credits="30.00")
    euro_invoice = buy(bea, euro_shop.product(name="Euro VPS", pricing=[
        {"billing_cycle": "monthly", "price": "12.00", "setup_fee": "0.00"}])["id"])["invoice"]

    app = make_app()
    alpha = add_account(qtbot, app, dollars.url, ann.user["email"], name="Alpha")
    beta = add_account(qtbot, app, euros.url, bea.user["email"], name="Beta")
    alpha_seen = {"services": ["Dollar VPS"], "totals": ["$0.00", "$10.00"], "balance": "$5.00",
                  "who": ann.user["email"]}
    beta_seen = {"services": ["Euro VPS"], "totals": ["€0.00", "€12.00"], "balance": "€18.00",
                 "who": bea.user["email"]}
    assert app.current_id == beta.id
    assert what_is_shown(app) == beta_seen
    switch_to(qtbot, app, alpha, ann.user["email"])
    assert what_is_shown(app) == alpha_seen
    close(app)
    dollars.stop()
    euros.stop()

    app = make_app()                                           # both panels gone: each account from its own cache
    window = app.window
    qtbot.waitUntil(lambda: window.data is not None and window.data.account_id == alpha.id, timeout=WAIT)
    qtbot.waitUntil(lambda: window.status.state == "offline", timeout=NOTICED_MS)
    assert what_is_shown(app) == alpha_seen
    switch_to(qtbot, app, beta, bea.user["email"])
    qtbot.waitUntil(lambda: window.status.state == "offline", timeout=NOTICED_MS)
    assert what_is_shown(app) == beta_seen
    # All accounts reads what each saved, offline too: both accounts' invoices, each in its own money.
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    invoices.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: account_column(invoices) == {"Alpha", "Beta"}, timeout=WAIT)
    assert invoices.summary.text().startswith("Across 2 accounts"), invoices.summary.text()
    invoices.scope_toggle.this_button.click()
    qtbot.waitUntil(lambda: invoices.scope == "account", timeout=WAIT)

    # Beta's invoice open on screen, then Beta removed (offline) from Manage accounts.
    window.select_section("invoices")
    assert invoices.open_invoice(euro_invoice["id"])
    assert invoices.page_open and "€12.00" in invoices.page.fields["total"].text()
    manage = app.open_manage_dialog()
    manage.list.setCurrentRow([manage.list.item(r).data(Qt.ItemDataRole.UserRole)
                               for r in range(manage.list.count())].index(beta.id))
    manage.remove_button.click()
    assert "Remove Beta?" in manage.confirm_text.text()
    manage.confirm_button.click()
    manage.close()

    qtbot.waitUntil(lambda: window.data is not None and window.data.account_id == alpha.id, timeout=WAIT)
    assert [a.id for a in app.accounts.all()] == [alpha.id]
    combo = window.switcher.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Alpha"]
    assert window.current_key == "invoices" and not (invoices.page_open and "€" in invoices.page.fields["total"].text())
    assert what_is_shown(app) == alpha_seen
    window.select_section("dashboard")
    dashboard = window.sections["dashboard"]
    figures = " ".join(card.value.text() + " " + card.caption.text() for card in dashboard.cards.values())
    assert "€" not in figures and "Beta" not in figures, figures
    assert not any("Beta" in text or "€" in text for text in window.banner_texts()), window.banner_texts()
    notices = app.notices.open_dialog()
    assert all(n.get("account_id") == alpha.id for n in notices.notices())
    assert not any("€" in str(n) for n in notices.notices())
    notices.close()
    # Go to (Ctrl+K): "VPS" finds Alpha's service, never Beta's; Beta is not an account to go to.
    window.open_go_to()
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, "VPS")
    qtbot.waitUntil(lambda: any(e.kind == "service" and e.title == "Dollar VPS" for e in dialog.shown), timeout=WAIT)
    assert [e.title for e in dialog.shown if e.account == beta.id or "Euro" in e.title] == []
    assert not any(e.account == beta.id or "Beta" in f"{e.title} {e.detail}" for e in dialog.index.entries)
    dialog.close()


def test_an_account_removed_while_all_accounts_is_shown_leaves_every_all_accounts_screen(
        qtbot, make_app, private_panel):
    dollars, euros = private_panel(), private_panel()
    dollar_shop, euro_shop = Shop(admin_of(dollars)), Shop(admin_of(euros))
    dollar_shop.settings(credits_enabled=True, auto_activate=True)
    euro_shop.settings(currency_code="EUR", currency_symbol="€", credits_enabled=True, auto_activate=True)
    dollar_product = dollar_shop.product(name="Dollar VPS", pricing=MONTHLY_10)
    ann, cal = dollar_shop.user(credits="15.00"), dollar_shop.user(credits="20.00")
    bea = euro_shop.user(credits="30.00")
    buy(ann, dollar_product["id"])
    buy(cal, dollar_product["id"])
    buy(bea, euro_shop.product(name="Euro VPS", pricing=MONTHLY_10)["id"])

    app = make_app()
    alpha = add_account(qtbot, app, dollars.url, ann.user["email"], name="Alpha")
    beta = add_account(qtbot, app, euros.url, bea.user["email"], name="Beta")
    gamma = add_account(qtbot, app, dollars.url, cal.user["email"], name="Gamma")
    window = app.window
    sections = {key: window.sections[key] for key in ("dashboard", "services", "invoices", "credits", "orders")}
    for key, section in sections.items():
        window.select_section(key)
        section.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: sections["dashboard"].synced.text() == "3 accounts with saved data", timeout=WAIT)
    for key in ("services", "invoices", "orders"):
        window.select_section(key)
        qtbot.waitUntil(lambda s=sections[key]: account_column(s) == {"Alpha", "Beta", "Gamma"}, timeout=WAIT)
    window.select_section("invoices")

    remove_account(app, beta)
    qtbot.waitUntil(lambda: [a.id for a in app.accounts.all()] != [] and beta.id not in
                    [a.id for a in app.accounts.all()], timeout=WAIT)

    invoices = sections["invoices"]
    qtbot.waitUntil(lambda: account_column(invoices) == {"Alpha", "Gamma"}, timeout=WAIT)
    assert invoices.summary.text().startswith("Across 2 accounts") and "€" not in invoices.summary.text()
    for key in ("services", "orders"):
        window.select_section(key)
        qtbot.waitUntil(lambda s=sections[key]: account_column(s) == {"Alpha", "Gamma"}, timeout=WAIT)
    window.select_section("credits")
    qtbot.waitUntil(lambda: sections["credits"].balance.text() == "$15.00", timeout=WAIT)   # 5.00 + 10.00
    assert account_column(sections["credits"]) == {"Alpha", "Gamma"}
    window.select_section("dashboard")
    dashboard = sections["dashboard"]
    qtbot.waitUntil(lambda: dashboard.synced.text() == "2 accounts with saved data", timeout=WAIT)
    figures = " ".join(card.value.text() + " " + card.caption.text() for card in dashboard.cards.values())
    assert "€" not in figures, figures

    # Gamma's news is up in the window (where the desktop has no tray, a banner names its account); removing Gamma
    # takes it down with everything else of Gamma's.
    qtbot.waitUntil(lambda: any(t.startswith("Gamma · ") for t in window.banner_texts()), timeout=WAIT)
    remove_account(app, gamma)
    qtbot.waitUntil(lambda: [a.id for a in app.accounts.all()] == [alpha.id], timeout=WAIT)
    qtbot.waitUntil(lambda: not any("Gamma" in t for t in window.banner_texts()), timeout=WAIT)
