"""Go to… (Ctrl+K): invoice numbers are zero-padded (INV-000017), and "inv-17" typed found nothing. A number typed
without its padding finds its record first, at 50,000 invoices still within a key press."""
from __future__ import annotations

import time

from app.models.go_to import Entry, GoToIndex


def invoices(count: int) -> list[Entry]:
    return [Entry("invoice", f"i-{n}", f"INV-{n:06d}", "Invoice · Paid", f"{n % 90 + 10}.05") for n in range(1, count)]


def test_a_number_typed_without_its_padding_finds_its_invoice_first():
    index = GoToIndex([Entry("screen", "invoices", "Invoices", "Screen"), *invoices(300),
                       Entry("order", "o-17", "ORD-000017", "Order · Active · Cloud VPS")])
    assert [e.title for e in index.find("inv-17")[:3]] == ["INV-000017", "INV-000170", "INV-000171"]
    assert index.find("INV-17")[0].title == "INV-000017"
    assert index.find("inv-0017")[0].title == "INV-000017"          # part of the padding typed
    assert index.find("inv-000017")[0].title == "INV-000017"        # all of it, as before
    assert index.find("ord-17")[0].title == "ORD-000017"
    assert [e.title for e in index.find("ord 17")] == ["ORD-000017"]     # each word, as before
    assert index.find("17")[0].title == "INV-000017"                # a title's word starting with it
    # Amounts keep their zeros: "10.05" is not "10.5", and a cent's "0.05" is not found as "5".
    assert not [e for e in index.find("10.5") if e.kind == "invoice"]


def test_fifty_thousand_invoices_are_searched_within_a_key_press():
    index = GoToIndex(invoices(50_001))
    index.find("inv-17")          # warm
    started = time.perf_counter()
    for typed in ("i", "in", "inv", "inv-", "inv-1", "inv-17", "inv-170", "paid 17"):
        found = index.find(typed)
    elapsed = (time.perf_counter() - started) / 8
    assert found and found[0].title.startswith("INV-")
    assert index.find("inv-49999")[0].title == "INV-049999"
    assert elapsed < 0.1, f"{elapsed * 1000:.0f} ms a key press"
