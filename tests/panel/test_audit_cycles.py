"""Contract audit of the six billing cycles ("one_time, monthly, quarterly, semi_annual, annual, biennial (months: 1, 1,
3, 6, 12, 24; one_time never renews)"): a configurable price counts the cycle's months, one_time as one; a service
bought on each is due that many months on, a one_time service never; and `?status=` on services. Shared panel."""
from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import buy

MONTHS = {"one_time": 1, "monthly": 1, "quarterly": 3, "semi_annual": 6, "annual": 12, "biennial": 24}


def months_on(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@pytest.fixture(scope="module")
def by_the_gb(shop) -> dict:
    """Base 1.00 a cycle plus 0.75 per GB of memory per month, on every cycle."""
    return shop.product(pricing_type="configurable",
                        pricing=[{"billing_cycle": c, "price": "1.00", "setup_fee": "0.00"} for c in MONTHS],
                        config_ranges={"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "0.75"}})


def test_the_config_lists_the_six_cycles_in_order(shop):
    assert shop.user().data("GET", "/billing/config")["billing_cycles"] == list(MONTHS)


@pytest.mark.parametrize("cycle", list(MONTHS))
def test_a_configurable_price_counts_the_cycles_months(shop, by_the_gb, cycle):
    quote = shop.user().data("POST", "/billing/checkout/preview", {"items": [
        {"product_id": by_the_gb["id"], "billing_cycle": cycle, "config": {"memory": 3072}}]})
    expected = Decimal("1.00") + 3 * Decimal("0.75") * MONTHS[cycle]
    assert Decimal(quote["lines"][0]["unit_price"]) == expected, quote["lines"][0]
    assert quote["lines"][0]["unit_price"] == f"{expected:.2f}"


@pytest.mark.parametrize("cycle", list(MONTHS))
def test_a_service_is_due_its_cycles_months_on_and_one_time_never(shop, by_the_gb, cycle):
    buyer = shop.user(credits="200.00")
    placed = buy(buyer, by_the_gb["id"], cycle, config={"memory": 1024})
    (service_id,) = placed["order"]["service_ids"]
    service = buyer.data("GET", f"/billing/services/{service_id}")
    assert (service["status"], service["billing_cycle"]) == ("active", cycle)
    bought = date.fromisoformat(placed["invoice"]["issue_date"])
    expected = None if cycle == "one_time" else months_on(bought, MONTHS[cycle]).isoformat()
    assert service["next_due_date"] == expected
    assert Decimal(service["recurring_amount"]) == Decimal("1.00") + Decimal("0.75") * MONTHS[cycle]


def test_services_filter_by_one_status_or_several(shop, by_the_gb):
    buyer = shop.user(credits="50.00")
    active = buy(buyer, by_the_gb["id"], "monthly")["order"]["service_ids"][0]
    assert [s["id"] for s in buyer.data("GET", "/billing/services?status=active")] == [active]
    assert buyer.data("GET", "/billing/services?status=suspended") == []
    assert [s["id"] for s in buyer.data("GET", "/billing/services?status=suspended,active")] == [active]
    for bad in ("running", "ACTIVE", "active,nope"):
        assert list(assert_error(buyer.get(f"/billing/services?status={bad}"), 422, "validation_error")["details"]) \
            == ["status"]
