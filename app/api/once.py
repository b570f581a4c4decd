"""Each record once: the rows of a list a panel sends with an id twice, and the objects a record holds by id (a
ticket's `messages`, an invoice's `payments`; a product's `pricing` by billing cycle) likewise.

One rule for all of them (`one_per_id`): the copy changed last is kept (`updated_at`, read as a time; the later one
in the list when they tie or cannot be read), in the place of its first, so copies that are the same are simply
one. A list's rows listed twice (pages that shifted under a sync, a join gone wrong) were written to the cache once
each, the older copy over the newer; a ticket's message sent twice was shown twice in its conversation, and an
invoice's payment twice on its page and in the payments exported.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from .fields import aware_time

# The lists of objects a record holds whose items the panel names by a key (`id`; a product's prices by their
# billing cycle, two different prices for one cycle being refused by `schemas.Product`). An invoice's lines and an
# order's items name none (two lines alike are two lines).
NESTED_BY_ID = {"messages": "id", "payments": "id", "pricing": "billing_cycle"}


def one_per_id(rows: list[dict], key: str = "id") -> list[dict]:
    """`rows` with each `key` once (as the cache keys it, text): the copy changed last, in the place of the first.
    Rows without one (None) are kept as they are. `rows` itself when no key is there twice."""
    kept: dict[str, dict] = {}
    places: list[tuple[str | None, Any]] = []     # (id, None) for a row kept by id, (None, row) for one without
    for row in rows:
        ident = row.get(key) if isinstance(row, dict) else None
        if ident is None:
            places.append((None, row))
            continue
        ident = str(ident)
        earlier = kept.get(ident)
        if earlier is None:
            places.append((ident, None))
            kept[ident] = row
        elif not _older(row, earlier):
            kept[ident] = row
    if len(places) == len(rows):
        return rows
    return [kept[ident] if ident is not None else row for ident, row in places]


def nested_once(record: Any) -> Any:
    """`record` (an object, in place) with each of its `NESTED_BY_ID` lists holding every id once."""
    if isinstance(record, dict):
        for name, key in NESTED_BY_ID.items():
            items = record.get(name)
            if isinstance(items, list) and len(items) > 1:
                once = one_per_id(items, key)
                if once is not items:
                    record[name] = once
    return record


def _older(row: dict, than: dict) -> bool:
    mine, theirs = _moment(row.get("updated_at")), _moment(than.get("updated_at"))
    return mine is not None and theirs is not None and mine < theirs


def _moment(value: object) -> datetime | None:
    try:
        return aware_time(value)
    except ValueError:
        return None


__all__ = ["NESTED_BY_ID", "nested_once", "one_per_id"]
