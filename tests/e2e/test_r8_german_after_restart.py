"""Deutsch chosen in Preferences, then Restart now, as a buyer does it, against the real panel: Sett starts again the
way its start reads the choice (app/__main__.py's create_app: the formatting locale and the translators from the
saved setting), and the screens a buyer goes through (Dashboard, Services and a service's page, Invoices and an
invoice's page, Credits, Orders, Support and a conversation, Store, Cart, Pay all due's review, and a purchase from
the cart: its review and result) show no English of Sett's own, and money and dates are written the German way
(`1.234,50 $`, `24.11.2026`), while an invoices CSV exported there keeps the panel's codes, plain amounts and ISO
dates. (tests/gui/test_translations_online builds the German window by installing German directly; this goes
through the Preferences and the settings a restart reads.)"""
from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from app.core import local_format
from app.settings import Settings
from app.shell import language
from app.shell.locale_setup import use_locale
from app.views.account_switcher import initials
from tests.gui.conftest import (
    WAIT,
    close,
    sync_now,
    utc,  # noqa: F401 - a fixture, used by name
)
from tests.gui.test_translations import compiled_qm, visible_texts
from tests.gui.test_translations_dialogs import english_left
from tests.support.catalogue import Shop, buy
from tests.support.fixtures import admin_of

from .checkout_steps import check_out, fill_cart, opened_checkout, pay_with, wait_result

pytestmark = pytest.mark.usefixtures("utc")


@pytest.fixture(scope="module")
def e2e_shop(e2e_panel) -> Shop:
    """This module's shop: support tickets are on, so Support and a conversation are among the screens."""
    shop = Shop(admin_of(e2e_panel))
    shop.settings(paypal_enabled=True, credits_enabled=True, auto_activate=True, tickets_enabled=True)
    return shop


def screens(qtbot, app, service_id: str, invoice_id: str, ticket_id: str) -> dict[str, set[str]]:
    """Every visible text of the screens a buyer goes through, each screen by its name."""
    window = app.window
    seen: dict[str, set[str]] = {}
    for key in ("dashboard", "services", "invoices", "credits", "orders", "support", "store", "cart"):
        window.select_section(key)
        seen[key] = visible_texts(window)
    window.select_section("services")
    services = window.sections["services"]
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: services.page.invoices_model.rowCount() == 1, timeout=WAIT)
    seen["service page"] = visible_texts(window)
    window.select_section("invoices")
    invoices = window.sections["invoices"]
    assert invoices.open_invoice(invoice_id)
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)
    seen["invoice page"] = visible_texts(window)
    window.select_section("support")
    support = window.sections["support"]
    assert support.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: len(support.page.messages) == 2, timeout=WAIT)
    seen["ticket page"] = visible_texts(window)
    support.show_list()
    return seen


def pay_due_review(qtbot, app) -> dict[str, set[str]]:
    """Invoices ▸ Pay all due…: the review of every unpaid invoice (left without paying)."""
    app.window.select_section("invoices")
    app.window.sections["invoices"].pay_due.pay_all.click()
    session = opened_checkout(qtbot, app)
    seen = {"pay all due review": visible_texts(session.dialog)}
    session.dialog.reject()
    return seen


def credit_purchase(qtbot, app, product: dict) -> dict[str, set[str]]:
    """The cart, its checkout's review, Pay with the account's credit, the result: each step's texts."""
    seen: dict[str, set[str]] = {}
    cart = fill_cart(qtbot, app, product)
    seen["cart"] = visible_texts(app.window)
    session = check_out(qtbot, app, cart)
    seen["checkout review"] = visible_texts(session.dialog)
    pay_with(qtbot, session, "credits")
    wait_result(qtbot, session)
    seen["checkout result"] = visible_texts(session.dialog)
    session.dialog.accept()
    seen["after checkout"] = visible_texts(app.window)
    return seen


def export_invoices(qtbot, app, path) -> list[dict]:
    """Invoices ▸ Export ▸ Invoices (CSV) to `path`; the file's rows."""
    app.features["exports"].ask_file = lambda window, kind: (str(path), "csv")
    app.window.select_section("invoices")
    app.window.sections["invoices"].export_button.actions_by_kind["invoices"].trigger()
    qtbot.waitUntil(lambda: path.exists(), timeout=WAIT)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_deutsch_chosen_in_preferences_speaks_german_after_restart_now(qtbot, qapp, make_app, client_of, vps, e2e_shop,
                                                                       monkeypatch, tmp_path):
    import app.application as application

    app, account, buyer = client_of(credits="1244.50")
    placed = buy(buyer, vps["id"])
    # and an order left at the PayPal page, whose invoice stays due (credit not used on it)
    buyer.data("POST", "/billing/checkout", {"items": [{"product_id": vps["id"], "billing_cycle": "monthly"}],
                                             "payment_method": "paypal", "use_credits": False,
                                             "return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"},
               expect=201)
    (service_id,) = placed["order"]["service_ids"]
    invoice = placed["invoice"]
    ticket = buyer.data("POST", "/support/tickets", {"subject": "Backups", "department": "technical",
                                                     "body": "How often?", "service_id": service_id}, expect=201)
    e2e_shop.admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "Daily."}, expect=201)
    sync_now(qtbot, app, account.id)
    english = screens(qtbot, app, service_id, invoice["id"], ticket["id"])
    assert "$1,234.50" in english["credits"]
    english |= pay_due_review(qtbot, app)
    english |= credit_purchase(qtbot, app, vps)
    signed_in_as = app.window.who.text()            # the panel's names: "Test User · email · Sett Panel"

    # Preferences (Ctrl+,): Language, Deutsch; the dialog offers Restart now, which quits to start again.
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.preferences.dialog is not None and app.preferences.dialog.isVisible(), timeout=WAIT)
    dialog = app.preferences.dialog
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    quits = []
    monkeypatch.setattr(application, "QApplication", type("Quitting", (), {"quit": lambda: quits.append(1)}))
    qtbot.mouseClick(dialog.restart, Qt.MouseButton.LeftButton)
    assert app.restart_requested and quits == [1]
    monkeypatch.undo()
    close(app)

    # The new start, as create_app reads the saved choice before any widget is built.
    compiled_qm()
    setting = Settings().language
    assert setting == "de"
    use_locale(language.locale_name(setting))
    translators = language.install(setting, qapp)
    try:
        german_app = make_app()                                 # the same data folder, the same account
        qtbot.waitUntil(lambda: german_app.window.data is not None and german_app.window.status.state == "online",
                        timeout=WAIT)
        german = screens(qtbot, german_app, service_id, invoice["id"], ticket["id"])
        german |= pay_due_review(qtbot, german_app)
        german |= credit_purchase(qtbot, german_app, vps)
        csv_rows = export_invoices(qtbot, german_app, tmp_path / "rechnungen.csv")
        close(german_app)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        QApplication.processEvents()

    everything = set().union(*english.values())
    # The panel's own words stay as it wrote them: names, its notes and line descriptions, references.
    service = buyer.data("GET", f"/billing/services/{service_id}")
    detail = buyer.data("GET", f"/billing/invoices/{invoice['id']}")
    own = {signed_in_as, "Backups", "How often?", "Daily.", "Card VPS", vps["description"], buyer.user["email"],
           "Test User", account.name,
           initials(account.name),
           service["server"]["name"], str(service["server"].get("node") or ""),
           *(line["description"] for line in detail["lines"]), *(p["reference"] or "" for p in detail["payments"]),
           *(t["note"] or "" for t in buyer.data("GET", "/billing/credits/transactions"))}
    left = {name: english_left(texts, everything, own) for name, texts in german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left after choosing Deutsch:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())
    assert "Rechnungen" in german["invoices"] and "Guthaben" in " ".join(german["credits"])
    # Money and dates the German way, on the list, the record pages and the balance.
    assert "1.234,50 $" in german["credits"], sorted(german["credits"])
    assert "10,00 $" in german["checkout review"] and "Zahlung" in " ".join(german["checkout result"])
    assert "10,00 $" in german["invoice page"]
    issued = date.fromisoformat(invoice["issue_date"][:10]).strftime("%d.%m.%Y")
    assert issued in german["invoices"], issued                                  # the list's Issued column
    assert any(text.startswith(issued) for text in german["invoice page"]), issued
    # (a panel's notification, shown in a banner where the desktop has no tray, is in the panel's words)
    notified = {f"{n['title']}: {n['message']}" for n in buyer.data("GET", "/notifications")}
    # A CSV is for programs too: German headers, but the panel's codes, plain amounts and ISO dates.
    (row,) = [r for r in csv_rows if r["Rechnung"] == invoice["invoice_number"]]
    assert (row["Status"], row["Gesamt"], row["Währung"], row["Ausgestellt"]) == (
        "paid", "10.00", "USD", invoice["issue_date"][:10]), row
    english_money = {name: [t for t in texts - notified if "$1" in t or "$0" in t] for name, texts in german.items()}
    assert not any(english_money.values()), english_money
