"""An answer within the byte limit can still hold millions of values: an invoice's detail with 400,000 empty lines
(1.2 MB) took 10 s to check and was saved whole, for the invoice's page and its PDF to draw; a page of rows each
naming thousands of services likewise. An answer holding more than `limits.MAX_JSON_VALUES` values is now refused
as it is read, before any of it is checked, in words, the cache unchanged. Canned answers through the real
client, sync engine and cache (no sockets)."""
from __future__ import annotations

import json
import time

import pytest

from app.api import BadAnswer
from app.api.envelope import parse_body
from app.api.limits import MAX_JSON_VALUES, MAX_PAGE_ROWS
from app.session.wording import explain

from . import hostile

LATER = "2026-03-01T00:00:00Z"
INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": LATER}
ORDER = {**hostile.LIST_ROWS["/billing/orders"][0], "updated_at": LATER}


def panel(answers: dict[str, bytes]):
    return hostile.canned_panel(answers)


def compact(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def sync(session, path):
    return hostile.canned_sync(session, path)


def dump(path) -> list:
    return hostile.cache_tables(path, "invoices", "orders", "sync_state")


def listed(rows) -> bytes:
    return compact({"data": rows, "meta": {"current_page": 1, "total_pages": 1}})


@pytest.mark.parametrize("answers", [
    {"/billing/invoices": listed([INVOICE]),
     "/billing/invoices/inv-1": compact({"data": {**INVOICE, "lines": [{}] * 400_000}})},
    {"/billing/orders": listed([{**ORDER, "id": f"ord-{n}", "service_ids": ["s"] * 20_000} for n in range(50)])},
], ids=["an invoice of 400,000 lines", "orders naming a million services"])
def test_an_answer_of_millions_of_values_is_refused_as_it_is_read(tmp_path, answers):
    path = tmp_path / "cache.sqlite3"
    sync(panel({}), path)
    before = dump(path)
    started = time.monotonic()
    with pytest.raises(BadAnswer) as caught:
        sync(panel(answers), path)
    assert time.monotonic() - started < 5
    assert dump(path) == before
    assert "values" in str(caught.value)
    assert explain(caught.value)[0] == "The panel sent an answer Sett does not understand."


def test_the_largest_page_sett_reads_fits_with_room():
    row = {f"field_{n}": "x" for n in range(40)}          # a wide row: 40 fields
    row["lines"] = [{"amount": "1.00", "quantity": 1}] * 3
    parse_body(compact({"data": [row] * MAX_PAGE_ROWS, "meta": {"current_page": 1}}))
    assert MAX_JSON_VALUES >= 4 * 50 * MAX_PAGE_ROWS
