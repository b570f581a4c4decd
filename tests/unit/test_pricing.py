"""The pricing rules of panel-api.md, each with its worked numbers written out."""

from decimal import Decimal as D

import pytest

from app.core.pricing import (
    NO_TAX,
    RESOURCE_KEYS,
    Coupon,
    Line,
    PricingError,
    TaxRule,
    compute_tax,
    coupon_discount,
    coupon_matches,
    cycle_price,
    eligible_product_ids,
    price_item,
    quote,
    quote_lines,
    recurring_price,
    resolve_config,
)


def product(pid="p-fixed", name="Pro VPS", pricing_type="fixed", pricing=None, ranges=None, **resources):
    return {
        "id": pid,
        "name": name,
        "pricing_type": pricing_type,
        "pricing": pricing or [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}],
        "config_ranges": ranges,
        "resources": {"memory": 2048, "disk": 20480, "cpu": 100, **resources},
    }


FIXED = product(pricing=[
    {"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"},
    {"billing_cycle": "annual", "price": 100, "setup_fee": 0},  # numbers, as the BadgerPanel front end sends
])
RAM = product("p-ram", "RAM Box", "per_gb_memory",
              [{"billing_cycle": "monthly", "price": "2.50", "setup_fee": "0"}], memory=3072)
DISK = product("p-disk", "Storage", "per_gb_disk",
               [{"billing_cycle": "monthly", "price": "0.10", "setup_fee": None}], disk=51200)
RANGES = {
    "memory": {"min": 1024, "max": 16384, "step": 1024, "unit_price": "1.25"},
    "disk": {"min": 10240, "max": 102400, "step": 10240, "unit_price": "0.05"},
    "cpu": {"min": 100, "max": 800, "step": 50, "unit_price": "2.00"},
}
CUSTOM = product("p-custom", "Custom VPS", "configurable", [
    {"billing_cycle": "monthly", "price": "5.00", "setup_fee": "0"},
    {"billing_cycle": "quarterly", "price": "5.00", "setup_fee": "0"},
], RANGES, memory=4096, disk=51200, cpu=200)
CHOICE = {"memory": 4096, "disk": 51200, "cpu": 200}


def line(amount, pid="p1", kind="recurring", qty=1):
    return Line(kind, pid, "x", "monthly", qty, D(amount), D(amount) * qty)


# --- Catalogue: recurring price per pricing type ---------------------------------------------------

def test_fixed_price_is_the_cycle_price():
    assert recurring_price(FIXED, "monthly", None) == D("10.00")
    assert cycle_price(FIXED, "monthly") == (D("10.00"), D("5.00"))
    assert cycle_price(FIXED, "annual") == (D("100"), D("0"))


def test_per_gb_memory():
    # 2.50 per GB x 3072 MB (= 3 GB) = 7.50
    assert recurring_price(RAM, "monthly", None) == D("7.50")


def test_per_gb_disk_and_missing_setup_fee():
    # 0.10 per GB x 51200 MB (= 50 GB) = 5.00; setup_fee null counts as 0
    assert recurring_price(DISK, "monthly", None) == D("5.00")
    assert cycle_price(DISK, "monthly") == (D("0.10"), D("0"))


def test_per_gb_uses_the_chosen_size_when_the_product_has_a_range():
    ram = dict(RAM, config_ranges={"memory": {"min": 1024, "max": 8192, "step": 512, "unit_price": "0"}})
    # 2.50 x 1536 MB (= 1.5 GB) = 3.75
    assert recurring_price(ram, "monthly", {"memory": 1536}) == D("3.75")


def test_per_gb_price_is_unrounded_then_the_line_rounds_half_up():
    odd = dict(RAM, pricing=[{"billing_cycle": "monthly", "price": "0.15", "setup_fee": "0"}],
               resources={"memory": 1536})
    # 0.15 x 1.5 GB = 0.225 exactly; the line rounds half-up to 0.23
    assert recurring_price(odd, "monthly", None) == D("0.225")
    assert price_item(odd, "monthly", None, 1, 2)[0].unit_price == D("0.23")


def test_configurable_quarterly():
    # base 5.00
    # + memory 4096 MB = 4 GB x 1.25 /GB/month x 3 months = 15.00
    # + disk 51200 MB = 50 GB x 0.05 /GB/month x 3 months =  7.50
    # + cpu 200 % = 2 cores x 2.00 /core/month x 3 months  = 12.00
    # = 39.50
    assert recurring_price(CUSTOM, "quarterly", CHOICE) == D("39.50")


def test_configurable_monthly_with_fractional_cores():
    # 5.00 + 2 GB x 1.25 + 20 GB x 0.05 + 1.5 cores x 2.00 = 5.00 + 2.50 + 1.00 + 3.00 = 11.50
    assert recurring_price(CUSTOM, "monthly", {"memory": 2048, "disk": 20480, "cpu": 150}) == D("11.50")


def test_configurable_only_prices_its_ranges():
    only_ram = dict(CUSTOM, config_ranges={"memory": RANGES["memory"]})
    # 5.00 + 8 GB x 1.25 x 1 = 15.00; disk and cpu are fixed by the product and cost nothing extra
    assert recurring_price(only_ram, "monthly", {"memory": 8192}) == D("15.00")


# --- resolve_config ---------------------------------------------------------------------------------

def test_resolve_config_uses_given_values():
    assert resolve_config(CUSTOM, CHOICE) == CHOICE


def test_resolve_config_defaults_to_resources_when_buyable():
    assert resolve_config(CUSTOM, None) == {"memory": 4096, "disk": 51200, "cpu": 200}
    assert resolve_config(CUSTOM, {"cpu": 300, "memory": None}) == {"memory": 4096, "disk": 51200, "cpu": 300}


def test_resolve_config_defaults_to_min_when_resources_are_off_range_or_off_step():
    odd = dict(CUSTOM, resources={"memory": 1500, "disk": 999999, "cpu": True})
    # 1500 is off the 1024-step, 999999 is above max, True is not a size: all fall back to min
    assert resolve_config(odd, {}) == {"memory": 1024, "disk": 10240, "cpu": 100}


def test_resolve_config_without_ranges_is_empty():
    assert resolve_config(FIXED, None) == {}
    assert resolve_config(dict(FIXED, config_ranges={}), {}) == {}


def test_resource_keys():
    assert RESOURCE_KEYS == ("memory", "disk", "cpu")


# --- every PricingError ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("prod", "cycle", "config", "field"),
    [
        (FIXED, "quarterly", None, "billing_cycle"),  # a cycle the product does not sell
        (FIXED, "weekly", None, "billing_cycle"),  # not a cycle at all
        (CUSTOM, "monthly", {"memory": 512}, "config.memory"),  # below min
        (CUSTOM, "monthly", {"memory": 17408}, "config.memory"),  # above max
        (CUSTOM, "monthly", {"memory": 1536}, "config.memory"),  # off step: (1536-1024) % 1024 != 0
        (CUSTOM, "monthly", {"cpu": 125}, "config.cpu"),  # off step: (125-100) % 50 != 0
        (CUSTOM, "monthly", {"disk": 0}, "config.disk"),
        (CUSTOM, "monthly", {"swap": 512}, "config.swap"),  # not a choosable key
        (dict(CUSTOM, config_ranges={"memory": RANGES["memory"]}), "monthly", {"cpu": 200}, "config.cpu"),
        (FIXED, "monthly", {"memory": 2048}, "config.memory"),  # a fixed product has no choices
        (CUSTOM, "monthly", {"memory": "4096"}, "config.memory"),  # non-integer values
        (CUSTOM, "monthly", {"memory": 4096.0}, "config.memory"),
        (CUSTOM, "monthly", {"memory": 4096.5}, "config.memory"),
        (CUSTOM, "monthly", {"cpu": True}, "config.cpu"),  # bools are not integers
        (dict(FIXED, pricing_type="per_core"), "monthly", None, "pricing_type"),
        (dict(RAM, resources={}), "monthly", None, "config.memory"),  # per-GB with no size to price
    ],
)
def test_pricing_errors(prod, cycle, config, field):
    with pytest.raises(PricingError) as info:
        recurring_price(prod, cycle, config)
    assert info.value.field == field
    assert str(info.value) == info.value.message
    assert info.value.message


def test_range_error_message_is_readable():
    with pytest.raises(PricingError) as info:
        resolve_config(CUSTOM, {"memory": 1536})
    assert info.value.message == "Memory must be from 1024 MB to 16384 MB in steps of 1024 MB"


@pytest.mark.parametrize("qty", [0, -1, 101, True, "2", 2.0])
def test_quantity_errors(qty):
    with pytest.raises(PricingError) as info:
        price_item(FIXED, "monthly", None, qty, 2)
    assert info.value.field == "quantity"


def test_quantity_limits_are_inclusive():
    assert price_item(FIXED, "monthly", None, 1, 2)[0].amount == D("10.00")
    assert price_item(FIXED, "monthly", None, 100, 2)[0].amount == D("1000.00")


def test_pricing_error_is_a_value_error_and_unknown_coupon_type_is_refused():
    assert issubclass(PricingError, ValueError)
    with pytest.raises(PricingError):
        Coupon("X", "bogus", D("1"))


# --- price_item -------------------------------------------------------------------------------------

def test_price_item_fixed_with_setup_fee_and_quantity():
    rec, setup = price_item(FIXED, "monthly", None, 3, 2)
    assert rec == Line("recurring", "p-fixed", "Pro VPS (Monthly)", "monthly", 3, D("10.00"), D("30.00"), {})
    # the setup fee is charged once per service bought: 3 x 5.00 = 15.00
    assert setup == Line("setup", "p-fixed", "Setup fee: Pro VPS", "monthly", 3, D("5.00"), D("15.00"), {})


def test_price_item_without_setup_fee_has_one_line():
    assert [ln.kind for ln in price_item(FIXED, "annual", None, 1, 2)] == ["recurring"]


def test_price_item_configurable_description_and_config():
    [rec] = price_item(CUSTOM, "monthly", CHOICE, 1, 2)
    assert rec.description == "Custom VPS (Monthly): 4 GB RAM, 50 GB disk, 2 vCPU"
    assert rec.config == CHOICE
    # 5.00 + 4 x 1.25 + 50 x 0.05 + 2 x 2.00 = 5.00 + 5.00 + 2.50 + 4.00 = 16.50
    assert rec.unit_price == rec.amount == D("16.50")


def test_price_item_human_sizes():
    ram = dict(RAM, config_ranges={"memory": {"min": 512, "max": 8192, "step": 1, "unit_price": "0"}})
    def words(mb):
        return price_item(ram, "monthly", {"memory": mb}, 1, 2)[0].description

    assert words(1536) == "RAM Box (Monthly): 1.5 GB RAM"
    assert words(512) == "RAM Box (Monthly): 512 MB RAM"
    assert words(1000) == "RAM Box (Monthly): 1000 MB RAM"
    [rec] = price_item(CUSTOM, "quarterly", {"cpu": 150}, 1, 2)
    assert rec.description == "Custom VPS (Quarterly): 4 GB RAM, 50 GB disk, 1.5 vCPU"


def test_price_item_per_gb_describes_the_priced_size():
    [rec] = price_item(RAM, "monthly", None, 2, 2)
    assert rec.description == "RAM Box (Monthly): 3 GB RAM"
    assert (rec.unit_price, rec.amount, rec.config) == (D("7.50"), D("15.00"), {})


# --- coupons ----------------------------------------------------------------------------------------

def test_percent_coupon_rounds_half_up_at_half_a_cent():
    # 10% of 15.25 = 1.525 -> 1.53 (half-even would give 1.52)
    assert coupon_discount([line("15.25")], Coupon("TEN", "percent", D("10")), 2) == D("1.53")


def test_fixed_coupon_larger_than_the_eligible_sum():
    # min(50.00, 12.00) = 12.00
    assert coupon_discount([line("12.00")], Coupon("BIG", "fixed", D("50.00")), 2) == D("12.00")
    assert coupon_discount([line("12.00")], Coupon("SMALL", "fixed", "3.5"), 2) == D("3.50")


def test_coupon_restricted_to_another_product_discounts_nothing():
    lines = [line("10.00", pid="p1")]
    other = Coupon("OTHER", "percent", D("50"), frozenset({"p2"}))
    assert coupon_discount(lines, other, 2) == D("0.00")
    assert not coupon_matches(lines, other)


def test_coupon_restricted_to_one_product_in_a_mixed_cart():
    lines = [line("10.00", pid="p1"), line("20.00", pid="p2")]
    only_p2 = Coupon("P2", "percent", D("25"), frozenset({"p2"}))
    # 25% of the p2 line only: 25% x 20.00 = 5.00
    assert coupon_discount(lines, only_p2, 2) == D("5.00")
    assert coupon_matches(lines, only_p2)
    assert only_p2.applies_to("p2") and not only_p2.applies_to("p1") and not only_p2.applies_to(None)
    assert Coupon("ALL", "fixed", D("1")).applies_to("anything")


def test_coupon_never_negative_nor_above_the_sum_and_zero_without_coupon():
    lines = [line("10.00")]
    assert coupon_discount(lines, Coupon("NEG", "fixed", D("-5")), 2) == D("0.00")
    assert coupon_discount(lines, Coupon("HUGE", "percent", D("150")), 2) == D("10.00")
    assert coupon_discount(lines, None, 2) == D("0.00")
    assert not coupon_matches(lines, None)


def test_setup_fee_is_not_discounted_but_is_taxed():
    # lines: 10.00 recurring + 5.00 setup = subtotal 15.00
    # 50% coupon applies to the 10.00 recurring line only: discount 5.00
    # taxable 15.00 - 5.00 = 10.00; 20% exclusive tax = 2.00; total 12.00
    q = quote([(FIXED, "monthly", None, 1)], places=2, tax=TaxRule(True, D("20"), False),
              coupon=Coupon("HALF", "percent", D("50")))
    assert (q.subtotal, q.discount, q.tax_amount, q.total) == (D("15.00"), D("5.00"), D("2.00"), D("12.00"))
    # a coupon that only sees setup lines matches nothing
    assert not coupon_matches([line("5.00", kind="setup")], Coupon("ANY", "fixed", D("1")))


def test_eligible_product_ids_skips_setup_lines():
    lines = [line("1", pid="a"), line("1", pid="b", kind="setup"), line("1", pid=None)]
    assert eligible_product_ids(lines) == {"a"}


# --- tax ---------------------------------------------------------------------------------------------

def test_exclusive_tax_rounds_half_up():
    twenty = TaxRule(True, D("20"), False)
    # 12.345 x 20 / 100 = 2.469 -> 2.47
    assert compute_tax(D("12.345"), twenty, 2) == D("2.47")
    # 12.325 x 20 / 100 = 2.465 -> 2.47 (half-up, not 2.46)
    assert compute_tax(D("12.325"), twenty, 2) == D("2.47")


def test_inclusive_tax_extraction():
    nineteen = TaxRule(True, D("19"), True)
    # 119.00 x 19 / 119 = 19.00
    assert compute_tax(D("119.00"), nineteen, 2) == D("19.00")
    # 10.00 x 19 / 119 = 1.5966... -> 1.60
    assert compute_tax(D("10.00"), nineteen, 2) == D("1.60")
    q = quote_lines([line("10.00")], places=2, tax=nineteen)
    # inclusive: the total is the subtotal; the tax is the part inside it
    assert (q.subtotal, q.tax_rate, q.tax_amount, q.tax_inclusive, q.total) == (
        D("10.00"), D("19"), D("1.60"), True, D("10.00"))


def test_disabled_tax():
    assert compute_tax(D("100"), TaxRule(False, D("20"), False), 2) == D("0.00")
    assert compute_tax(D("100"), NO_TAX, 2) == D("0.00")
    q = quote_lines([line("10.00")], places=2, tax=TaxRule(False, "20", True))
    assert (q.tax_rate, q.tax_amount, q.tax_inclusive, q.total) == (D("0"), D("0.00"), False, D("10.00"))


def test_exclusive_quote_rounds_the_line_then_taxes():
    twelve = dict(FIXED, pricing=[{"billing_cycle": "monthly", "price": "12.345", "setup_fee": "0"}])
    # line 12.345 -> 12.35; tax 20% x 12.35 = 2.47; total 14.82
    q = quote([(twelve, "monthly", None, 1)], places=2, tax=TaxRule(True, "20", False))
    assert (q.subtotal, q.tax_rate, q.tax_amount, q.total) == (D("12.35"), D("20"), D("2.47"), D("14.82"))


# --- credits ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("balance", "use", "applied", "due"),
    [
        ("5.00", True, "5.00", "7.00"),  # smaller than the 12.00 total
        ("20.00", True, "12.00", "0.00"),  # larger: only the total is taken
        ("12.00", True, "12.00", "0.00"),
        ("0", True, "0.00", "12.00"),
        ("-3.00", True, "0.00", "12.00"),  # a negative balance never adds to the bill
        ("20.00", False, "0.00", "12.00"),  # the buyer opted out
    ],
)
def test_credits(balance, use, applied, due):
    q = quote_lines([line("12.00")], places=2, credit_balance=D(balance), use_credits=use)
    assert (q.total, q.credits_applied, q.due_now) == (D("12.00"), D(applied), D(due))


# --- currencies with 0 and 3 places -----------------------------------------------------------------

def test_zero_places():
    yen = dict(FIXED, pricing=[{"billing_cycle": "monthly", "price": "1250.5", "setup_fee": "300"}])
    # line 1250.5 -> 1251; setup 300; subtotal 1551; 10% coupon on 1251 = 125.1 -> 125
    # taxable 1426; 10% tax = 142.6 -> 143; total 1569; credits 1000 -> due 569
    q = quote([(yen, "monthly", None, 1)], places=0, tax=TaxRule(True, "10", False),
              coupon=Coupon("TEN", "percent", "10"), credit_balance=D("1000"))
    assert [str(ln.amount) for ln in q.lines] == ["1251", "300"]
    totals = (q.subtotal, q.discount, q.tax_amount, q.total, q.credits_applied, q.due_now)
    assert [str(v) for v in totals] == ["1551", "125", "143", "1569", "1000", "569"]


def test_three_places():
    kwd = dict(CUSTOM, pricing=[{"billing_cycle": "monthly", "price": "1.2345", "setup_fee": "0"}],
               config_ranges={"memory": {"min": 1024, "max": 4096, "step": 1024, "unit_price": "0.1005"}})
    # 1.2345 + 2 GB x 0.1005 x 1 = 1.4355 -> 1.436 (half-up); x 2 = 2.872
    # fixed coupon 0.5 -> 0.500; taxable 2.372; 5% = 0.1186 -> 0.119; total 2.491
    q = quote([(kwd, "monthly", {"memory": 2048}, 2)], places=3, tax=TaxRule(True, "5", False),
              coupon=Coupon("OFF", "fixed", "0.5"))
    assert str(q.lines[0].unit_price) == "1.436"
    assert [str(v) for v in (q.subtotal, q.discount, q.tax_amount, q.total, q.due_now)] == [
        "2.872", "0.500", "0.119", "2.491", "2.491"]


# --- a whole cart -----------------------------------------------------------------------------------

def test_quote_of_a_mixed_cart():
    # Pro VPS monthly 10.00 + setup 5.00; RAM Box 2 x 7.50 = 15.00; Custom VPS quarterly 39.50
    # subtotal 10.00 + 5.00 + 15.00 + 39.50 = 69.50
    # coupon 10% on Custom VPS only: 3.95; taxable 65.55; 20% tax = 13.11; total 78.66
    # credits 8.66 -> due 70.00
    q = quote(
        [(FIXED, "monthly", None, 1), (RAM, "monthly", None, 2), (CUSTOM, "quarterly", CHOICE, 1)],
        places=2, tax=TaxRule(True, D("20"), False),
        coupon=Coupon("CUSTOM10", "percent", D("10"), frozenset({"p-custom"})), credit_balance=D("8.66"),
    )
    assert [(ln.kind, ln.product_id, ln.amount) for ln in q.lines] == [
        ("recurring", "p-fixed", D("10.00")), ("setup", "p-fixed", D("5.00")),
        ("recurring", "p-ram", D("15.00")), ("recurring", "p-custom", D("39.50")),
    ]
    assert (q.subtotal, q.discount, q.tax_rate, q.tax_amount, q.tax_inclusive) == (
        D("69.50"), D("3.95"), D("20"), D("13.11"), False)
    assert (q.total, q.credits_applied, q.due_now) == (D("78.66"), D("8.66"), D("70.00"))


def test_empty_quote_is_all_zero():
    q = quote([], places=2)
    assert q.lines == ()
    assert all(str(v) == "0.00" for v in (q.subtotal, q.discount, q.tax_amount, q.total, q.due_now))
