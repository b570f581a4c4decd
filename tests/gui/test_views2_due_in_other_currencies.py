"""An account whose panel changed currency with an invoice in the old one unpaid: every "due" figure says what is
due in the other currency too (the dashboard's card, the Invoices heading, Pay all due from the menu), and the
invoice, service and order pages write each amount in the record's own currency, as the lists do. The figures
follow the invoices: paid, the other currency's words go."""
from __future__ import annotations

from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    Panel,
    canned_app,
    invoice,
    later,
    order,
    service,
    settle,
    signed_in,
)

ALSO = "also €25.00 due in another currency"


def euros(row: dict, **fields) -> dict:
    return {**row, "currency": "EUR", **fields}


def test_due_in_another_currency_is_said_beside_every_due_figure_and_follows_the_invoices(canned_app, qtbot):  # noqa: F811
    app = canned_app
    dollars = invoice(1, "pending", "10.00", order_id="o-1")
    old = euros(invoice(2, "overdue", "25.00", order_id="o-2", total="25.00"))
    session = signed_in(app, Panel({}), invoices=[dollars, old], orders=[order(1, "pending"),
                                                                          euros(order(2, "pending"), total="25.00")])
    window = app.window
    dashboard, invoices = window.sections["dashboard"], window.sections["invoices"]
    card = dashboard.cards["due"]
    assert card.value.text() == "$10.00"                 # what Pay all due pays
    assert card.caption.text() == f"2 unpaid invoices · {ALSO}"
    assert invoices.summary.text() == "1 overdue · $10.00 due"
    assert invoices.due_elsewhere.text() == f"· {ALSO}" and not invoices.due_elsewhere.isHidden()

    with open_account_cache(session.id) as cache:       # the euro invoice is paid
        cache.apply(CacheChanges(upserts={"invoices": [later(old, status="paid", balance_due="0.00",
                                                             paid_at="2026-12-06")]}))
    session.reload(ChangeSet({"invoices"}))
    settle()
    assert card.caption.text() == "1 unpaid invoice"
    assert invoices.summary.text() == "$10.00 due" and invoices.due_elsewhere.isHidden()


def test_pay_all_due_with_only_another_currency_due_says_what_is_owed(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), invoices=[euros(invoice(2, "pending", "25.00", total="25.00"))])
    dashboard = app.window.sections["dashboard"]
    assert dashboard.cards["due"].value.text() == "$0.00"
    assert dashboard.cards["due"].caption.text() == f"1 unpaid invoice · {ALSO}"
    assert dashboard.pay_all.isHidden()                  # it would pay nothing
    app.menu_actions.pay_due()
    message = app.window.statusBar().currentMessage()
    assert "Nothing is due on this account." not in message and "€25.00" in message


def test_record_pages_write_amounts_in_the_records_own_currency(canned_app, qtbot):  # noqa: F811
    app = canned_app
    old = euros(invoice(2, "pending", "25.00", order_id="o-2", total="25.00"))
    kept = euros(service(2, "suspended", "2026-12-20"), recurring_amount="25.00")
    signed_in(app, Panel({"invoice": lambda _id: old, "service_invoices": lambda _id: [old]}),
              invoices=[old], orders=[euros(order(2, "pending"), total="25.00")], services=[kept])
    window = app.window

    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("i-2")
    settle()
    fields = invoices.page.fields
    assert (fields["total"].text(), fields["balance"].text(), fields["subtotal"].text()) == ("€25.00",) * 3
    assert invoices.page.lines_model.index(0, 4).data() == "€25.00"

    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order("o-2")
    assert "Total €25.00" in orders.page.totals.text()
    assert orders.page.invoice_note.text() == "Pending · €25.00 due"
    assert "€25.00 is still due" in orders.page.unpaid.text()

    services = window.sections["services"]
    window.select_section("services")
    assert services.open_service("s-2")
    settle()
    assert services.page.fields["price"].text().startswith("€25.00")
    assert "(€25.00)" in services.page.suspension_text.text()

    recent = window.sections["dashboard"].recent_orders
    assert any("€25.00" in button.text() for button in recent.buttons)


def test_the_other_currencies_due_is_said_in_german():
    from app.core.account_data import AccountData
    from app.views.due_words import with_also_due
    from tests.support.german import speaking_german

    rows = [euros(invoice(2, "pending", "25.00", total="25.00")), {**invoice(3, "pending", "5.00"), "currency": "GBP"}]
    data = AccountData("a", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}}, invoices=rows)
    with speaking_german():
        said = with_also_due("2 offene", data).replace("\N{NO-BREAK SPACE}", " ")
    assert said == "2 offene · außerdem 25,00 € + 5,00 £ fällig in anderen Währungen"


def test_next_due_keeps_each_currency_apart(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), services=[service(1, "active", "2026-12-20"),
                                        euros(service(2, "active", "2026-12-20"), recurring_amount="25.00")])
    card = app.window.sections["dashboard"].cards["next_due"]
    assert card.caption.text() == "€25.00 + $10.00"          # not "$35.00"


def test_all_accounts_count_each_currency_on_its_own():
    from app.core.account_data import AccountData
    from app.models.all_accounts import gather
    from app.views.dashboard import summarise_all
    from app.views.invoices import unpaid_summary_all

    config = {"currency": {"code": "USD", "symbol": "$", "places": 2}}
    shop = AccountData("a", billing_config=config, last_synced_at="2026-12-06T09:00:00Z",
                       invoices=[invoice(1, "pending", "10.00"), euros(invoice(2, "overdue", "25.00", total="25.00"))])
    everything = gather([("Shop", shop)])
    assert unpaid_summary_all(everything) == "Across 1 account · 1 overdue · €25.00 + $10.00 due"
    assert summarise_all([("Shop", shop)]).due == {"USD": 10, "EUR": 25}
