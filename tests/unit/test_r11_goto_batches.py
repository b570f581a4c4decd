"""Go to…'s index of 50,000 invoices took over half a second on the UI thread, freezing the window: it is now worked
out a batch at a time (`index_in_batches`, a generator the window runs between turns of the event loop). Built in
batches or at once, it is the same index: every typed text finds the same entries in the same order."""
from __future__ import annotations

import dataclasses
import random

from app.core.account_data import AccountData
from app.models.batches import BATCH_ROWS
from app.models.go_to import KINDS, GoToIndex, entries, index_in_batches, record_count, unpadded
from tests.gui.samples import invoice_rows

SCREENS = [("dashboard", "Dashboard"), ("invoices", "Invoices"), ("orders", "Orders"), ("support", "Support")]
ACCOUNTS = [("b", "Bee")]
TYPED = ["", "inv", "INV-17", "inv-0017", "17", "0017", "paid 17", "overdue", "vps", "vps 12", "help 3", "ord-5",
         "bee", "invoices", "t-00012", "srv-4", "10.5", "zzzz", "8.4", "· bee"]


def account(account_id: str, invoices: int, seed: int) -> AccountData:
    """Invoices in an order far from their numbers' (as a busy panel's are), services, orders and tickets."""
    rows = invoice_rows(invoices)
    random.Random(seed).shuffle(rows)
    rows[3]["status"] = rows[7]["status"] = "draft"           # never listed
    return AccountData(
        account_id, invoices=rows, public_settings={"tickets_enabled": True}, last_synced_at="2026-01-01",
        services=[{"id": f"s{i}", "status": "active", "product": {"name": f"Cloud VPS {i:04d}"},
                   "server": {"name": f"srv-{i}"}} for i in range(2_500)],
        orders=[{"id": f"o{i}", "order_number": f"ORD-{i:06d}", "status": "paid"} for i in range(2_500)],
        tickets=[{"id": f"t{i}", "subject": f"Help {i}", "ticket_number": f"T-{i:05d}", "status": "open"}
                 for i in range(2_500)])


def titled(index: GoToIndex, typed: str) -> list:
    """What find() lists first, worked out the slow way: the titles that are `typed`, then those starting with it
    (as written or with their numbers unpadded), each in the list's order."""
    titles = [(e.title.casefold(), unpadded(e.title.casefold())) for e in index.entries]
    exact = [n for n, both in enumerate(titles) if typed in both]
    starting = [n for n, (title, bare) in enumerate(titles)
                if typed not in (title, bare) and (title.startswith(typed) or bare.startswith(typed))]
    return [index.entries[n] for n in exact + starting]


def run(job):
    """(how many times it yielded, what it returned)."""
    turns = 0
    while True:
        try:
            next(job)
        except StopIteration as end:
            return turns, end.value
        turns += 1


def test_fifty_thousand_invoices_are_indexed_in_many_small_batches_into_the_same_index():
    data = account("a", 50_000, seed=1)
    other = dataclasses.replace(account("b", 5_000, seed=2), account_id="b")
    others = [("Bee", other)]
    at_once = GoToIndex(entries(data, SCREENS, ACCOUNTS, others), data.money, {"b": other.money})

    turns, index = run(index_in_batches(data, SCREENS, ACCOUNTS, others, KINDS, data.money, {"b": other.money}))

    # A yield at least every BATCH_ROWS records: the window gets a turn of its event loop between two batches.
    records = record_count(data, others)
    assert records > 60_000 and turns >= 3 * records // BATCH_ROWS
    assert index.entries == at_once.entries
    assert index.money == data.money and index.money_for(index.entries[-1]) == other.money
    for typed in TYPED:
        assert index.find(typed) == at_once.find(typed), typed
        assert index.find(typed, limit=500) == at_once.find(typed, limit=500), typed
    assert index.find("inv-17")[0].title == "INV-000017"
    for typed in ("inv-4", "inv-0004", "ord-1", "cloud vps 1", "help 2"):     # the sorted titles found them all
        first = titled(at_once, typed.replace("-000", "-"))
        assert len(first) > 100 and index.find(typed, limit=len(first)) == first, typed


def test_only_the_kinds_whose_screen_shows_are_indexed_as_the_window_filtered_them():
    data = account("a", 3_000, seed=3)
    for kinds in ({"ticket"}, {"invoice", "order"}, set()):
        wanted = [e for e in entries(data, SCREENS, ACCOUNTS) if e.kind in ("screen", "account") or e.kind in kinds]
        _turns, index = run(index_in_batches(data, SCREENS, ACCOUNTS, (), kinds, data.money))
        at_once = GoToIndex(wanted, data.money)
        assert index.entries == wanted
        for typed in TYPED:
            assert index.find(typed) == at_once.find(typed), (kinds, typed)

