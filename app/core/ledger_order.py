"""Credit transactions in the order they happened, newest first (pure).

A panel often writes two entries in the same second: a bank transfer credited and at once spent on an invoice, a
refund and its payment. Their ids are UUIDs, so "created_at, id" puts such a pair in any order, and the history then
reads as if the balance jumped ("+$24.00, balance $24.00" under "-$24.00, balance $0.00"). Each entry carries the
balance after it, so the balance before it is `balance_after - amount`; within one second the entries are put in the
order in which those balances chain. Anything that does not chain (an odd amount, two entries that fit equally well)
keeps the order it came in.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation


def _balances(row: dict) -> tuple[Decimal, Decimal] | None:
    """(before, after) of one entry, or None when its figures are not plain decimals."""
    try:
        after = Decimal(str(row.get("balance_after")))
        before = after - Decimal(str(row.get("amount")))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return (before, after) if before.is_finite() and after.is_finite() else None


def _chained(group: list[dict], older_after: Decimal | None) -> list[dict] | None:
    """The group oldest first along its balances, or None when they do not make one chain."""
    figures = [_balances(row) for row in group]
    if any(figure is None for figure in figures):
        return None
    left = list(range(len(group)))
    afters = [figure[1] for figure in figures]
    chain: list[int] = []
    current = older_after
    while left:
        if current is None:
            # No older entry to start from: the first is the one whose balance before no other entry left.
            fits = [i for i in left if not any(figures[i][0] == afters[j] for j in left if j != i)]
        else:
            fits = [i for i in left if figures[i][0] == current]
        if len(fits) != 1:
            return None
        chain.append(fits[0])
        left.remove(fits[0])
        current = afters[fits[0]]
    return [group[i] for i in chain]


def in_ledger_order(rows: Sequence[dict]) -> list[dict]:
    """`rows` (newest first, by `created_at`) with each run of one `created_at` put in its balances' order."""
    out = list(rows)
    start = 0
    while start < len(out):
        end = start + 1
        while end < len(out) and out[end].get("created_at") == out[start].get("created_at"):
            end += 1
        if end - start > 1:
            older = _balances(out[end]) if end < len(out) else None
            chain = _chained(out[start:end], older[1] if older else None)
            if chain is None and older is not None:
                chain = _chained(out[start:end], None)   # the older entry may not chain to this run: try without
            if chain is not None:
                out[start:end] = chain[::-1]
        start = end
    return out
