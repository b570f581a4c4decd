"""Seller and buyer on invoices: the operator's details, the billing profile, and each invoice's frozen copy."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.panel.test_invoices import buy

SELLER = {"seller_name": "Sett Hosting GmbH", "seller_address_lines": ["Hauptstraße 1", "10115 Berlin"],
          "seller_country": "DE", "seller_tax_id": "DE123456789", "seller_email": "billing@sett.test"}
NO_SELLER = {"seller_name": "", "seller_address_lines": [], "seller_country": "", "seller_tax_id": "",
             "seller_email": ""}
PROFILE = {"company": "Acme Ltd", "address_lines": ["1 High Street", "London SW1A 1AA"], "country": "GB",
           "tax_id": "GB 123 4567 89"}


@pytest.fixture
def seller(admin):
    """The operator names a seller for one test, and the shared panel forgets it afterwards."""
    admin.data("PUT", "/admin/billing/settings", SELLER)
    yield
    admin.data("PUT", "/admin/billing/settings", NO_SELLER)


@pytest.fixture(scope="module")
def product(shop) -> dict:
    return shop.product(name="Parties VPS", pricing=[{"billing_cycle": "monthly", "price": "10.00"}])


def test_the_operator_sets_the_seller_in_the_billing_settings(admin, shop, seller):
    settings = admin.data("GET", "/admin/billing/settings")
    assert {k: settings[k] for k in SELLER} == SELLER
    config = shop.user().data("GET", "/billing/config")
    assert config["seller"] == {"name": "Sett Hosting GmbH", "address_lines": ["Hauptstraße 1", "10115 Berlin"],
                                "country": "DE", "tax_id": "DE123456789", "email": "billing@sett.test"}


def test_no_seller_named_answers_null(shop):
    assert shop.user().data("GET", "/billing/config")["seller"] is None


@pytest.mark.parametrize("bad", [{"seller_country": "XX"}, {"seller_country": "de"},
                                 {"seller_address_lines": ["x"] * 7}, {"seller_tax_id": "DE<script>"}])
def test_bad_seller_details_are_refused_and_change_nothing(admin, bad):
    before = admin.data("GET", "/admin/billing/settings")
    assert_error(admin.put("/admin/billing/settings", json={**SELLER, **bad}), 422, "validation_error")
    assert admin.data("GET", "/admin/billing/settings") == before


def test_profile_starts_empty_and_is_replaced_whole(shop):
    buyer = shop.user()
    assert buyer.data("GET", "/account/billing-profile") == {"company": "", "address_lines": [], "country": "",
                                                            "tax_id": ""}
    assert buyer.data("PUT", "/account/billing-profile", {**PROFILE, "company": "  Acme Ltd "}) == PROFILE
    assert buyer.data("GET", "/account/billing-profile") == PROFILE
    cleared = {"company": "", "address_lines": [], "country": "", "tax_id": ""}
    assert buyer.data("PUT", "/account/billing-profile", cleared) == cleared


@pytest.mark.parametrize("bad, field", [
    ({"country": "UK"}, "country"), ({"country": "gb"}, "country"), ({"country": 44}, "country"),
    ({"address_lines": ["a"] * 7}, "address_lines"), ({"address_lines": ["ok", "  "]}, "address_lines.1"),
    ({"address_lines": ["x" * 201]}, "address_lines.0"), ({"company": "x" * 201}, "company"),
    ({"tax_id": "-12"}, "tax_id"), ({"tax_id": "1" * 41}, "tax_id"), ({"extra": 1}, "extra"),
])
def test_a_bad_profile_is_a_422_per_field_and_changes_nothing(shop, bad, field):
    buyer = shop.user()
    buyer.data("PUT", "/account/billing-profile", PROFILE)
    error = assert_error(buyer.put("/account/billing-profile", json={**PROFILE, **bad}), 422, "validation_error")
    assert field in error["details"], error
    assert buyer.data("GET", "/account/billing-profile") == PROFILE


def test_a_missing_field_is_an_error_not_a_keep(shop):
    buyer = shop.user()
    body = {k: v for k, v in PROFILE.items() if k != "tax_id"}
    assert "tax_id" in assert_error(buyer.put("/account/billing-profile", json=body), 422,
                                    "validation_error")["details"]


def test_an_invoice_keeps_seller_and_buyer_as_they_were_at_issue(admin, shop, product, seller):
    buyer = shop.user(credits="100.00", first_name="Ada", last_name="Lovelace")
    buyer.data("PUT", "/account/billing-profile", PROFILE)
    buy(buyer, product)
    [old] = buyer.data("GET", "/billing/invoices")
    detail = buyer.data("GET", f"/billing/invoices/{old['id']}")
    assert detail["seller"] == {"name": "Sett Hosting GmbH", "address_lines": ["Hauptstraße 1", "10115 Berlin"],
                                "country": "DE", "tax_id": "DE123456789", "email": "billing@sett.test"}
    assert detail["buyer"] == {**PROFILE, "name": "Ada Lovelace", "email": buyer.user["email"]}

    moved = {**PROFILE, "company": "Acme Group plc", "address_lines": ["2 New Road"]}
    buyer.data("PUT", "/account/billing-profile", moved)
    admin.data("PUT", "/admin/billing/settings", {"seller_name": "Sett Hosting AG", "seller_country": "CH"})
    buy(buyer, product)
    new = next(r for r in buyer.data("GET", "/billing/invoices") if r["id"] != old["id"])
    fresh = buyer.data("GET", f"/billing/invoices/{new['id']}")
    assert (fresh["buyer"]["company"], fresh["buyer"]["address_lines"]) == ("Acme Group plc", ["2 New Road"])
    assert (fresh["seller"]["name"], fresh["seller"]["country"]) == ("Sett Hosting AG", "CH")
    again = buyer.data("GET", f"/billing/invoices/{old['id']}")
    assert (again["seller"], again["buyer"]) == (detail["seller"], detail["buyer"])


def test_without_a_seller_or_profile_an_invoice_names_the_account(shop, product):
    buyer = shop.user(credits="50.00", first_name="Bo", last_name="")
    buy(buyer, product)
    [row] = buyer.data("GET", "/billing/invoices")
    detail = buyer.data("GET", f"/billing/invoices/{row['id']}")
    assert detail["seller"] is None
    assert detail["buyer"] == {"company": "", "address_lines": [], "country": "", "tax_id": "", "name": "Bo",
                               "email": buyer.user["email"]}


def test_the_profile_needs_a_login(anon):
    assert_error(anon.get("/account/billing-profile"), 401, "unauthorized")


def test_saving_a_profile_moves_the_sync_version(shop):
    buyer = shop.user()
    before = buyer.data("GET", "/sync/state")["version"]
    buyer.data("PUT", "/account/billing-profile", PROFILE)
    assert buyer.data("GET", "/sync/state")["version"] != before
