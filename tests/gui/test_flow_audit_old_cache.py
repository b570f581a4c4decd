"""An old cache opened by the app: rows an older Sett saved from a hostile panel hold a number, true/false or an
object where the screens write text (a product's name, a status, an order number). Sett starts from that cache
with the panel gone, and every screen and record page draws them as text instead of raising."""
from __future__ import annotations

import json
import random
import sqlite3

import pytest

from app import paths
from tests.support.catalogue import Shop, buy

from .conftest import WAIT, add_account, admin_of, close


def _tamper(path, table: str, change) -> None:
    with sqlite3.connect(path) as conn:
        for key, raw in conn.execute(f"SELECT id, data FROM [{table}]").fetchall():
            row = json.loads(raw)
            change(row)
            conn.execute(f"UPDATE [{table}] SET data = ? WHERE id = ?", [json.dumps(row), key])


def test_the_app_starts_from_a_cache_with_numbers_where_text_belongs(make_app, private_panel, tmp_path, qtbot):
    proc = private_panel(tmp_path / "panel")
    shop = Shop(admin_of(proc))
    product = shop.product(name="Old VPS")
    user = shop.user(credits="50.00")
    bought = buy(user, product["id"])
    (service_id,) = bought["order"]["service_ids"]
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"], name="Old")
    close(app)
    proc.stop()

    cache = paths.account_cache(account.id)

    def service(row):
        row["product"]["name"] = 10**25
        row["status"] = 7

    _tamper(cache, "services", service)
    _tamper(cache, "orders", lambda row: row.update(order_number=1001, status=True))
    _tamper(cache, "invoices", lambda row: row.update(invoice_number=4, status={"x": 1}))
    _tamper(cache, "products", lambda row: row.update(name=8))

    app = make_app()
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == account.id
                    and not app.window.data.never_synced, timeout=WAIT)
    data = app.window.data
    assert {s["product"]["name"] for s in data.services} == {str(10**25)}
    assert {o["order_number"] for o in data.orders} == {"1001"}
    for key in ("dashboard", "services", "invoices", "orders", "store", "credits"):
        app.window.select_section(key)
        qtbot.wait(50)
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: str(10**25) in services.page.title.text(), timeout=WAIT)
    orders = app.window.sections["orders"]
    app.window.select_section("orders")
    assert orders.open_order(str(bought["order"]["id"]))
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice(str(bought["invoice"]["id"]))


WRONG = [7, 10**25, True, False, {"x": 1}, [1, 2], 1.5, -3]
TABLES = ("services", "orders", "invoices", "products", "categories", "credit_transactions", "notifications")


def _scramble(value, rnd: random.Random) -> None:
    """Every field but the ids (and the currency's places) replaced by a value of some wrong kind, at every depth."""
    if isinstance(value, dict):
        for key in list(value):
            inner = value[key]
            if isinstance(inner, dict | list):
                _scramble(inner, rnd)
            elif key not in ("id", "uuid", "places"):
                value[key] = rnd.choice(WRONG)
    elif isinstance(value, list):
        for inner in value:
            _scramble(inner, rnd)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_every_screen_and_record_draws_a_cache_of_wrong_kinds_everywhere(make_app, private_panel, tmp_path, qtbot,
                                                                          seed):
    proc = private_panel(tmp_path / "panel")
    shop = Shop(admin_of(proc))
    shop.settings(tickets_enabled=True)
    product = shop.product(name="Scrambled VPS")
    user = shop.user(credits="50.00")
    bought = buy(user, product["id"])
    user.data("POST", "/support/tickets", {"subject": "Help", "department": "billing", "body": "Hello there"},
              expect=201)
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"], name="Scrambled")
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    invoices.open_invoice(str(bought["invoice"]["id"]))          # its lines and payments are saved too
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)
    close(app)
    proc.stop()
    rnd = random.Random(seed)
    with sqlite3.connect(paths.account_cache(account.id)) as conn:
        for table in (*TABLES, "tickets"):
            for key, raw in conn.execute(f"SELECT id, data FROM [{table}]").fetchall():
                row = json.loads(raw)
                _scramble(row, rnd)
                conn.execute(f"UPDATE [{table}] SET data = ? WHERE id = ?", [json.dumps(row), key])
        for name in ("me", "public_settings", "dashboard", "credits", "billing_config"):
            (raw,) = conn.execute("SELECT value FROM config WHERE key = ?", [name]).fetchone()
            value = json.loads(raw)
            if name == "billing_config":
                for part in ("seller", "tax"):
                    _scramble(value.get(part) or {}, rnd)
            else:
                _scramble(value, rnd)
            if name == "public_settings":     # the screens stay: billing and support shown
                value.update(billing_enabled=True, tickets_enabled=True)
            conn.execute("UPDATE config SET value = ? WHERE key = ?", [json.dumps(value), name])

    app = make_app()
    qtbot.waitUntil(lambda: app.window.data is not None and app.window.data.account_id == account.id
                    and not app.window.data.never_synced, timeout=WAIT)
    window, data = app.window, app.window.data
    for key in ("dashboard", "store", "cart", "services", "invoices", "credits", "orders", "support"):
        window.select_section(key)
        qtbot.wait(50)
    for section, rows, opener in (("services", data.services, "open_service"),
                                  ("invoices", data.invoices, "open_invoice"),
                                  ("orders", data.orders, "open_order"),
                                  ("store", data.products, "open_product"),
                                  ("support", data.tickets, "open_ticket")):
        window.select_section(section)
        for row in rows:
            getattr(window.sections[section], opener)(str(row["id"]))
            qtbot.wait(50)
