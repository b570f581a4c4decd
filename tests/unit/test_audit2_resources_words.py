"""A priced line's sizes read as every resources line does: one wording ("2 cores", "2 Kerne") and one separator
(" · "). The product's price line showed the pricing description's "4 GB RAM, 50 GB disk, 2 vCPU" under a resources
line saying "4 GB RAM · 50 GB disk · 2 Kerne"."""
from __future__ import annotations

from app.core import text
from app.core.formatting import line_resources_text, resources_text
from app.core.pricing import price_item

RANGES = {"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "1.25"},
          "disk": {"min": 10240, "max": 102400, "step": 10240, "unit_price": "0.05"},
          "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": "2.00"}}
CUSTOM = {"id": "p-custom", "name": "Custom VPS", "pricing_type": "configurable", "config_ranges": RANGES,
          "resources": {"memory": 2048, "disk": 20480, "cpu": 100},
          "pricing": [{"billing_cycle": "monthly", "price": "5.00", "setup_fee": "1.00"}]}
RAM = {"id": "p-ram", "name": "RAM Box", "pricing_type": "per_gb_memory", "resources": {"memory": 2048},
       "pricing": [{"billing_cycle": "monthly", "price": "3.00"}]}
FIXED = {"id": "p-fixed", "name": "Pro VPS", "pricing_type": "fixed", "resources": {"memory": 2048, "cpu": 100},
         "pricing": [{"billing_cycle": "monthly", "price": "10.00"}]}


def test_a_lines_sizes_read_like_the_resources_line():
    recurring, setup = price_item(CUSTOM, "monthly", {"memory": 4096, "disk": 51200, "cpu": 200}, 1, 2)
    assert line_resources_text(recurring) == "4 GB RAM · 50 GB disk · 2 cores"
    assert line_resources_text(recurring) == resources_text({"memory": 4096, "disk": 51200, "cpu": 200})
    assert line_resources_text(setup) == ""
    assert recurring.description == "Custom VPS (Monthly): 4 GB RAM, 50 GB disk, 2 vCPU"    # the panel's, as before
    [per_gb] = price_item(RAM, "monthly", None, 1, 2)
    assert line_resources_text(per_gb) == "2 GB RAM"            # the fixed size it is priced at
    assert line_resources_text(price_item(FIXED, "monthly", None, 1, 2)[0]) == ""    # as its description: no sizes


def test_in_german_the_line_and_the_resources_say_kerne_alike():
    german = {"{cores} cores": "{cores} Kerne", "{size} disk": "{size} Festplatte"}
    text.install(lambda context, source, _dis=None, _n=-1: german.get(source, source))
    try:
        [recurring] = price_item(CUSTOM, "monthly", {"cpu": 200}, 1, 2)[:1]
        assert line_resources_text(recurring) == resources_text({"memory": 2048, "disk": 20480, "cpu": 200})
        assert line_resources_text(recurring).endswith(" · 2 Kerne")
    finally:
        text.install(None)
