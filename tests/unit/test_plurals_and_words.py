"""Counts with their noun in the right plural form, in English and German ("1 second", "1 Sekunde", "2 Sekunden"),
instead of plurals built by hand ("{seconds} seconds" wrote "1 seconds", "{theirs} lines" "1 lines"); and the
resources a price check names are words of the user's language, not the panel's keys ("memory" in German)."""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
import requests

from app.api.network import reason_of
from app.core import text
from app.core.cart import compare
from app.core.formatting import seconds_phrase
from app.core.pricing import PricingError, resolve_config
from tests.support.german import speaking_german


@pytest.fixture
def german():
    """Sett's German words as Qt would pick them: German's first form for 1, the second for any other count."""
    with speaking_german() as words:
        yield words


def test_seconds_take_their_plural_form():
    assert [seconds_phrase(s) for s in (1, 15, 2.5, 3600)] == ["1 second", "15 seconds", "2.5 seconds",
                                                                  "3,600 seconds"]
    timeout = requests.exceptions.ReadTimeout("read timed out")
    assert reason_of(timeout, 1.0) == "no answer within 1 second"


def test_seconds_in_german(german):
    assert [seconds_phrase(s) for s in (1, 15, 2.5, 3600)] == ["1 Sekunde", "15 Sekunden", "2,5 Sekunden",
                                                                  "3.600 Sekunden"]
    assert reason_of(requests.exceptions.ReadTimeout("x"), 1.0) == "keine Antwort innerhalb von 1 Sekunde"


def _quote(count: int):
    lines = [SimpleNamespace(amount=Decimal("5.00"), description=f"Line {n}") for n in range(count)]
    zero = Decimal("0.00")
    return SimpleNamespace(lines=lines, subtotal=zero, discount=zero, tax_amount=zero, total=zero,
                           credits_applied=zero, due_now=zero)


def test_a_line_count_that_differs_is_said_with_its_plural(german):
    said = compare(_quote(2), {"lines": [{"amount": "5.00"}]})
    assert said[0] == "Das Panel hat 1 Position berechnet, dieser Computer 2."
    text.install(None)
    assert compare(_quote(2), {"lines": [{"amount": "5.00"}]})[0] == "The panel priced 1 line, this computer 2."
    assert compare(_quote(1), {"lines": [{"amount": "5.00"}] * 3})[0] == "The panel priced 3 lines, this computer 1."


PRODUCT = {"name": "Cloud VPS", "pricing_type": "configurable", "resources": {"memory": 1024, "disk": 10240},
           "config_ranges": {"disk": {"min": 10240, "max": 40960, "step": 1024, "unit_price": "0.10"}}}


def test_a_resource_that_cannot_be_chosen_is_named_in_german(german):
    with pytest.raises(PricingError) as caught:
        resolve_config(PRODUCT, {"memory": 2048})
    assert str(caught.value) == "Bei Cloud VPS lässt sich Arbeitsspeicher nicht wählen"
    assert "memory" not in str(caught.value)


def test_a_resource_that_cannot_be_chosen_keeps_its_english_words():
    with pytest.raises(PricingError, match="^Cloud VPS does not let you choose memory$"):
        resolve_config(PRODUCT, {"memory": 2048})


def test_a_cycle_a_product_is_not_sold_with_is_named_by_its_label(german):
    from app.core.pricing import cycle_price

    with pytest.raises(PricingError) as caught:
        cycle_price({"name": "Cloud VPS", "pricing": [{"billing_cycle": "monthly", "price": "5.00"}]}, "annual")
    assert str(caught.value) == "Cloud VPS wird nicht mit dem Abrechnungszeitraum Jährlich verkauft"
    text.install(None)
    with pytest.raises(PricingError, match="^Cloud VPS is not sold with the billing cycle Annual$"):
        cycle_price({"name": "Cloud VPS", "pricing": [{"billing_cycle": "monthly", "price": "5.00"}]}, "annual")


def _cut_short(tmp_path):
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 20)
    conn.commit()
    conn.close()
    with open(path, "r+b") as handle:
        handle.truncate(4096)
    return path


def test_a_cache_cut_short_counts_its_bytes_in_words(tmp_path):
    from app.cache import CacheError
    from app.cache.files import inspect

    with pytest.raises(CacheError, match=r"the file is cut short: 4,096 bytes of \d{1,3},\d{3}\)"):
        inspect(_cut_short(tmp_path))


def test_a_cache_cut_short_in_german(tmp_path, german):
    from app.cache import CacheError
    from app.cache.files import inspect

    with pytest.raises(CacheError, match=r"die Datei ist gekürzt: 4\.096 Bytes von \d{1,3}\.\d{3}\)"):
        inspect(_cut_short(tmp_path))
