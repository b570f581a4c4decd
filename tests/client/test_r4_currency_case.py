"""A currency code is one currency however the panel spells it: "usd" on a "USD" account is the account's own
currency. Before, exports made two totals of "usd" and "USD", the figures over an account's invoices counted an
invoice in "usd" as due in another currency, and a record page wrote its amounts as "10.00 usd". Answers are read
with codes in one spelling (app.api.validate), and what a cache kept from before compares the same."""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from app.api.validate import checked, checked_rows
from app.core.account_data import AccountData
from app.core.invoice_facts import invoice_facts
from app.core.money import currency_code, same_currency
from app.core.pay_due import payable_invoice_ids
from app.exports.records import AccountRecords
from app.exports.table import build_table
from app.features.checkout import _currency_of
from app.models.row_money import own_currency_money, row_money
from tests.gui import samples

USD = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}}


def invoice(iid: str, currency: str | None, due: str, status: str = "pending") -> dict:
    return {"id": iid, "invoice_number": f"INV-{iid}", "status": status, "kind": "order",
            "issue_date": "2026-01-05", "due_date": "2026-01-05", "paid_at": "2026-01-06T08:00:00Z",
            "subtotal": due, "tax_amount": "0.00", "total": due, "balance_due": due if status != "paid" else "0.00",
            "currency": currency}


MIXED = [invoice("1", "USD", "10.00"), invoice("2", "usd", "5.00"), invoice("3", " Usd ", "1.00"),
         invoice("4", "eur", "25.00"), invoice("5", "EUR", "2.00"),
         invoice("6", "usd", "7.00", "paid"), invoice("7", "USD", "3.00", "paid")]


def test_codes_have_one_spelling():
    assert currency_code(" usd ") == currency_code("USD") == "USD"
    assert currency_code(None) == "" and currency_code("") == ""
    assert currency_code("zł") == "zł"            # not a code: left as sent, never guessed at
    assert same_currency("eur", "EUR") and not same_currency("EUR", "USD")


@pytest.mark.parametrize("account_code", ["USD", "usd"])
def test_an_invoice_in_usd_is_due_in_the_accounts_usd(account_code):
    facts = invoice_facts(MIXED, account_code)
    assert facts.due == Decimal("16.00")
    assert facts.due_elsewhere == {"EUR": Decimal("27.00")}
    assert facts.paid_by_month == {"USD": {"2026-01": Decimal("10.00")}}
    assert set(payable_invoice_ids(facts.unpaid, account_code)) == {"1", "2", "3"}


def test_an_account_whose_saved_config_says_usd_is_in_usd():
    data = AccountData("a", billing_config={**USD, "currency": {"code": "usd", "symbol": "$", "places": 2}},
                       invoices=MIXED)
    assert data.currency_code == "USD"
    assert data.invoice_facts.due == Decimal("16.00") and set(data.payable_ids) == {"1", "2", "3"}


def test_an_export_totals_usd_and_USD_as_one_currency():
    account = AccountRecords("a-1", "Dollars", "usd", 2, copy.deepcopy(MIXED))
    table = build_table("invoices", [account])
    assert list(table.totals) == ["EUR", "USD"]
    assert table.totals["USD"]["total"] == Decimal("26.00")
    assert table.totals["EUR"]["total"] == Decimal("27.00")
    currency_at = next(i for i, c in enumerate(table.columns) if c.key == "currency")
    assert {row[currency_at] for row in table.rows} == {"USD", "EUR"}
    assert table.places == {"USD": 2, "EUR": 2}


def test_a_record_pages_money_is_the_accounts_when_the_code_differs_only_in_case():
    data = AccountData("a", billing_config=USD)
    assert own_currency_money(data.money, {"currency": "usd"})("10.00") == "$10.00"
    assert row_money(data.money)({"currency": " usd", "total": "5.00"}, "total") == "$5.00"
    assert own_currency_money(data.money, {"currency": "eur"})("10.00") == "€10.00"


def test_the_invoice_page_writes_a_usd_invoice_in_dollars(qtbot):
    from app.views.invoice_page import InvoicePage

    page = InvoicePage()
    qtbot.addWidget(page)
    row = {**copy.deepcopy(samples.INVOICES[2]), "currency": "usd", "total": "12.00", "balance_due": "12.00"}
    page.show_invoice(row, AccountData("a", billing_config={**samples.BILLING_CONFIG, **USD}))
    assert page.fields["total"].text() == "$12.00"
    assert page.fields["balance"].text() == "$12.00"


def test_answers_are_read_with_codes_in_one_spelling():
    rows = checked_rows("invoices", "Invoice", [invoice("1", "usd", "1.00"), invoice("2", " Eur", "2.00")])
    assert [row["currency"] for row in rows] == ["USD", "EUR"]
    config = checked("billing_config", "BillingConfig", {"currency": {"code": "usd", "symbol": "kr", "places": 2}})
    assert config["currency"] == {"code": "USD", "symbol": "kr", "places": 2}    # a symbol stays as sent
    credits = checked("credits", "Credits", {"enabled": True, "balance": "1.00", "currency": "usd"})
    assert credits["currency"] == "USD"
    service = checked("service", "Service", {"id": "s-1", "currency": "gbp", "status": "active"})
    assert service["currency"] == "GBP" and service["status"] == "active"


def test_the_checkouts_review_reads_a_usd_invoice_as_the_accounts_currency():
    assert _currency_of({"invoices": [{"currency": "usd"}]}, "invoice") == "USD"
    assert _currency_of({"preview": {"currency": " eur"}}, "order") == "EUR"


def test_rows_a_cache_kept_from_before_read_back_in_one_spelling(tmp_path):
    from app.cache import AccountCache, CacheChanges

    with AccountCache(tmp_path / "cache.sqlite3") as cache:       # written as an older Sett wrote answers
        cache.apply(CacheChanges(upserts={"services": [{"id": "s-1", "status": "active", "currency": "usd",
                                                        "recurring_amount": "10.00"}],
                                          "invoices": [{**invoice("1", "usd", "5.00"), "coupon_code": "save10"}]},
                                 config={"billing_config": {"currency": {"code": "usd", "symbol": "kr", "places": 2}}}))
        assert cache.service("s-1")["currency"] == "USD"
        assert cache.invoice("1")["currency"] == "USD"
        assert cache.config("billing_config")["currency"] == {"code": "USD", "symbol": "kr", "places": 2}
        assert cache.invoice("1")["coupon_code"] == "save10"             # only currency codes change
