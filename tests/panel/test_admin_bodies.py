"""Operators' bodies take the types the contract writes, and their answers write money as the contract does: a
wrong type is a 422 naming the field that changes nothing, never a value read some other way (`true` as one day,
"1e3" stored and shown back as "1E+3")."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    from tests.support.panel import PanelProcess

    proc = PanelProcess(tmp_path_factory.mktemp("admin-bodies")).start()  # with a test clock
    yield admin_of(proc)
    proc.stop()


@pytest.mark.parametrize("change", [
    {"auto_suspend_days": True}, {"auto_terminate_days": 3.0}, {"renewal_days_before": "7"},
    {"currency_places": "2"}, {"top_up_max": "1e3"}, {"top_up_min": "5E0"}, {"tax_rate": "1e1"},
    {"tax_rate": True}, {"top_up_max": None},
])
def test_settings_of_the_wrong_type_are_refused_and_change_nothing(admin, change):
    before = admin.data("GET", "/admin/billing/settings")
    [(field, _)] = change.items()
    error = assert_error(admin.put("/admin/billing/settings", json=change), 422, "validation_error")
    assert list(error["details"]) == [field]
    assert admin.data("GET", "/admin/billing/settings") == before


def test_settings_take_numbers_and_amounts_as_the_contract_writes_them(admin):
    admin.data("PUT", "/admin/billing/settings", {"auto_suspend_days": 5, "tax_rate": 20.5, "top_up_max": "500.00",
                                                  "top_up_min": 2})
    after = admin.data("GET", "/admin/billing/settings")
    assert (after["auto_suspend_days"], after["tax_rate"], after["top_up_max"], after["top_up_min"]) == (
        5, "20.5", "500.00", "2")


@pytest.mark.parametrize("days", ["1", True, 1.0, 0, 3661])
def test_the_test_clock_moves_only_by_a_whole_number_of_days(admin, days):
    before = _moment(admin.data("POST", "/admin/clock/advance", {"days": 1})["now"])
    assert_error(admin.post("/admin/clock/advance", {"days": days}), 422, "validation_error")
    after = _moment(admin.data("POST", "/admin/clock/advance", {"days": 1})["now"])
    assert timedelta(days=1) <= after - before < timedelta(days=1, minutes=1)  # only the good request moved it


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_the_users_list_writes_every_balance_with_the_currencys_places(admin):
    shop = Shop(admin)
    never, credited = shop.user(), shop.user(credits="7.5")
    balances = {u["email"]: u["credit_balance"]
                for u in admin.data("GET", "/admin/users", params={"per_page": 100})}
    assert balances[never.user["email"]] == "0.00" and balances[credited.user["email"]] == "7.50"


def test_the_users_list_shows_when_each_row_changed_so_updated_since_can_be_followed(admin):
    """The list filters on `updated_since` like every list, so its rows carry `updated_at` (and `created_at`)."""
    shop = Shop(admin)
    buyer = shop.user()
    row = next(u for u in admin.data("GET", "/admin/users", params={"per_page": 100})
               if u["id"] == buyer.user["id"])
    assert row["created_at"].endswith("Z") and row["updated_at"] >= row["created_at"]
    admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "2.00"}, expect=201)
    changed = admin.data("GET", "/admin/users", params={"updated_since": row["updated_at"], "per_page": 100})
    (again,) = [u for u in changed if u["id"] == buyer.user["id"]]
    assert again["updated_at"] > row["updated_at"] and again["credit_balance"] == "2.00"
