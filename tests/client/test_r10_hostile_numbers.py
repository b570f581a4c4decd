"""A JSON number no panel sends is refused as what it is: an answer Sett does not understand, naming the number,
with the cache as it was. A whole number of thousands of digits (JSON sets no length) was read as "something
that is not JSON", so the account said its address was no billing panel at all, as 1e400 or a 200-digit
fraction already is not. Canned answers through the real client, sync engine and cache (no sockets)."""
from __future__ import annotations

import json

import pytest

from app.api import BadAnswer
from app.api.envelope import parse_body
from app.session.wording import explain

from . import hostile

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": "2026-03-01T00:00:00Z"}


def sync(session, path):
    return hostile.canned_sync(session, path)


def dump(path) -> list:
    return hostile.cache_tables(path, "invoices", "config", "sync_state")


def panel(invoices: bytes | None = None):
    return hostile.canned_panel({} if invoices is None else {"/billing/invoices": invoices})


def listing(field: str, number: str) -> bytes:
    row = json.dumps(INVOICE)[:-1] + f', "{field}": {number}' + "}"
    return ('{"data": [' + row + '], "meta": {"current_page": 1, "total_pages": 1}}').encode()


@pytest.mark.parametrize(("field", "number"), [
    ("total", "9" * 5000),          # past Python's 4,300 digits for reading an int
    ("total", "-" + "1" * 4400),
    ("id", "7" * 4400),
])
def test_a_whole_number_no_panel_sends_is_refused_by_name_and_changes_nothing(tmp_path, field, number):
    path = tmp_path / "cache.sqlite3"
    sync(panel(), path)
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        sync(panel(listing(field, number)), path)
    assert dump(path) == before
    assert "sent the number" in str(caught.value) and "not JSON" not in str(caught.value)
    headline, _ = explain(caught.value)
    assert headline == "The panel sent an answer Sett does not understand."


def test_whole_numbers_a_panel_does_send_are_read_as_ever():
    parsed = parse_body(b'{"data": {"id": ' + b"7" * 200 + b', "count": -12, "amount": 12.99, "n": 0}}')
    assert parsed["data"]["id"] == int("7" * 200) and parsed["data"]["count"] == -12
    assert str(parsed["data"]["amount"]) == "12.99" and parsed["data"]["n"] == 0
