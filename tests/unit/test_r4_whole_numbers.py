"""One reader of whole numbers (app.core.whole_numbers) for the screens' counts and sizes, the formatting of sizes
and CPU shares, the product's size ranges and the cache's sort columns. The three readers before disagreed: the
screens' refused 1024.0, the formatting's wrote 1.5 MB as "1 MB" and read "١٢" as 12, pricing's read "1e3" as 1000."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.cache.rows import TABLES, table_row
from app.core import formatting, pricing
from app.core.whole_numbers import SIZE_LIMIT, whole, whole_size
from app.views import shapes

WHOLE = [(4096, 4096), ("4096", 4096), (" 4096 ", 4096), ("1024.0", 1024), (1024.0, 1024), (Decimal("1024.00"), 1024),
         ("-5", -5), ("+5", 5), (0, 0), (10**30, 10**30)]
NOT_WHOLE = [True, False, None, 1.5, "1.5", Decimal("1.5"), "lots", "", "1e3", "1_000", "\u0661\u0662", "\xb2",
             "\uff11", float("nan"), float("inf"), Decimal("NaN"), Decimal("Infinity"), Decimal("1E+999999999"),
             "9" * 500, 10**50, [4096], {"mb": 4096}, "0x10"]


@pytest.mark.parametrize("value, number", WHOLE)
def test_whole_numbers_however_written_are_read(value, number):
    assert whole(value) == number
    assert shapes.whole(value) == number        # the screens read them as app.core does


@pytest.mark.parametrize("value", NOT_WHOLE)
def test_anything_else_is_no_number(value):
    assert whole(value) is None and whole_size(value) is None and shapes.whole(value) is None


def test_a_size_is_one_a_spin_box_holds():
    assert whole_size(0) == 0 and whole_size(SIZE_LIMIT) == SIZE_LIMIT and whole_size("2048") == 2048
    assert whole_size(-1) is None and whole_size(SIZE_LIMIT + 1) is None
    assert whole(-1) == -1 and whole(SIZE_LIMIT + 1) == SIZE_LIMIT + 1       # unbounded: the caller clamps
    assert whole(5, low=1, high=4) is None and whole(3, low=1, high=4) == 3


def test_sizes_and_cpu_shares_are_written_only_when_whole():
    assert formatting.size_text(1536) == "1.5 GB" and formatting.size_text("1536") == "1.5 GB"
    assert formatting.size_text(1536.0) == "1.5 GB"
    assert formatting.size_text(1.5) == formatting.NO_VALUE         # before: "1 MB", a size the panel never sent
    assert formatting.size_text("\u0661\u0662") == formatting.NO_VALUE    # before: "12 MB"
    assert formatting.cpu_text("150") == "1.5 cores" and formatting.cpu_text(True) == formatting.NO_VALUE


def test_a_range_bound_in_exponent_notation_is_no_size():
    product = {"config_ranges": {"memory": {"min": "1e3", "max": 4096, "unit_price": "1.00"},
                                 "disk": {"min": "10240", "max": 204800.0, "step": "10240", "unit_price": "0.01"}}}
    assert pricing.config_ranges(product) == {"disk": {"min": 10240, "max": 204800, "step": 10240,
                                                       "unit_price": "0.01"}}


@pytest.mark.parametrize("order, column", [(3, 3), ("3", 3), (2.5, None), (float("inf"), None), (True, None)])
def test_the_caches_sort_columns_read_whole_numbers_so(order, column):
    row = table_row(TABLES["categories"], {"id": "c-1", "name": "VPS", "sort_order": order}, None)
    assert row["sort_order"] == column
