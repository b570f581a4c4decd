"""Credit history in the order it happened: two entries of the same second (a transfer credited and spent at once)
come back in the order their balances chain, whatever their random ids, so the history never reads as if the
balance jumped, and the newest entry is the one whose balance is the current one."""
from __future__ import annotations

import itertools

from app.cache import AccountCache, CacheChanges
from app.core.ledger_order import in_ledger_order

SECOND = "2026-12-01T09:00:00Z"


def entry(key: str, amount: str, after: str, created_at: str = SECOND, kind: str = "adjustment") -> dict:
    return {"id": key, "amount": amount, "type": kind, "note": key, "invoice_id": None, "balance_after": after,
            "created_at": created_at, "updated_at": created_at}


OLDER = entry("older", "-19.20", "0.00", "2026-11-17T09:00:00Z", "payment")
CREDITED = entry("credited", "24.00", "24.00")
SPENT = entry("spent", "-24.00", "0.00", kind="payment")
REFUND = entry("refund", "24.00", "24.00", "2026-12-06T09:00:00Z", "refund")


def test_a_same_second_pair_reads_in_its_balances_order_whatever_the_ids(cache_path):
    for first, second in (("a", "b"), ("b", "a")):          # ids sort both ways
        spent, credited = dict(SPENT, id=first), dict(CREDITED, id=second)
        with AccountCache(cache_path) as cache:
            cache.apply(CacheChanges(upserts={"credit_transactions": [OLDER, credited, spent, REFUND]}))
            listed = [(row["amount"], row["balance_after"]) for row in cache.credit_transactions()]
        assert listed == [("24.00", "24.00"), ("-24.00", "0.00"), ("24.00", "24.00"), ("-19.20", "0.00")]
        cache_path.unlink()


def test_every_order_of_a_run_of_three_comes_out_chained():
    run = [entry("x", "10.00", "10.00"), entry("y", "-4.00", "6.00"), entry("z", "5.00", "11.00")]
    for shuffled in itertools.permutations(run):
        assert [row["id"] for row in in_ledger_order([*shuffled, entry("old", "0.00", "0.00", "2026-11-01")])] == [
            "z", "y", "x", "old"]
        # The oldest entries have nothing older to start from: the chain's own ends are enough when they differ.
        assert [row["id"] for row in in_ledger_order(list(shuffled))] == ["z", "y", "x"]


def test_what_does_not_chain_keeps_its_order():
    twins = [entry("p", "5.00", "5.00"), entry("q", "5.00", "5.00")]            # two fit equally well
    assert in_ledger_order(twins) == twins
    odd = [entry("p", "5.00", "5.00"), dict(entry("q", "x", "5.00"))]           # not a number
    assert in_ledger_order(odd) == odd
    gap = [entry("p", "5.00", "9.00"), entry("q", "1.00", "1.00")]              # no link between them
    assert in_ledger_order(gap) == gap
    assert in_ledger_order([]) == [] and in_ledger_order([CREDITED]) == [CREDITED]
